import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openTestBackend, klasterIII, type TestBackend } from '../support/meeting-helpers';
import { b64, exeBytes, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { acceptBytes } from '../../src-main/core/evidence/repository';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { t as msg } from '../../shared/messages';

// Issue 13, storage that never loses a file, through backend.invoke on a real SQLite file and
// a real data folder: attach, list, read, edit, delete to Terhapus and restore; identical files
// stored once; bad inputs refused with nothing written.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function firstIndicator(year = 2024) {
  const ref = await t.call('reference.get', { year });
  return ref.clusters[0].indicators[0];
}

function evidenceRows(): number {
  return (t.backend.db.prepare(`SELECT count(*) AS n FROM evidence`).get() as { n: number }).n;
}

describe('attach, list, read, update', () => {
  it('stores the file by its hash in the data folder and reads back the same bytes', async () => {
    const indicator = await firstIndicator();
    const bytes = pdfBytes('Perda Nomor 5 Tahun 2020');
    const e = await t.call('evidence.attach', {
      indicatorId: indicator.id, evaluationYear: 2024, fileName: 'perda kla.pdf', base64: b64(bytes), evidenceDate: '2024-03-01', requestId: randomUUID(),
    });
    expect(e).toMatchObject({ sha256: sha256Of(bytes), sizeBytes: bytes.length, mediaType: 'application/pdf', originalName: 'perda kla.pdf', title: 'perda kla.pdf', revision: 1 });
    const file = storedPath(t.dir, e.sha256);
    expect(file).toBe(path.join(t.dir, 'files', e.sha256.slice(0, 2), e.sha256));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // Nothing temporary stays in the store.
    expect(fs.readdirSync(path.join(t.dir, 'files')).filter((n) => n.startsWith('.'))).toEqual([]);

    expect(await t.call('evidence.list', { indicatorId: indicator.id, evaluationYear: 2024 })).toEqual([e]);
    expect(await t.call('evidence.list', { indicatorId: indicator.id, evaluationYear: 2025 })).toEqual([]);
    const read = await t.call('evidence.read', { id: e.id });
    expect(read).toEqual({ fileName: 'perda kla.pdf', mediaType: 'application/pdf', base64: b64(bytes) });
  });

  it('attaches to a meeting and to an RTL; the type comes from the bytes, not the name', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, indicatorId: indicators[0].id, description: 'Sweeping imunisasi' });
    const photo = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'IMG_0001', base64: b64(jpegBytes()), evidenceDate: '2025-03-10', title: 'Foto rakor' });
    const scan = await t.call('evidence.attach', { actionItemId: rtl.id, fileName: 'bukti.pdf', base64: b64(pngBytes()), evidenceDate: '2025-03-20' });
    expect(photo.mediaType).toBe('image/jpeg');
    expect(scan.mediaType).toBe('image/png');
    expect((await t.call('evidence.list', { meetingId: meeting.id })).map((e) => e.id)).toEqual([photo.id]);
    expect((await t.call('evidence.list', { actionItemId: rtl.id })).map((e) => e.id)).toEqual([scan.id]);
    // Download name: the title with the real extension.
    expect((await t.call('evidence.read', { id: photo.id })).fileName).toBe('Foto rakor.jpg');
    expect((await t.call('evidence.read', { id: scan.id })).fileName).toBe('bukti.pdf.png');
  });

  it('accepts real Word and Excel files (the app’s own exports)', async () => {
    const { meeting } = await klasterIII(t);
    const docx = await t.call('export.minutes', { meetingId: meeting.id });
    const xlsx = await t.call('reference.exportXlsx', { year: 2024 });
    const w = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen.docx', base64: docx.base64, evidenceDate: '2025-03-10' });
    const x = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'referensi.xlsx', base64: xlsx.base64, evidenceDate: '2025-03-10' });
    expect(w.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(x.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('a retry with the same requestId attaches once', async () => {
    const { meeting } = await klasterIII(t);
    const input = { meetingId: meeting.id, fileName: 'a.png', base64: b64(pngBytes()), evidenceDate: '2025-03-10', requestId: randomUUID() };
    const first = await t.call('evidence.attach', input);
    expect(await t.call('evidence.attach', input)).toEqual(first);
    expect(evidenceRows()).toBe(1);
  });

  it('updates title, date and notes with the revision it saw; an older revision is STALE', async () => {
    const { meeting } = await klasterIII(t);
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'a.png', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    const u = await t.call('evidence.update', { id: e.id, baseRevision: 1, title: 'Daftar hadir bertanda tangan', notes: 'Pindaian', evidenceDate: '2025-03-11' });
    expect(u).toMatchObject({ title: 'Daftar hadir bertanda tangan', notes: 'Pindaian', evidenceDate: '2025-03-11', revision: 2 });
    const stale = await t.fail('evidence.update', { id: e.id, baseRevision: 1, title: 'Lain' });
    expect(stale.code).toBe('STALE');
    expect((await t.call('evidence.list', { meetingId: meeting.id }))[0].title).toBe('Daftar hadir bertanda tangan');
  });
});

describe('the same content is stored once', () => {
  it('two attachments of identical bytes (different names, owners) share one stored file', async () => {
    const { meeting } = await klasterIII(t);
    const indicator = await firstIndicator();
    const bytes = pdfBytes('SK Gugus Tugas');
    const a = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'sk.pdf', base64: b64(bytes), evidenceDate: '2025-03-10' });
    const b = await t.call('evidence.attach', { indicatorId: indicator.id, evaluationYear: 2024, fileName: 'SK GT (salinan).pdf', base64: b64(bytes), evidenceDate: '2025-03-10' });
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(listStoredHashes(t.dir)).toEqual([a.sha256]);
  });
});

describe('delete to Terhapus and restore', () => {
  it('a deleted file leaves the list, stays in the store, and trash.restore brings it back with its id', async () => {
    const { meeting } = await klasterIII(t);
    const bytes = jpegBytes();
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.jpg', title: 'Foto pembukaan', base64: b64(bytes), evidenceDate: '2025-03-10' });
    const { trashId } = await t.call('evidence.delete', { id: e.id });
    expect(await t.call('evidence.list', { meetingId: meeting.id })).toEqual([]);
    const entry = (await t.call('trash.list', {})).find((x) => x.id === trashId);
    expect(entry).toMatchObject({ kind: 'evidence', label: 'Data dukung: Foto pembukaan' });
    expect(fs.readFileSync(storedPath(t.dir, e.sha256)).equals(bytes)).toBe(true);
    // A trashed file is still checked.
    expect(await t.call('evidence.verify', {})).toEqual([]);

    await t.call('trash.restore', { id: trashId });
    expect(await t.call('evidence.list', { meetingId: meeting.id })).toEqual([e]);
    expect((await t.call('evidence.read', { id: e.id })).base64).toBe(b64(bytes));
  });

  it('a file of a closed meeting can be deleted and restored (scans arrive after the close)', async () => {
    const { meeting } = await klasterIII(t);
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'notulen-ttd.pdf', base64: b64(pdfBytes('ttd')), evidenceDate: '2025-03-12' });
    const { trashId } = await t.call('evidence.delete', { id: e.id });
    await t.call('trash.restore', { id: trashId });
    expect((await t.call('evidence.list', { meetingId: meeting.id })).map((x) => x.id)).toEqual([e.id]);
  });

  it('deleting an RTL takes its proof along; restoring the RTL brings it back', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, indicatorId: indicators[0].id, description: 'Posyandu keliling' });
    const e = await t.call('evidence.attach', { actionItemId: rtl.id, fileName: 'bukti.png', base64: b64(pngBytes()), evidenceDate: '2025-03-20' });
    const deleted = await t.call('actionItem.delete', { id: rtl.id });
    expect(evidenceRows()).toBe(0);
    await t.call('trash.restore', { id: (deleted as { trashId: number }).trashId });
    expect(await t.call('evidence.list', { actionItemId: rtl.id })).toEqual([e]);
  });
});

describe('bad inputs are refused with a clear message and nothing written', () => {
  async function refused(input: Record<string, unknown>): Promise<string> {
    const { meeting } = await klasterIII(t);
    const error = await t.fail('evidence.attach', { meetingId: meeting.id, fileName: 'a.pdf', base64: b64(pdfBytes()), evidenceDate: '2025-03-10', ...input });
    expect(evidenceRows()).toBe(0);
    expect(fs.existsSync(path.join(t.dir, 'files')) ? fs.readdirSync(path.join(t.dir, 'files'), { recursive: true }) : []).toEqual([]);
    return [error.message, ...(error.fields ?? []).map((f) => f.message)].join(' | ');
  }

  it('an .exe, even named .pdf', async () => {
    expect(await refused({ fileName: 'setup.exe', base64: b64(exeBytes()) })).toContain(msg('evidence.badType'));
    expect(await refused({ fileName: 'notulen.pdf', base64: b64(exeBytes()) })).toContain(msg('evidence.badType'));
  });

  it('a zip that is not a Word/Excel document, and plain text', async () => {
    expect(await refused({ fileName: 'x.docx', base64: b64(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('malware.js')])) })).toContain(msg('evidence.badType'));
    expect(await refused({ fileName: 'x.pdf', base64: b64(Buffer.from('hello')) })).toContain(msg('evidence.badType'));
  });

  it('an empty file', async () => {
    expect(await refused({ base64: '' })).toContain(msg('evidence.empty'));
  });

  it('a file over 50 MB (the message says the limit)', async () => {
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
    big.write('%PDF-1.4', 'latin1');
    expect(await refused({ base64: b64(big) })).toContain('50 MB');
    // The core's own check, for callers that reach it without the schema (a 2 GB file is refused
    // by the size of its base64 long before it is decoded).
    expect(() => acceptBytes(big)).toThrow(/Batasnya 50 MB/);
  });

  it('a name with ../, a path or control characters', async () => {
    for (const fileName of ['../../etc/passwd.pdf', '..\\win.pdf', 'a/b.pdf', 'a\u0000.pdf', 'a\nb.pdf', '..']) {
      expect(await refused({ fileName })).toContain(msg('evidence.badName'));
    }
  });

  it('no owner, two owners, a missing owner, broken base64', async () => {
    expect(await refused({ meetingId: undefined })).toContain(msg('evidence.ownerMissing'));
    expect(await refused({ actionItemId: 1 })).toContain(msg('evidence.ownerMissing'));
    expect(await refused({ meetingId: 999_999 })).toContain(msg('evidence.ownerGone'));
    expect(await refused({ base64: 'not base64!' })).toContain(msg('evidence.badBase64'));
  });
});
