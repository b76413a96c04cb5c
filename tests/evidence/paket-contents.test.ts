import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { writeEvidencePackage, type PackageResult } from '../../src-main/core/evidence/package';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { tempDir } from '../support/backup-helpers';
import { openHandlesOn } from '../support/open-handles';
import { docxText } from '../support/docx-read';
import { b64, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { timeLimit } from '../support/time-limit';

// Issue 13/14: the paket data dukung of a year, made in-process and read back entry by entry:
// its folders (klaster, then indicator, in the instrument's order), the numbered files in each
// by evidence date, the notulen of the year's rakor (same-named ones told apart), the checklist
// last; a file missing or altered on disk left out, named as a problem and not counted as
// present in the checklist.

const KL1 = 'Klaster KL - Kelembagaan/Indikator 01 - Peraturan Daerah (Perda) tentang KLA';
// Indicator 2's name (88 characters, "kecamatan/desa" with a slash) cut at 60, after "anak".
const KL2 = 'Klaster KL - Kelembagaan/Indikator 02 - Penguatan kelembagaan KLA (Gugus Tugas, RAD KLA, profil anak';
const I5 = 'Klaster I - Hak Sipil dan Kebebasan/Indikator 05 - Ketersediaan fasilitas informasi layak anak (ILA)';
const V21 = 'Klaster V - Perlindungan Khusus/Indikator 21 - Anak yang memerlukan perlindungan khusus yang terlayani';
const NOTULEN = 'Notulen rakor 2024';
const CHECKLIST = 'Checklist data dukung 2024.xlsx';

let t: TestBackend;
let out: string;
let result: PackageResult;
let entries: Record<string, Uint8Array>;
let packedBytes: number;
const progress: { done: number; total: number }[] = [];
const expectationTitles = new Map<number, string[]>();
const expectedCount = new Map<number, number>();

beforeAll(async () => {
  t = openTestBackend();
  const ref = await t.call('reference.get', { year: 2024 });
  const indicator = (n: number) => ref.clusters.flatMap((c) => c.indicators).find((i) => i.number === n)!.id;
  for (const c of ref.clusters) {
    for (const i of c.indicators) {
      const items = await t.call('evidence.expectations', { indicatorNumber: i.number });
      expectationTitles.set(i.number, items.map((x) => x.title));
      expectedCount.set(i.number, items.length);
    }
  }
  const item = async (n: number, index: number) => (await t.call('evidence.expectations', { indicatorNumber: n }))[index].id;
  const attach = (n: number, fileName: string, bytes: Buffer, evidenceDate: string, extra: { title?: string; expectationId?: number; year?: number } = {}) =>
    t.call('evidence.attach', { indicatorId: indicator(n), evaluationYear: extra.year ?? 2024, fileName, base64: b64(bytes), evidenceDate, title: extra.title, expectationId: extra.expectationId });

  // Indicator 1: two files of the Perda item (the later-attached one dated earlier), one other.
  const perda = await attach(1, 'Perda KLA 2020.pdf', pdfBytes('perda 2020'), '2024-03-01', { expectationId: await item(1, 0) });
  const perubahan = await attach(1, 'perda-perubahan.pdf', pdfBytes('perda perubahan'), '2024-02-01', { title: 'Perda Perubahan.PDF', expectationId: await item(1, 0) });
  const rapat = await attach(1, 'rapat.png', pngBytes(Buffer.from('rapat gugus tugas')), '2024-04-01', { title: 'Foto rapat: GT/KLA?' });
  // Indicator 21 before 5 and 2: the package follows the instrument, not the order of attaching.
  const uptd = await attach(21, 'Layanan UPTD PPA.jpg', jpegBytes(Buffer.from('uptd ppa')), '2024-05-01');
  // Indicator 2: a long title, cut at 70 characters (the cut lands on the space after "2028").
  const rad = await attach(2, 'rad.pdf', pdfBytes('rad kla'), '2024-01-20', { title: 'Rencana Aksi Daerah Kabupaten Layak Anak tahun 2024 hingga tahun 2028 revisi', expectationId: await item(2, 1) });
  // Indicator 5: one file gone from disk, one altered on disk, one intact.
  const hilang = await attach(5, 'foto-ila.png', pngBytes(Buffer.from('foto ila')), '2024-01-05', { title: 'Foto ILA', expectationId: await item(5, 0) });
  const berubah = await attach(5, 'poster.pdf', pdfBytes('poster ila'), '2024-01-06', { title: 'Poster ILA' });
  const dokumentasi = await attach(5, 'dokumentasi.pdf', pdfBytes('dokumentasi forum anak'), '2024-01-07', { title: 'Dokumentasi Forum Anak', expectationId: await item(5, 1) });
  // Another year's file stays out of the 2024 package.
  await attach(1, 'Perda 2025.pdf', pdfBytes('perda 2025'), '2025-01-10', { year: 2025 });
  fs.rmSync(storedPath(t.dir, hilang.sha256));
  fs.writeFileSync(storedPath(t.dir, berubah.sha256), pdfBytes('poster yang diubah'));
  packedBytes = [perda, perubahan, rapat, rad, uptd, dokumentasi].reduce((n, e) => n + e.sizeBytes, 0);

  const meeting = (title: string, date: string, startTime: string) => t.call('meeting.create', { title, clusterCodes: ['KL'], date, startTime });
  // Created out of time order: the notulen follow date and start time.
  await meeting('Rakor Gugus Tugas KLA', '2024-03-05', '13:00');
  await meeting('Rakor Gugus Tugas KLA', '2024-03-05', '09:00');
  await meeting('RAKOR GUGUS TUGAS KLA', '2024-03-05', '15:00');
  await meeting('Rakor format notulen.docx', '2024-06-10', '09:00');
  await meeting('Rakor format notulen.docx', '2024-06-10', '10:00');
  await meeting('Rakor Klaster III', '2024-01-15', '09:00');
  await meeting('Rakor awal tahun', '2025-01-02', '09:00');
  await meeting('Rakor akhir tahun', '2023-12-28', '09:00');

  out = path.join(tempDir('rakor-paket-'), 'paket 2024.zip');
  result = await writeEvidencePackage(t.backend.db, t.dir, 2024, out, (step) => progress.push(step));
  entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
}, timeLimit(120_000));

afterAll(() => t?.close());

describe('paket data dukung: what the zip holds', () => {
  it('lays the files out by klaster and indicator, numbered by date, then the notulen, then the checklist', () => {
    expect(Object.keys(entries)).toEqual([
      `${KL1}/01 Perda Perubahan.pdf`, // ".PDF" of the title not doubled
      `${KL1}/02 Perda KLA 2020.pdf`,
      `${KL1}/03 Foto rapat GT KLA.png`,
      `${KL2}/01 Rencana Aksi Daerah Kabupaten Layak Anak tahun 2024 hingga tahun 2028.pdf`,
      `${I5}/03 Dokumentasi Forum Anak.pdf`, // 01 and 02 are missing and altered: not packed
      `${V21}/01 Layanan UPTD PPA.jpg`,
      `${NOTULEN}/Notulen Rakor Klaster III 2024-01-15.docx`,
      `${NOTULEN}/Notulen Rakor Gugus Tugas KLA 2024-03-05.docx`,
      `${NOTULEN}/Notulen Rakor Gugus Tugas KLA 2024-03-05 (2).docx`,
      // The same name but for letter case would overwrite the first on Windows: numbered too.
      `${NOTULEN}/Notulen RAKOR GUGUS TUGAS KLA 2024-03-05 (3).docx`,
      `${NOTULEN}/Notulen Rakor format notulen.docx 2024-06-10.docx`,
      // The number goes before the final extension, not after a ".docx" inside the title.
      `${NOTULEN}/Notulen Rakor format notulen.docx 2024-06-10 (2).docx`,
      CHECKLIST,
    ]);
  });

  it('packs each file byte for byte as attached', () => {
    expect(Buffer.from(entries[`${KL1}/02 Perda KLA 2020.pdf`])).toEqual(pdfBytes('perda 2020'));
    expect(Buffer.from(entries[`${KL1}/03 Foto rapat GT KLA.png`])).toEqual(pngBytes(Buffer.from('rapat gugus tugas')));
    expect(Buffer.from(entries[`${V21}/01 Layanan UPTD PPA.jpg`])).toEqual(jpegBytes(Buffer.from('uptd ppa')));
    expect(Buffer.from(entries[`${I5}/03 Dokumentasi Forum Anak.pdf`])).toEqual(pdfBytes('dokumentasi forum anak'));
  });

  it('puts each rakor\'s own notulen under its numbered name', async () => {
    // The 09:00 rakor, created second, keeps the plain name; 13:00 is (2), the upper-case one (3).
    const text = async (name: string) => docxText(entries[`${NOTULEN}/${name}`]);
    expect(await text('Notulen Rakor Gugus Tugas KLA 2024-03-05.docx')).toContain('09.00');
    expect(await text('Notulen Rakor Gugus Tugas KLA 2024-03-05 (2).docx')).toContain('13.00');
    expect(await text('Notulen RAKOR GUGUS TUGAS KLA 2024-03-05 (3).docx')).toContain('RAKOR GUGUS TUGAS KLA');
  });

  it('counts its progress over every planned file (left out or not), each notulen and the checklist', () => {
    // 8 files planned for 2024 (two of them left out), 6 rakor in 2024, 1 checklist.
    const total = 8 + 6 + 1;
    expect(progress).toEqual(Array.from({ length: total + 1 }, (_, done) => ({ done, total })));
  });

  it('reports what it packed and names each file it left out', () => {
    expect(result).toEqual({
      files: 6,
      bytes: packedBytes,
      problems: [`${I5}/01 Foto ILA.png: berkas hilang (foto-ila.png)`, `${I5}/02 Poster ILA.pdf: berkas berubah di disk (poster.pdf)`],
      checklistName: CHECKLIST,
      minutes: 6,
    });
    // Only the package is left beside it (no temporary file) and no handle stays open on it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['paket 2024.zip']);
    expect(openHandlesOn(out)).toEqual([]);
  });
});

describe('paket data dukung: the checklist', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(entries[CHECKLIST]) as unknown as ArrayBuffer);
  });
  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map((v) => v ?? '');

  it('lists every expected item of every indicator, with the packed files of each', () => {
    const sheet = workbook.getWorksheet('Kelengkapan')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(values(row)));
    expect(rows[0]).toEqual(['Klaster', 'No.', 'Indikator', 'Data dukung', 'Status', 'Berkas dalam paket']);
    const of = (n: number) => rows.filter((r) => r[1] === n).map((r) => r.slice(3));
    expect(rows.filter((r) => r[1] === 1).map((r) => r.slice(0, 3))[0]).toEqual(['KL', 1, 'Peraturan Daerah (Perda) tentang KLA']);
    expect(of(1)).toEqual([
      ['Perda tentang Kabupaten/Kota Layak Anak', 'Ada', `${KL1}/01 Perda Perubahan.pdf\n${KL1}/02 Perda KLA 2020.pdf`],
      ['SK atau Perkada pelaksanaan KLA', 'Belum ada', ''],
      ['Lainnya', 'Ada', `${KL1}/03 Foto rapat GT KLA.png`],
    ]);
    expect(of(2)).toEqual([
      ['SK Gugus Tugas KLA', 'Belum ada', ''],
      ['Rencana Aksi Daerah (RAD) KLA', 'Ada', `${KL2}/01 Rencana Aksi Daerah Kabupaten Layak Anak tahun 2024 hingga tahun 2028.pdf`],
      ['Profil anak daerah', 'Belum ada', ''],
      ['SK kecamatan/desa layak anak', 'Belum ada', ''],
    ]);
    // The item whose only file is gone from disk is not in the package: "Belum ada". The altered
    // file was the only other one, so there is no "Lainnya" row.
    expect(of(5)).toEqual([
      ['SK atau dokumen pembentukan Forum Anak', 'Belum ada', ''],
      ['Dokumentasi kegiatan Forum Anak', 'Ada', `${I5}/03 Dokumentasi Forum Anak.pdf`],
    ]);
    expect(of(21)).toEqual([...expectationTitles.get(21)!.map((title) => [title, 'Belum ada', '']), ['Lainnya', 'Ada', `${V21}/01 Layanan UPTD PPA.jpg`]]);
    // Indicator 3 has no file at all: its items, all missing, and no "Lainnya".
    expect(of(3)).toEqual(expectationTitles.get(3)!.map((title) => [title, 'Belum ada', '']));
    // Header, one row per expected item of the 24 indicators, the two "Lainnya" rows.
    const items = [...expectedCount.values()].reduce((a, b) => a + b, 0);
    expect(rows).toHaveLength(1 + items + 2);
    // The file lists wrap in their cell, top-aligned; the header is bold and frozen.
    expect(sheet.getRow(2).getCell(6).alignment).toEqual({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('sums the expected items per klaster', () => {
    const summary = workbook.getWorksheet('Per klaster')!;
    expect(values(summary.getRow(1))).toEqual(['Klaster', 'Nama', 'Diharapkan', 'Ada', 'Kelengkapan']);
    // Klaster KL: indicators 1, 2, 3 expect 2 + 4 + 2 items; the Perda and the RAD are present.
    expect(values(summary.getRow(2))).toEqual(['KL', 'Kelembagaan', 8, 2, 0.25]);
    expect(summary.getRow(2).getCell(5).numFmt).toBe('0.0%');
    expect(summary.getRow(1).font?.bold).toBe(true);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Klaster I: the ILA item whose only file is gone from disk is not counted; the Forum Anak
    // documentation is.
    const expectedI = [4, 5, 6].reduce((n, i) => n + expectedCount.get(i)!, 0);
    expect(values(summary.getRow(3))).toEqual(['I', 'Hak Sipil dan Kebebasan', expectedI, 1, 1 / expectedI]);
    const codes: unknown[] = [];
    summary.eachRow((row, n) => n > 1 && codes.push(row.getCell(1).value));
    expect(codes).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    const klasterIV = values(summary.getRow(6));
    expect(klasterIV.slice(0, 4)).toEqual(['IV', 'Pendidikan, Pemanfaatan Waktu Luang, dan Kegiatan Budaya', [17, 18, 19, 20].reduce((n, i) => n + expectedCount.get(i)!, 0), 0]);
  });

  it('is titled with the year', () => {
    expect(workbook.title).toMatch(/^Kelengkapan data dukung KLA tahun 2024 \(dibuat \d{1,2} [A-Z][a-z]+ \d{4}\)$/);
  });
});
