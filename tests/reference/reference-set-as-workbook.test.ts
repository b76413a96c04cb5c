import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Backend } from '../../src-main/core/backend';
import { ok, refused, testBackend } from '../support/backend';

// The indicator list of a year as .xlsx: exported from the seeded 2022 set, read back cell by
// cell, edited and imported as a new year; bad files refused with row/column messages and no
// change; a set in use accepts only wording, points and bands.

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

async function exported(year: number): Promise<ExcelJS.Workbook> {
  const file = await ok(backend, 'reference.exportXlsx', { year });
  expect(file.fileName).toBe('Indikator KLA 2022.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}
const base64Of = async (w: ExcelJS.Workbook) => Buffer.from((await w.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('reference set as .xlsx', () => {
  it('exports clusters, indicators, sub-items, points and bands with numbers as numbers', async () => {
    const first = (await ok(backend, 'reference.get', { year: 2022 })).clusters[0].indicators[0];
    await ok(backend, 'reference.updateIndicator', { id: first.id, maxPoints: 45.5 });
    const workbook = await exported(2024);
    const rows = rowsOf(workbook.getWorksheet('Indikator')!);
    expect(rows[0]).toEqual(['Kode klaster', 'Klaster', 'No', 'Sub', 'Nama', 'Instansi terkait', 'Poin maks.']);
    expect(rows[1]).toEqual(['KL', 'Kelembagaan', 1, '', 'Peraturan Daerah (Perda) tentang KLA', 'Bag. Hukum, DP3A', 45.5]);
    expect(rows).toHaveLength(1 + 24 + 5);
    expect(rows.filter((r) => r[2] === 21).map((r) => r[3])).toEqual(['', 'a', 'b', 'c', 'd', 'e']);
    expect(workbook.getWorksheet('Indikator')!.getCell('G2').numFmt).toBe('0.00');
    const bands = workbook.getWorksheet('Predikat')!;
    expect(rowsOf(bands)).toEqual([
      ['Predikat', 'Nilai min.', 'Nilai maks.'],
      ['Pratama', 500, 600], ['Madya', 601, 700], ['Nindya', 701, 800], ['Utama', 801, 900], ['KLA', 901, 1000],
    ]);
    expect(typeof bands.getCell('B2').value).toBe('number');
  });

  it('imports an edited file as a new year, and replaces a year nothing uses yet', async () => {
    const workbook = await exported(2022);
    const sheet = workbook.getWorksheet('Indikator')!;
    sheet.getCell('E2').value = 'Perda KLA (instrumen 2026)';
    sheet.getCell('G2').value = '50,5';
    sheet.addRow(['V', 'Perlindungan Khusus', 24, 'a', 'Sub-item baru', '', 10]);
    workbook.getWorksheet('Predikat')!.getCell('B2').value = 501;
    const set = await ok(backend, 'reference.importXlsx', { year: 2026, base64: await base64Of(workbook) });
    expect(set.year).toBe(2026);
    const ind1 = set.clusters[0].indicators[0];
    expect([ind1.name, ind1.maxPoints]).toEqual(['Perda KLA (instrumen 2026)', 50.5]);
    expect(set.clusters[5].indicators.find((i) => i.number === 24)!.subIndicators.map((s) => [s.code, s.name, s.maxPoints])).toEqual([['a', 'Sub-item baru', 10]]);
    expect(set.bands[0]).toMatchObject({ name: 'Pratama', minScore: 501 });
    expect(await ok(backend, 'reference.years', {})).toEqual([2022, 2026]);
    // 2022 untouched.
    expect((await ok(backend, 'reference.get', { year: 2022 })).clusters[0].indicators[0].name).toBe('Peraturan Daerah (Perda) tentang KLA');
    // Nothing points at 2026 yet: a file with another structure replaces it.
    sheet.spliceRows(sheet.rowCount, 1);
    sheet.spliceRows(2, 1);
    const replaced = await ok(backend, 'reference.importXlsx', { year: 2026, base64: await base64Of(workbook) });
    expect(replaced.clusters[0].indicators.map((i) => i.number)).toEqual([2, 3]);
  });

  it('refuses a bad file with row and column messages and writes nothing', async () => {
    const workbook = await exported(2022);
    const sheet = workbook.getWorksheet('Indikator')!;
    sheet.getCell('G3').value = 1200;
    sheet.getCell('E4').value = '';
    sheet.getCell('C5').value = 'empat';
    sheet.getCell('D6').value = 'a b';
    workbook.getWorksheet('Predikat')!.getCell('B3').value = 550; // Madya 550–700 overlaps Pratama
    const error = await refused(backend, 'reference.importXlsx', { year: 2026, base64: await base64Of(workbook) });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.message)).toEqual([
      'Baris 3, kolom Poin maks.: nilai 1200 melebihi 1000',
      'Baris 4, kolom Nama: wajib diisi',
      'Baris 5, kolom No: "empat" bukan nomor indikator',
      'Baris 6, kolom Sub: "a b" bukan kode sub-indikator (mis. a, b, c)',
      'Baris 3, kolom Nilai min.: rentang tumpang tindih dengan Pratama (baris 2)',
    ]);
    expect(await ok(backend, 'reference.years', {})).toEqual([2022]);
  });

  it('lets a set in use change only wording, points and bands', async () => {
    const set = await ok(backend, 'reference.get', { year: 2022 });
    await ok(backend, 'score.setIndicator', { year: 2022, stage: 'EM', indicatorId: set.clusters[0].indicators[0].id, score: 10 });
    const workbook = await exported(2022);
    const sheet = workbook.getWorksheet('Indikator')!;
    sheet.getCell('E3').value = 'Penguatan kelembagaan (nama baru)';
    sheet.getCell('G3').value = 80;
    const renamed = await ok(backend, 'reference.importXlsx', { year: 2022, base64: await base64Of(workbook) });
    const ind2 = renamed.clusters[0].indicators[1];
    expect([ind2.id, ind2.name, ind2.maxPoints]).toEqual([set.clusters[0].indicators[1].id, 'Penguatan kelembagaan (nama baru)', 80]);
    sheet.spliceRows(4, 1); // drops indicator 3
    const error = await refused(backend, 'reference.importXlsx', { year: 2022, base64: await base64Of(workbook) });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('indikator 3 (KL) hilang');
    expect((await ok(backend, 'reference.get', { year: 2022 })).clusters[0].indicators.map((i) => i.number)).toEqual([1, 2, 3]);
  });
});
