import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { b64, exeBytes, jpegBytes, pdfBytes } from '../support/evidence-files';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { t as message } from '../../shared/messages';

// evidence.attach takes the file as bytes where the transport carries them (Electron's IPC, the
// web runtime's upload route) and as base64 over JSON: the same checks and the same stored file.

let t: TestBackend;
let meetingId = 0;
beforeEach(async () => {
  t = openTestBackend();
  meetingId = (await t.call('meeting.create', { title: 'Rakor Foto', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] })).id;
});
afterEach(() => t.close());

const base = () => ({ meetingId, fileName: 'foto.jpg', evidenceDate: '2025-03-10' });

describe('attach with bytes', () => {
  it('stores the same file as base64 would, once', async () => {
    const bytes = jpegBytes();
    const viaBytes = await t.call('evidence.attach', { ...base(), bytes: new Uint8Array(bytes) });
    const viaBase64 = await t.call('evidence.attach', { ...base(), base64: b64(bytes) });
    expect(viaBytes.sha256).toBe(sha256Of(bytes));
    expect(viaBase64.sha256).toBe(viaBytes.sha256);
    expect(fs.readFileSync(storedPath(t.dir, viaBytes.sha256)).equals(bytes)).toBe(true);
    expect(listStoredHashes(t.dir)).toEqual([viaBytes.sha256]);
  });

  it('refuses empty, oversized, neither and both, writing nothing', async () => {
    const empty = await t.fail('evidence.attach', { ...base(), bytes: new Uint8Array(0) });
    expect(empty.message).toBe('Berkas kosong (0 byte) tidak dapat dilampirkan.');
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await t.fail('evidence.attach', { ...base(), bytes: big });
    expect(tooBig).toMatchObject({ code: 'TOO_LARGE' });
    expect(tooBig.message).toContain('Batasnya 50 MB per berkas');
    const neither = await t.fail('evidence.attach', base());
    expect(JSON.stringify(neither.fields)).toContain('Berkas kosong');
    const both = await t.fail('evidence.attach', { ...base(), base64: b64(pdfBytes()), bytes: new Uint8Array(pdfBytes()) });
    expect(both.code).toBe('VALIDATION');
    expect(listStoredHashes(t.dir)).toEqual([]);
    expect((t.backend.db.prepare(`SELECT count(*) AS n FROM evidence`).get() as { n: number }).n).toBe(0);
  });
});

describe('attaches in flight together (committed as one group)', () => {
  it('attaches the good files, refuses the bad one by name, and stores identical files once', async () => {
    const photos = [jpegBytes(), jpegBytes(), jpegBytes()];
    const requestId = randomUUID();
    const sent = [
      ...photos.map((bytes, i) => t.backend.invoke('evidence.attach', { ...base(), fileName: `foto-${i}.jpg`, bytes: new Uint8Array(bytes) })),
      t.backend.invoke('evidence.attach', { ...base(), fileName: 'setup.jpg', bytes: new Uint8Array(exeBytes()) }),
      t.backend.invoke('evidence.attach', { ...base(), fileName: 'kembar.jpg', bytes: new Uint8Array(photos[0]!) }),
      // A retry sent while the first try is still in flight: one row, the same answer.
      t.backend.invoke('evidence.attach', { ...base(), fileName: 'ulang.jpg', bytes: new Uint8Array(photos[1]!), requestId }),
      t.backend.invoke('evidence.attach', { ...base(), fileName: 'ulang.jpg', bytes: new Uint8Array(photos[1]!), requestId }),
    ];
    const results = await Promise.all(sent);
    const refused = results[3]!;
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(refused.ok ? '' : refused.error.message).toContain('Jenis berkas');
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    const [first, second] = [results[5]!, results[6]!];
    expect(first.ok && second.ok && first.data).toEqual(second.ok && second.data);
    const rows = t.backend.db.prepare(`SELECT original_name AS name FROM evidence ORDER BY id`).all() as { name: string }[];
    expect(rows.map((r) => r.name).sort()).toEqual(['foto-0.jpg', 'foto-1.jpg', 'foto-2.jpg', 'kembar.jpg', 'ulang.jpg']);
    expect(listStoredHashes(t.dir)).toEqual(photos.map((p) => sha256Of(p)).sort());
    expect(fs.readdirSync(path.join(t.dir, 'files')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses an attach whose rakor was deleted while its file was written, keeping the others', async () => {
    const other = (await t.call('meeting.create', { title: 'Rakor Lain', clusterCodes: ['III'], date: '2025-03-11', startTime: '09:00', agenda: [] })).id;
    const kept = t.backend.invoke('evidence.attach', { ...base(), fileName: 'tetap.jpg', bytes: new Uint8Array(jpegBytes()) });
    // 8 MB, so its write and fsync on the thread pool outlast the wait below.
    const orphan = t.backend.invoke('evidence.attach', { ...base(), meetingId: other, fileName: 'yatim.jpg', bytes: new Uint8Array(jpegBytes(randomBytes(8 * 1024 * 1024))) });
    // Once a temp file exists, both attaches have passed their checks: the rakor goes now.
    const files = path.join(t.dir, 'files');
    while (!(fs.existsSync(files) && fs.readdirSync(files).some((n) => n.startsWith('.tmp-')))) await new Promise((r) => setImmediate(r));
    t.backend.db.prepare(`DELETE FROM meeting WHERE id = ?`).run(other);
    const [a, b] = await Promise.all([kept, orphan]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(b.ok ? '' : b.error.message).not.toMatch(/at |Error:/);
    const rows = t.backend.db.prepare(`SELECT original_name AS name FROM evidence`).all() as { name: string }[];
    expect(rows).toEqual([{ name: 'tetap.jpg' }]);
    expect(b.ok ? '' : b.error.message).toBe(message('evidence.ownerGone'));
  });
});
