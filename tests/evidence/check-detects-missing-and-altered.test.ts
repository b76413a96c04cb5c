import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openTestBackend, klasterIII } from '../support/meeting-helpers';
import { b64, pdfBytes, pngBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { t as msg } from '../../shared/messages';

// Issue 13: a file altered or removed on disk is reported by evidence.verify and is never served
// as if it were the file attached. The `check` command's report of the same damage is in
// tests/cli/check-reports-evidence-problems.test.ts (a child process, outside a mutation run).

describe('evidence.verify', () => {
  it('reports an altered and a missing file by name; verify passes again once the bytes are good', async () => {
    const t = openTestBackend();
    const { meeting } = await klasterIII(t);
    const goodBytes = pdfBytes('Notulen bertanda tangan');
    const altered = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.pdf', title: 'Notulen bertanda tangan', base64: b64(goodBytes), evidenceDate: '2025-03-12' });
    const missing = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', title: 'Foto rakor', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    expect(await t.call('evidence.verify', {})).toEqual([]);

    // One byte changed; the other file gone.
    const file = storedPath(t.dir, altered.sha256);
    const changed = Buffer.from(goodBytes);
    changed[changed.length - 2] ^= 1;
    fs.writeFileSync(file, changed);
    fs.rmSync(storedPath(t.dir, missing.sha256));

    const problems = await t.call('evidence.verify', {});
    expect(problems.map((p) => [p.id, p.problem])).toEqual([[altered.id, 'altered'], [missing.id, 'missing']]);
    expect(problems[0].message).toBe(msg('evidence.fileAltered', { name: 'Notulen bertanda tangan (notulen.pdf)' }));
    const read = await t.fail('evidence.read', { id: altered.id });
    expect(read).toMatchObject({ code: 'IO', message: msg('evidence.fileAltered', { name: 'Notulen bertanda tangan' }) });
    expect((await t.fail('evidence.read', { id: missing.id })).message).toBe(msg('evidence.fileMissing', { name: 'Foto rakor' }));

    // Attaching the good bytes again repairs the altered copy (same hash, rewritten).
    await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.pdf', base64: b64(goodBytes), evidenceDate: '2025-03-12' });
    expect((await t.call('evidence.verify', {})).map((p) => p.id)).toEqual([missing.id]);
    t.close();
  });

  it('files in Terhapus are checked too', async () => {
    const t = openTestBackend();
    const { meeting } = await klasterIII(t);
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    const { trashId } = await t.call('evidence.delete', { id: e.id });
    fs.rmSync(storedPath(t.dir, e.sha256));
    expect(await t.call('evidence.verify', {})).toMatchObject([{ id: -trashId, problem: 'missing', sha256: e.sha256 }]);
    t.close();
  });
});
