import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { klasterIII } from '../support/meeting-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { b64, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { t as msg } from '../../shared/messages';

// Data dukung rows (evidence/repository.ts): every refusal with its exact code and message and
// nothing written, the download name a file gets, and what evidence.verify reports for the
// photos a closed notulen prints.

const t = backendPerTest();

async function indicatorOf(number: number) {
  const ref = await t.call('reference.get', { year: 2024 });
  return ref.clusters.flatMap((c) => c.indicators).find((i) => i.number === number)!;
}

describe('refusals: the exact code and message, nothing written', () => {
  it('a file id that does not exist (read, edit, delete)', async () => {
    const notFound = { code: 'NOT_FOUND', message: msg('error.notFound') };
    const before = storedData(t);
    expect(await t.fail('evidence.read', { id: 4242 })).toMatchObject(notFound);
    expect(await t.fail('evidence.update', { id: 4242, baseRevision: 1, title: 'Lain' })).toMatchObject(notFound);
    expect(await t.fail('evidence.delete', { id: 4242 })).toMatchObject(notFound);
    expect(storedData(t)).toBe(before);
  });

  it('an expected item that does not exist, or that belongs to another indicator (attach and edit)', async () => {
    const one = await indicatorOf(1);
    const [ofOne] = await t.call('evidence.expectations', { indicatorNumber: 1 });
    const [ofTwo] = await t.call('evidence.expectations', { indicatorNumber: 2 });
    const attach = { indicatorId: one.id, evaluationYear: 2024, fileName: 'perda.pdf', base64: b64(pdfBytes()), evidenceDate: '2024-05-01' };
    const before = storedData(t);
    expect(await t.fail('evidence.attach', { ...attach, expectationId: 98_765 })).toMatchObject({ code: 'NOT_FOUND', message: msg('error.notFound') });
    expect(await t.fail('evidence.attach', { ...attach, expectationId: ofTwo.id })).toMatchObject({ code: 'VALIDATION', message: msg('evidence.expectationOther') });
    expect(storedData(t)).toBe(before);

    const e = await t.call('evidence.attach', attach);
    expect(e.expectationId).toBeNull();
    const other = await t.fail('evidence.update', { id: e.id, baseRevision: 1, expectationId: ofTwo.id });
    expect(other).toMatchObject({ code: 'VALIDATION', message: msg('evidence.expectationOther') });
    expect(await t.fail('evidence.update', { id: e.id, baseRevision: 1, expectationId: 98_765 })).toMatchObject({ code: 'NOT_FOUND', message: msg('error.notFound') });
    expect((await t.call('evidence.list', { indicatorId: one.id, evaluationYear: 2024 }))[0]).toEqual(e);
    // Its own indicator's item is accepted.
    expect(await t.call('evidence.update', { id: e.id, baseRevision: 1, expectationId: ofOne.id })).toMatchObject({ expectationId: ofOne.id, revision: 2 });
  });

  it('an edit based on an older revision is STALE and carries the file as it is now', async () => {
    const { meeting } = await klasterIII(t);
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    const now = await t.call('evidence.update', { id: e.id, baseRevision: 1, title: 'Foto pembukaan' });
    const stale = await t.fail('evidence.update', { id: e.id, baseRevision: 1, title: 'Foto lain' });
    expect(stale).toMatchObject({ code: 'STALE', message: msg('error.stale') });
    expect(stale.current).toEqual(now);
    expect(now).toMatchObject({ title: 'Foto pembukaan', revision: 2 });
  });

  it('base64 that is not the strict form: a stray character, a missing padding', async () => {
    const { meeting } = await klasterIII(t);
    const before = storedData(t);
    const bad = { code: 'VALIDATION', message: msg('evidence.badBase64') };
    const pdf = b64(pdfBytes());
    // Length still a multiple of 4, one character not base64.
    expect(pdf.length % 4).toBe(0);
    expect(await t.fail('evidence.attach', { meetingId: meeting.id, fileName: 'a.pdf', base64: `${pdf.slice(0, -4)}QU!D`, evidenceDate: '2025-03-10' })).toMatchObject(bad);
    // "%PDF" is JVBERg== in full; without its padding it is refused, not guessed at.
    expect(await t.fail('evidence.attach', { meetingId: meeting.id, fileName: 'a.pdf', base64: 'JVBERg', evidenceDate: '2025-03-10' })).toMatchObject(bad);
    expect(storedData(t)).toBe(before);
  });

  it('an empty file, with its code; a file of exactly 50 MB is accepted', async () => {
    const { meeting } = await klasterIII(t);
    const empty = await t.fail('evidence.attach', { meetingId: meeting.id, fileName: 'kosong.jpg', bytes: new Uint8Array(0), evidenceDate: '2025-03-10' });
    expect(empty).toMatchObject({ code: 'VALIDATION', message: msg('evidence.empty') });
    const limit = new Uint8Array(MAX_EVIDENCE_BYTES);
    limit.set(jpegBytes());
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'besar.jpg', bytes: limit, evidenceDate: '2025-03-10' });
    expect(e).toMatchObject({ sizeBytes: 50 * 1024 * 1024, mediaType: 'image/jpeg' });
  });

  it('a file gone from the data folder is an IO error naming it, never served', async () => {
    const { meeting } = await klasterIII(t);
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', title: 'Foto rakor', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    fs.rmSync(storedPath(t.dir, e.sha256));
    expect(await t.fail('evidence.read', { id: e.id })).toMatchObject({ code: 'IO', message: msg('evidence.fileMissing', { name: 'Foto rakor' }) });
  });
});

describe('the download name: the title made safe for a file system, with the real extension', () => {
  const cases: [title: string, fileName: string][] = [
    ['Laporan: Triwulan I / 2024', 'Laporan Triwulan I 2024.pdf'],
    ['SK*GT?"KLA"', 'SK GT KLA.pdf'],
    ['/Perda/', 'Perda.pdf'],
    ['Notulen <final>|ttd', 'Notulen final ttd.pdf'],
    ['???', 'data dukung.pdf'],
    ['Perda KLA.PDF', 'Perda KLA.PDF'],
    [`${'a'.repeat(119)} bcd`, `${'a'.repeat(119)}.pdf`],
    ['😀'.repeat(121), `${'😀'.repeat(120)}.pdf`],
    // A trailing dot goes (Windows strips it), so no "Perda KLA..pdf".
    ['Perda KLA.', 'Perda KLA.pdf'],
    ['Ttd\u007fBupati', 'Ttd Bupati.pdf'],
    // A Windows device name is never a file name.
    ['CON', '_CON.pdf'],
    ['nul.pdf', '_nul.pdf'],
  ];
  it('replaces \\ / : * ? " < > | with one space, trims, cuts at 120 characters (by code point, trimmed again), and falls back to "data dukung"', async () => {
    const { meeting } = await klasterIII(t);
    const e = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'scan.pdf', base64: b64(pdfBytes()), evidenceDate: '2025-03-10' });
    const names: string[] = [];
    for (const [i, [title]] of cases.entries()) {
      await t.call('evidence.update', { id: e.id, baseRevision: i + 1, title });
      names.push((await t.call('evidence.read', { id: e.id })).fileName);
    }
    expect(names).toEqual(cases.map(([, fileName]) => fileName));
  });
});

describe('evidence.verify and the photos of closed notulen', () => {
  it('reports a missing photo once, by its row, and skips snapshot entries that name no file', async () => {
    const { meeting } = await klasterIII(t);
    const photo = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'foto.png', title: 'Foto rakor', base64: b64(pngBytes()), evidenceDate: '2025-03-10' });
    await t.edit('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: photo.id, caption: 'Pembukaan' }] });
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    // Entries a damaged or hand-edited snapshot may hold: none names a stored file.
    const { minutes } = t.backend.db.prepare(`SELECT minutes_json AS minutes FROM meeting_snapshot WHERE meeting_id = ?`).get(meeting.id) as { minutes: string };
    const snapshot = JSON.parse(minutes) as { data: { documentation: Record<string, unknown>[] } };
    expect(snapshot.data.documentation.map((p) => p.sha256)).toEqual([photo.sha256]);
    const hex = photo.sha256;
    for (const sha256 of [null, 42, `x${hex}`, `${hex}x`, hex.toUpperCase(), hex.slice(1)]) snapshot.data.documentation.push({ sha256, title: 'rusak' });
    t.backend.db.prepare(`UPDATE meeting_snapshot SET minutes_json = ? WHERE meeting_id = ?`).run(JSON.stringify(snapshot), meeting.id);
    expect(await t.call('evidence.verify', {})).toEqual([]);

    fs.rmSync(storedPath(t.dir, photo.sha256));
    expect(await t.call('evidence.verify', {})).toEqual([{
      id: photo.id, sha256: photo.sha256, title: 'Foto rakor', originalName: 'foto.png', problem: 'missing',
      message: msg('evidence.fileMissing', { name: 'Foto rakor (foto.png)' }),
    }]);
  });
});
