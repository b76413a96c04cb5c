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
