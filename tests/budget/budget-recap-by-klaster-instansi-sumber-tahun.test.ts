import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Backend } from '../../src-main/core/backend';
import { ok, testBackend } from '../support/backend';

// Rekap anggaran against hand-computed sums on four lines (rupiah):
//   A DP3A     ind 1 (KL)   APBD murni   2024  pagu 100.000.000  realisasi 75.000.000
//   B Dinkes   ind 11 (III) APBD murni   2024  pagu 200.000.000  realisasi 50.000.000
//   C Dinkes   ind 12 (III) DAK nonfisik 2025  pagu  50.000.000  realisasi 0
//   D Bappeda  no indicator (no source)  2024  pagu 0            realisasi 0
// Every other seeded agency has no budget; 2030 is an empty year.

const jt = (n: number) => n * 1_000_000 * 100; // juta rupiah in sen
let backend: Backend;

beforeEach(async () => {
  backend = testBackend();
  const agencies = await ok(backend, 'agency.list', {});
  const agency = (abbr: string) => agencies.find((a) => a.abbreviation === abbr)!.id;
  const indicators = (await ok(backend, 'reference.get', { year: 2024 })).clusters.flatMap((c) => c.indicators);
  const ind = (n: number) => indicators.find((i) => i.number === n)!.id;
  const line = (agencyId: number, indicatorId: number | null, fundingSource: string, fiscalYear: number, allocationSen: number, realizationSen: number) =>
    ok(backend, 'budgetLine.create', { agencyId, indicatorId, fundingSource, fiscalYear, allocationSen, realizationSen, activityName: 'Kegiatan' });
  await line(agency('DP3A'), ind(1), 'APBD murni', 2024, jt(100), jt(75));
  await line(agency('Dinkes'), ind(11), 'APBD murni', 2024, jt(200), jt(50));
  await line(agency('Dinkes'), ind(12), 'DAK nonfisik', 2025, jt(50), 0);
  await line(agency('Bappeda'), null, '', 2024, 0, 0);
});
afterEach(() => backend.close());

const brief = (rows: { label: string; lines: number; allocationSen: number; realizationSen: number; absorption: number | null }[]) =>
  rows.map((r) => [r.label, r.lines, r.allocationSen, r.realizationSen, r.absorption]);

describe('rekap anggaran', () => {
  it('sums all years by klaster, instansi, sumber dana and tahun', async () => {
    const recap = await ok(backend, 'budgetLine.recap', {});
    expect(recap.fiscalYear).toBeNull();
    expect(brief([recap.total])).toEqual([['Jumlah', 4, jt(350), jt(125), 125 / 350]]);
    expect(brief(recap.byCluster)).toEqual([
      ['Kelembagaan', 1, jt(100), jt(75), 0.75],
      ['Klaster III', 2, jt(250), jt(50), 0.2],
      ['Tanpa indikator', 1, 0, 0, null],
    ]);
    expect(brief(recap.bySource)).toEqual([
      ['APBD murni', 2, jt(300), jt(125), 125 / 300],
      ['DAK nonfisik', 1, jt(50), 0, 0],
      ['Sumber dana tidak diisi', 1, 0, 0, null],
    ]);
    expect(brief(recap.byYear)).toEqual([['2024', 3, jt(300), jt(125), 125 / 300], ['2025', 1, jt(50), 0, 0]]);
    expect(brief(recap.byAgency.slice(0, 3))).toEqual([
      ['Dinkes — Dinas Kesehatan', 2, jt(250), jt(50), 0.2],
      ['DP3A — Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 1, jt(100), jt(75), 0.75],
      ['Bappeda — Badan Perencanaan Pembangunan Daerah', 1, 0, 0, null],
    ]);
    // An agency with no budget is listed with zeros.
    expect(recap.byAgency).toHaveLength(34);
    expect(brief(recap.byAgency.filter((a) => a.label.startsWith('Dinsos')))).toEqual([['Dinsos — Dinas Sosial', 0, 0, 0, null]]);
  });

  it('filters one fiscal year, and answers an empty year with zeros', async () => {
    const y2025 = await ok(backend, 'budgetLine.recap', { fiscalYear: 2025 });
    expect(brief([y2025.total])).toEqual([['Jumlah', 1, jt(50), 0, 0]]);
    expect(brief(y2025.byCluster)).toEqual([['Klaster III', 1, jt(50), 0, 0]]);
    expect(y2025.byAgency[0].label).toBe('Dinkes — Dinas Kesehatan');
    expect(y2025.byAgency.find((a) => a.label.startsWith('DP3A'))!.lines).toBe(0);
    const empty = await ok(backend, 'budgetLine.recap', { fiscalYear: 2030 });
    expect(brief([empty.total])).toEqual([['Jumlah', 0, 0, 0, null]]);
    expect([empty.byCluster, empty.bySource, empty.byYear]).toEqual([[], [], []]);
    expect(empty.byAgency.every((a) => a.lines === 0 && a.allocationSen === 0)).toBe(true);
  });

  it('exports the recap as .xlsx with real numbers in Rp and % formats', async () => {
    const file = await ok(backend, 'budgetLine.exportRecap', { fiscalYear: 2024 });
    expect(file.fileName).toBe('Rekap Anggaran KLA 2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Per klaster', 'Per instansi', 'Per sumber dana', 'Per tahun']);
    const sheet = workbook.getWorksheet('Per klaster')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['Klaster', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan', 'Jumlah baris']);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(4)).toEqual(['Kelembagaan', 100_000_000, 75_000_000, 0.75, 1]);
    expect(values(5)).toEqual(['Klaster III', 200_000_000, 50_000_000, 0.25, 1]);
    expect(values(6)).toEqual(['Tanpa indikator', 0, 0, undefined, 1]);
    expect(sheet.getCell('D6').value).toBeNull(); // nothing allocated: no percentage, not 0%
    expect(values(7)).toEqual(['Jumlah', 300_000_000, 125_000_000, 125 / 300, 3]);
    expect(sheet.getCell('B4').numFmt).toBe('"Rp"#,##0');
    expect(sheet.getCell('C7').numFmt).toBe('"Rp"#,##0');
    expect(sheet.getCell('D4').numFmt).toBe('0.00%');
    expect(typeof sheet.getCell('B4').value).toBe('number');
    const years = workbook.getWorksheet('Per tahun')!;
    expect((years.getRow(4).values as unknown[]).slice(1)).toEqual(['2024', 300_000_000, 125_000_000, 125 / 300, 3]);
  });
});

describe('rekap anggaran: klaster order and keys', () => {
  it('lists KL, I–V in their order, then klasters of a newer set, then lines without indicator', async () => {
    // A newer indicator set (imported as 2026) with a klaster "VI" the app does not know yet.
    const file = await ok(backend, 'reference.exportXlsx', { year: 2022 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    workbook.getWorksheet('Indikator')!.addRow(['VI', 'Klaster Baru', 25, '', 'Indikator klaster baru', '', null]);
    const base64 = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    const set2026 = await ok(backend, 'reference.importXlsx', { year: 2026, base64 });
    const ind25 = set2026.clusters.find((c) => c.code === 'VI')!.indicators[0].id;
    const ind4 = (await ok(backend, 'reference.get', { year: 2024 })).clusters.find((c) => c.code === 'I')!.indicators[0].id;
    const dinsos = (await ok(backend, 'agency.list', {})).find((a) => a.abbreviation === 'Dinsos')!.id;
    await ok(backend, 'budgetLine.create', { agencyId: dinsos, indicatorId: ind25, fiscalYear: 2026, allocationSen: jt(10) });
    await ok(backend, 'budgetLine.create', { agencyId: dinsos, indicatorId: ind4, fiscalYear: 2024, allocationSen: jt(20), realizationSen: jt(5) });

    const recap = await ok(backend, 'budgetLine.recap', {});
    expect(recap.byCluster.map((r) => [r.key, r.label, r.lines, r.allocationSen])).toEqual([
      ['KL', 'Kelembagaan', 1, jt(100)],
      ['I', 'Klaster I', 1, jt(20)],
      ['III', 'Klaster III', 2, jt(250)],
      ['VI', 'Klaster VI', 1, jt(10)],
      ['', 'Tanpa indikator', 1, 0],
    ]);
    expect(recap.total).toEqual({ key: 'total', label: 'Jumlah', lines: 6, allocationSen: jt(380), realizationSen: jt(130), absorption: 130 / 380 });
  });
});

async function exportedRecap(fiscalYear?: number) {
  const file = await ok(backend, 'budgetLine.exportRecap', fiscalYear === undefined ? {} : { fiscalYear });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return { fileName: file.fileName, workbook };
}

describe('rekap anggaran as .xlsx: what each sheet shows', () => {
  it('titles every sheet with its grouping and year, and heads its first column', async () => {
    const all = await exportedRecap();
    expect(all.fileName).toBe('Rekap Anggaran KLA semua tahun.xlsx');
    const sheets = all.workbook.worksheets;
    expect(sheets.map((s) => s.getCell('A1').value)).toEqual([
      'Rekap anggaran KLA — per klaster — semua tahun',
      'Rekap anggaran KLA — per instansi — semua tahun',
      'Rekap anggaran KLA — per sumber dana — semua tahun',
      'Rekap anggaran KLA — per tahun — semua tahun',
    ]);
    expect(sheets.map((s) => s.getCell('A3').value)).toEqual(['Klaster', 'Instansi', 'Sumber dana', 'Tahun anggaran']);
    expect((await exportedRecap(2025)).workbook.getWorksheet('Per instansi')!.getCell('A1').value).toBe('Rekap anggaran KLA — per instansi — tahun 2025');
  });

  it('sets the title and headers apart, freezes the headers, and widens the columns', async () => {
    for (const sheet of (await exportedRecap(2024)).workbook.worksheets) {
      expect(sheet.getCell('A1').font).toEqual({ bold: true, size: 13 });
      for (const cell of ['A3', 'E3']) {
        expect(sheet.getCell(cell).font).toEqual({ bold: true });
        expect(sheet.getCell(cell).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } });
      }
      expect(sheet.views).toMatchObject([{ state: 'frozen', ySplit: 3 }]);
      // Label 48 characters, rupiah 22 (a trillion with its dots and "Rp" fits), % 11, count 13.
      expect(sheet.columns.map((c) => c.width)).toEqual([48, 22, 22, 11, 13]);
    }
  });

  it('formats the line count as a whole number and sets the Jumlah row in bold', async () => {
    const sheet = (await exportedRecap(2024)).workbook.getWorksheet('Per sumber dana')!;
    // Rows 4–5: APBD murni and no source; row 6: Jumlah.
    expect(sheet.getCell('A6').value).toBe('Jumlah');
    expect(sheet.getCell('E4').numFmt).toBe('#,##0');
    expect(sheet.getCell('E6').numFmt).toBe('#,##0');
    expect(['A6', 'B6', 'E6'].map((c) => sheet.getCell(c).font)).toEqual([{ bold: true }, { bold: true }, { bold: true }]);
    expect(['A4', 'B4', 'A5'].map((c) => sheet.getCell(c).font?.bold)).toEqual([undefined, undefined, undefined]);
  });
});
