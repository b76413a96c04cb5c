import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../shared/api/evidence';
import { DOCUMENTATION_MAX_BYTES, DOCUMENTATION_MAX_PHOTOS } from '../../shared/api/evidence';
import { MARGIN, PAPER_SIZE, textWidth } from '../../shared/document';
import { formatBytes } from '../../shared/format';
import { t as msg } from '../../shared/messages';
import { unzipSync } from 'fflate';
import { evidenceFiles, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { readMinutesSnapshot } from '../../src-main/core/export/minutes-snapshot';
import { docxParts, docxText, HAS_SOFFICE, pdfPages, pdfToPng, toPdf } from '../support/docx-read';
import { b64, pdfBytes } from '../support/evidence-files';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { photoPng } from '../support/photos';
import { tempDataDir } from '../support/meeting-fixture';
import { timeLimit } from '../support/time-limit';

// Issue 13 item 6: photos of a meeting chosen in its Data dukung tab print as the notulen's
// Lampiran IV Dokumentasi, scaled into the page with their captions, in the order chosen. The
// choice is frozen with the notulen when the rakor is closed: deleting, unchoosing or renaming the
// photo afterwards changes nothing in the closed notulen, and backups keep the file it prints.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function attachPhoto(meetingId: number, title: string, bytes: Buffer, fileName = `${title}.png`): Promise<Evidence> {
  return t.call('evidence.attach', { meetingId, fileName, base64: b64(bytes), title, evidenceDate: '2025-03-10', requestId: randomUUID() });
}

async function notulen(meetingId: number, paper: 'A4' | 'F4' = 'A4'): Promise<Uint8Array> {
  const file = await t.call('export.minutes', { meetingId, paper });
  return new Uint8Array(Buffer.from(file.base64, 'base64'));
}

/** Every picture of the document body: its size in EMU (914400 a inch; a twip is 635). */
function bodyPictures(docx: Uint8Array): { cx: number; cy: number }[] {
  const xml = docxParts(docx).get('word/document.xml') ?? '';
  return [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]) }));
}

const EMU_PER_TWIP = 635;

/** The SHA-256 of every picture file in the package (word/media/*): the photos' own bytes. */
function mediaHashes(docx: Uint8Array): string[] {
  return Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith('word/media/')).map(([, data]) => sha256Of(data));
}

describe('choosing photos for the Lampiran Dokumentasi', () => {
  it('stores the photos chosen, in the order sent, with the caption typed or else the title', async () => {
    const { meeting } = await klasterIII(t);
    const a = await attachPhoto(meeting.id, 'Pembukaan oleh Sekda', photoPng(80, 60));
    const b = await attachPhoto(meeting.id, 'Diskusi kelompok', photoPng(60, 80));
    const c = await attachPhoto(meeting.id, 'Foto bersama', photoPng(90, 30));
    const list = await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: c.id, caption: 'Foto bersama peserta rakor' }, { evidenceId: a.id, caption: '' }] });
    const marks = (rows: Evidence[]) => rows.map((e) => [e.title, e.documentationPosition, e.documentationCaption]);
    expect(marks(list)).toEqual([
      ['Pembukaan oleh Sekda', 2, ''],
      ['Diskusi kelompok', null, ''],
      ['Foto bersama', 1, 'Foto bersama peserta rakor'],
    ]);
    expect(marks(await t.call('evidence.list', { meetingId: meeting.id }))).toEqual(marks(list));

    // A new choice replaces the old one whole.
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: b.id, caption: 'Diskusi' }] });
    expect(marks(await t.call('evidence.list', { meetingId: meeting.id }))).toEqual([
      ['Pembukaan oleh Sekda', null, ''],
      ['Diskusi kelompok', 1, 'Diskusi'],
      ['Foto bersama', null, ''],
    ]);

    const text = await docxText(await notulen(meeting.id));
    expect(text).toMatch(/Lampiran IV\s+: Notulen Rakor Klaster III/);
    expect(text).toContain('Dokumentasi kegiatan rapat tercantum dalam Lampiran IV.');
    expect(text).toContain('Gambar 1. Diskusi');
    expect(text).not.toContain('Foto bersama');
  });

  it(`refuses more than ${DOCUMENTATION_MAX_PHOTOS} photos, too many bytes, a PDF, another meeting's photo and the same photo twice, changing nothing`, async () => {
    const { meeting } = await klasterIII(t);
    const other = await klasterIII(t, '2025-04-10', 'Rakor lain');
    const photos: Evidence[] = [];
    for (let i = 0; i <= DOCUMENTATION_MAX_PHOTOS; i++) photos.push(await attachPhoto(meeting.id, `Foto ${i + 1}`, photoPng(20 + i, 20)));
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: photos[0].id, caption: 'Tetap' }] });
    const before = await t.call('evidence.list', { meetingId: meeting.id });

    const tooMany = await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: photos.map((p) => ({ evidenceId: p.id, caption: '' })) });
    expect(tooMany.code).toBe('VALIDATION');
    expect(JSON.stringify(tooMany)).toContain(msg('evidence.documentationTooMany', { max: DOCUMENTATION_MAX_PHOTOS }));

    const pdf = await t.call('evidence.attach', { meetingId: meeting.id, fileName: 'daftar hadir.pdf', base64: b64(pdfBytes()), evidenceDate: '2025-03-10', requestId: randomUUID() });
    const elsewhere = await attachPhoto(other.meeting.id, 'Foto rakor lain', photoPng(30, 20));
    for (const evidenceId of [pdf.id, elsewhere.id]) {
      expect(await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId, caption: '' }] }))
        .toMatchObject({ code: 'VALIDATION', message: msg('evidence.documentationNotPhoto') });
    }
    const twice = await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: photos[1].id, caption: '' }, { evidenceId: photos[1].id, caption: 'lagi' }] });
    expect(JSON.stringify(twice)).toContain(msg('evidence.documentationTwice'));

    // Two photos whose sum is above the cap (bytes after a PNG's end are ignored by decoders).
    const half = Math.ceil(DOCUMENTATION_MAX_BYTES / 2) + 1;
    const big = [
      await attachPhoto(meeting.id, 'Besar 1', Buffer.concat([photoPng(40, 30), Buffer.alloc(half, 1)])),
      await attachPhoto(meeting.id, 'Besar 2', Buffer.concat([photoPng(30, 40), Buffer.alloc(half, 2)])),
    ];
    const tooLarge = await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: big.map((p) => ({ evidenceId: p.id, caption: '' })) });
    expect(tooLarge).toMatchObject({
      code: 'VALIDATION',
      message: msg('evidence.documentationTooLarge', { size: formatBytes(big[0].sizeBytes + big[1].sizeBytes), max: formatBytes(DOCUMENTATION_MAX_BYTES) }),
    });

    const after = (await t.call('evidence.list', { meetingId: meeting.id })).filter((e) => before.some((b) => b.id === e.id));
    expect(after).toEqual(before);
  }, timeLimit(60_000));

  it('refuses a closed meeting: its notulen was frozen at close', async () => {
    const { meeting } = await klasterIII(t);
    const a = await attachPhoto(meeting.id, 'Suasana', photoPng(40, 30));
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    expect(await t.fail('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: a.id, caption: '' }] }))
      .toMatchObject({ code: 'CONFLICT', message: msg('error.meetingClosed') });
  });
});

describe('the closed notulen keeps the photos it was closed with', () => {
  it('prints them after the photo is renamed and deleted for good, and backups still carry its file', async () => {
    const { meeting } = await klasterIII(t);
    const a = await attachPhoto(meeting.id, 'Pembukaan', photoPng(160, 120, [200, 60, 60]));
    const b = await attachPhoto(meeting.id, 'Diskusi', photoPng(90, 160, [60, 60, 200]));
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: b.id, caption: 'Diskusi kelompok kerja' }, { evidenceId: a.id, caption: '' }] });
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    const closed = await notulen(meeting.id);
    expect(bodyPictures(closed)).toHaveLength(2);

    // After the close: the title renamed, the photo deleted and Terhapus emptied.
    await t.call('evidence.update', { id: a.id, baseRevision: a.revision, title: 'Judul baru' });
    const { trashId } = await t.call('evidence.delete', { id: a.id });
    await t.call('trash.purge', { id: trashId });
    expect(await t.call('evidence.list', { meetingId: meeting.id })).toHaveLength(1);

    const later = await notulen(meeting.id);
    const text = await docxText(later);
    expect(text).toMatch(/Gambar 1\. Diskusi kelompok kerja[\s\S]*Gambar 2\. Pembukaan/);
    expect(text).not.toContain('Judul baru');
    expect(bodyPictures(later)).toEqual(bodyPictures(closed));
    // The very bytes chosen at close, though the data folder's row is gone.
    expect(mediaHashes(later)).toEqual(expect.arrayContaining([a.sha256, b.sha256]));
    expect(mediaHashes(later).sort()).toEqual(mediaHashes(closed).sort());

    // Backups list (and rotation keeps) every file a snapshot prints, though no row refers to it.
    const referenced = evidenceFiles.referenced(t.backend.db).map((r) => r.sha256);
    expect(referenced).toContain(a.sha256);
    expect(referenced).toContain(b.sha256);

    // `check` names the file a closed notulen needs when it goes missing from the data folder.
    expect(await t.call('evidence.verify', {})).toEqual([]);
    fs.rmSync(storedPath(t.dir, a.sha256));
    expect(await t.call('evidence.verify', {})).toEqual([expect.objectContaining({
      sha256: a.sha256, problem: 'missing', message: msg('evidence.fileMissing', { name: 'Pembukaan (foto Lampiran Dokumentasi notulen Rakor Klaster III)' }),
    })]);
    // And the closed notulen says so in the photo's place, still complete otherwise.
    expect(await docxText(await notulen(meeting.id))).toContain(msg('export.photoMissing', { name: 'Pembukaan' }));
  });

  it('a backup restored into a new folder brings back the photo a closed notulen prints, though its row was purged', async () => {
    const { meeting } = await klasterIII(t);
    const bytes = photoPng(120, 90, [200, 60, 60]);
    const a = await attachPhoto(meeting.id, 'Pembukaan', bytes);
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: a.id, caption: '' }] });
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    await t.call('trash.purge', { id: (await t.call('evidence.delete', { id: a.id })).trashId });
    const backup = await t.call('backup.create', {});

    const fresh = openTestBackend();
    try {
      await fresh.call('backup.restore', { file: backup.file });
      expect(fs.readFileSync(storedPath(fresh.dir, a.sha256)).equals(bytes)).toBe(true);
      const file = await fresh.call('export.minutes', { meetingId: meeting.id });
      const docx = new Uint8Array(Buffer.from(file.base64, 'base64'));
      expect(mediaHashes(docx)).toContain(a.sha256);
      expect(await docxText(docx)).toContain('Gambar 1. Pembukaan');
      expect(await fresh.call('evidence.verify', {})).toEqual([]);
    } finally {
      fresh.close();
    }
  }, timeLimit(60_000));

  it('reads a snapshot from before photos could be chosen as a notulen without Dokumentasi', () => {
    const v4 = JSON.stringify({ version: 4, data: { meeting: { title: 'Rakor lama' }, decisions: [] } });
    expect(readMinutesSnapshot(v4).documentation).toEqual([]);
  });

  it('prints a clear message in place of a photo whose file went missing, and the rest of the notulen', async () => {
    const { meeting } = await klasterIII(t);
    const a = await attachPhoto(meeting.id, 'Hilang', photoPng(40, 30));
    const b = await attachPhoto(meeting.id, 'Ada', photoPng(30, 40));
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: [{ evidenceId: a.id, caption: '' }, { evidenceId: b.id, caption: '' }] });
    fs.rmSync(storedPath(t.dir, a.sha256));
    const docx = await notulen(meeting.id);
    const text = await docxText(docx);
    expect(text).toContain(msg('export.photoMissing', { name: 'Hilang' }));
    expect(text).toMatch(/Gambar 1\. Hilang[\s\S]*Gambar 2\. Ada/);
    expect(bodyPictures(docx)).toHaveLength(1);
    // The Pratinjau's model says the same.
    const model = await t.call('export.preview', { meetingId: meeting.id });
    const blocks = model.sections.at(-1)!.blocks;
    expect(blocks.filter((x) => x.kind === 'image')).toHaveLength(1);
    expect(blocks.some((x) => x.kind === 'paragraph' && x.text === msg('export.photoMissing', { name: 'Hilang' }))).toBe(true);
  });
});

describe('the Lampiran Dokumentasi in Word', () => {
  // Four photos of different shapes: landscape 4:3, portrait 3:4, panorama 12:5, square.
  const SHAPES = [
    ['Pembukaan rakor oleh Sekretaris Daerah', 1200, 900, [200, 60, 60]],
    ['Paparan capaian indikator klaster III', 600, 800, [60, 60, 200]],
    ['Peserta rakor dari perangkat daerah dan forum anak', 1440, 600, [60, 160, 60]],
    ['Penandatanganan berita acara', 700, 700, [150, 60, 150]],
  ] as const;

  it.each(['A4', 'F4'] as const)('on %s: every photo inside the page, aspect ratio kept, captions in order', async (paper) => {
    const { meeting } = await klasterIII(t);
    const chosen: Evidence[] = [];
    for (const [title, w, h, tint] of SHAPES) chosen.push(await attachPhoto(meeting.id, title, photoPng(w, h, [...tint])));
    await t.call('evidence.setDocumentation', { meetingId: meeting.id, photos: chosen.map((e) => ({ evidenceId: e.id, caption: '' })) });
    const docx = await notulen(meeting.id, paper);

    const pictures = bodyPictures(docx);
    expect(pictures).toHaveLength(SHAPES.length);
    const body = PAPER_SIZE[paper].height - MARGIN.top - MARGIN.bottom;
    pictures.forEach(({ cx, cy }, i) => {
      const [, w, h] = SHAPES[i];
      expect(cx).toBeLessThanOrEqual(textWidth(paper) * EMU_PER_TWIP);
      expect(cy).toBeLessThanOrEqual(body * 0.36 * EMU_PER_TWIP);
      expect(Math.abs(cx / cy - w / h)).toBeLessThan(0.02);
    });
    // The pictures themselves are in the package.
    expect(mediaHashes(docx)).toEqual(expect.arrayContaining(chosen.map((e) => e.sha256)));
    const text = await docxText(docx);
    const at = SHAPES.map(([title], i) => text.indexOf(`Gambar ${i + 1}. ${title}`));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);

    if (HAS_SOFFICE) {
      const work = tempDataDir('rakor-dokumentasi-');
      dirs.push(work);
      const file = path.join(work, `dokumentasi-${paper}.docx`);
      fs.writeFileSync(file, docx);
      const [pdf] = toPdf([file], work);
      const pages = pdfPages(pdf);
      // The lampiran comes last, from the page of its heading on.
      const lampiran = pages.slice(pages.findIndex((p) => /Lampiran IV\s+: Notulen/.test(p.text)));
      // Two photos a page: the four fill the lampiran's two pages, every caption printed.
      expect(lampiran).toHaveLength(2);
      expect(lampiran[0].text).toContain('DOKUMENTASI');
      const printed = lampiran.map((p) => p.text).join('\n');
      SHAPES.forEach(([title], i) => expect(printed.replace(/\s+/g, ' ')).toContain(`Gambar ${i + 1}. ${title}`));
      // Page height as chosen (points): A4 297 mm = 842, F4 330 mm = 935.
      expect(Math.abs(lampiran[0].height - (paper === 'A4' ? 842 : 935))).toBeLessThanOrEqual(1);
      const shots = path.resolve(__dirname, '../../.tmp/export-render-layout');
      fs.mkdirSync(shots, { recursive: true });
      pdfToPng(pdf, path.join(shots, `dokumentasi-${paper}`));
    }
  }, timeLimit(180_000));
});
