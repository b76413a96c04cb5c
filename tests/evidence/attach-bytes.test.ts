import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { b64, jpegBytes, pdfBytes } from '../support/evidence-files';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';

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
