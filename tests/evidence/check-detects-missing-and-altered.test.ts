import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openTestBackend, klasterIII } from '../support/meeting-helpers';
import { b64, pdfBytes, pngBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { t as msg } from '../../shared/messages';

// Issue 13: a file altered or removed on disk is reported by `check` (exit 1, named in the
// output) and by evidence.verify, and is never served as if it were the file attached.

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('check and evidence.verify', () => {
  it('report an altered and a missing file by name; check passes again once they are good', async () => {
    const t = openTestBackend();
    const { meeting } = await klasterIII(t);
    const goodBytes = pdfBytes('Notulen bertanda tangan');
    const altered = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.pdf', title: 'Notulen bertanda tangan', base64: b64(goodBytes), evidenceDate: '2025-03-12' });
    const missing = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', title: 'Foto rakor', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    const clean = cli('check', '--data-dir', t.dir, '--json');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout).evidenceProblems).toEqual([]);

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

    // The command line says it too, while the app holds the folder (check only reads).
    const text = cli('check', '--data-dir', t.dir);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Data dukung  : 2 masalah');
    expect(text.stdout).toContain(problems[0].message);
    expect(text.stdout).toContain(problems[1].message);
    expect(text.stdout).toContain('Hasil: ADA MASALAH');
    const json = JSON.parse(cli('check', '--data-dir', t.dir, '--json').stdout);
    expect(json.ok).toBe(false);
    expect(json.evidenceProblems).toHaveLength(2);

    // Attaching the good bytes again repairs the altered copy (same hash, rewritten).
    await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.pdf', base64: b64(goodBytes), evidenceDate: '2025-03-12' });
    expect((await t.call('evidence.verify', {})).map((p) => p.id)).toEqual([missing.id]);
    t.close();
  }, 120_000);

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
