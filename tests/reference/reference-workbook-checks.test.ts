import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { EvaluationYear } from '../../shared/types';
import { backendPerTest, storedData } from '../support/backend-per-test';

// The indicator workbook checked cell by cell, in-process through the backend on a real SQLite
// file: every message a secretary reads for a wrong cell (row and column named), the limits of
// each column at their maximum and one past it, the band rules, what a set in use refuses and
// why, and an export imported again giving the same set. A refused file writes nothing.

type Row = (string | number | null)[];
const HEADINGS: Row = ['Kode klaster', 'Klaster', 'No', 'Sub', 'Nama', 'Instansi terkait', 'Poin maks.'];
const BAND_HEADINGS: Row = ['Predikat', 'Nilai min.', 'Nilai maks.'];
const BANDS: Row[] = [['Pratama', 500, 600], ['Madya', 601, 700]];

const t = backendPerTest();

/** A workbook like the export: rows by number (a missing row stays blank), then as base64. */
async function fileOf(indicators: (Row | undefined)[], bands: (Row | undefined)[] = BANDS): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const write = (sheet: ExcelJS.Worksheet, headings: Row, rows: (Row | undefined)[]) => {
    sheet.getRow(1).values = headings;
    rows.forEach((row, i) => {
      if (row) sheet.getRow(i + 2).values = row;
    });
  };
  write(workbook.addWorksheet('Indikator'), HEADINGS, indicators);
  write(workbook.addWorksheet('Predikat'), BAND_HEADINGS, bands);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

async function exportedWorkbook(year: number): Promise<ExcelJS.Workbook> {
  const file = await t.call('reference.exportXlsx', { year });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** The exported rows below the heading, as values. */
async function exportedRows(year: number): Promise<{ indicators: Row[]; bands: Row[] }> {
  const workbook = await exportedWorkbook(year);
  const rows = (name: string) => {
    const out: Row[] = [];
    workbook.getWorksheet(name)!.eachRow((row, r) => {
      if (r > 1) out.push((row.values as Row).slice(1));
    });
    return out;
  };
  return { indicators: rows('Indikator'), bands: rows('Predikat') };
}

/** The messages of a refused import, after checking that nothing was written. */
async function refusedWith(base64: string, year = 2026, code = 'VALIDATION'): Promise<string[]> {
  const before = storedData(t);
  const error = await t.fail('reference.importXlsx', { year, base64 });
  expect(error.code).toBe(code);
  expect(storedData(t)).toBe(before);
  return (error.fields ?? []).map((f) => f.message);
}

/** The set as a user compares two of them: no ids, no year. */
function contentOf(set: EvaluationYear) {
  return {
    clusters: set.clusters.map((c) => ({
      code: c.code,
      name: c.name,
      indicators: c.indicators.map((i) => ({
        number: i.number,
        name: i.name,
        usualAgencyIds: i.usualAgencyIds,
        usualAgencies: i.usualAgencies,
        maxPoints: i.maxPoints,
        subs: i.subIndicators.map((s) => [s.code, s.name, s.maxPoints]),
      })),
    })),
    bands: set.bands.map((b) => [b.name, b.minScore, b.maxScore]),
  };
}

const x = (n: number) => 'x'.repeat(n);

describe('reference workbook: export and round trip', () => {
  it('imports its own export as another year with the same clusters, indicators, agencies, sub-items and bands', async () => {
    const original = await t.call('reference.get', { year: 2022 });
    const file = await t.call('reference.exportXlsx', { year: 2022 });
    const imported = await t.call('reference.importXlsx', { year: 2026, base64: file.base64 });
    expect(imported.year).toBe(2026);
    expect(contentOf(imported)).toEqual(contentOf(original));
    expect(contentOf(await t.call('reference.get', { year: 2026 }))).toEqual(contentOf(original));
    expect(original.bands).toHaveLength(5);
    const notes = t.backend.db.prepare(`SELECT notes FROM evaluation_year WHERE year = 2026`).get() as { notes: string };
    expect(notes.notes).toBe('Diimpor dari berkas Excel.');
  });

  it('leaves the agencies column of sub-item rows empty: the agencies belong to the indicator', async () => {
    const { indicators } = await exportedRows(2022);
    const subRows = indicators.filter((r) => r[3] !== '');
    expect(subRows.length).toBeGreaterThan(0);
    expect(subRows.map((r) => r[5])).toEqual(subRows.map(() => ''));
  });

  it('gives both sheets a bold, frozen heading and every column a width, the name column the widest', async () => {
    const workbook = await exportedWorkbook(2022);
    for (const [name, columns] of [['Indikator', 7], ['Predikat', 3]] as const) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
      expect(sheet.getCell('A1').alignment).toMatchObject({ wrapText: true });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const widths = Array.from({ length: columns }, (_, i) => sheet.getColumn(i + 1).width);
      for (const width of widths) expect(width).toBeGreaterThan(5);
      if (name === 'Indikator') expect(Math.max(...(widths as number[]))).toBe(sheet.getColumn(5).width);
    }
  });
});

describe('reference workbook: column limits', () => {
  it('accepts each text at its maximum length and multi-letter sub codes', async () => {
    const base64 = await fileOf(
      [
        [x(10), x(200), 1, '', x(500), x(300), 10],
        [x(10), x(200), 1, 'ii', 'Sub dua huruf', '', 2],
        [x(10), x(200), 1, 'abcdefghij', 'Sub sepuluh huruf', '', 3],
      ],
      [[x(40), 0, 1000]],
    );
    const set = await t.call('reference.importXlsx', { year: 2026, base64 });
    expect(contentOf(set)).toEqual({
      clusters: [{
        code: 'X'.repeat(10),
        name: x(200),
        indicators: [{ number: 1, name: x(500), usualAgencyIds: [], usualAgencies: x(300), maxPoints: 10, subs: [['abcdefghij', 'Sub sepuluh huruf', 3], ['ii', 'Sub dua huruf', 2]] }],
      }],
      bands: [[x(40), 0, 1000]],
    });
  });

  it('names each cell one character too long', async () => {
    const base64 = await fileOf(
      [
        [x(11), x(201), 1, '', x(501), x(301), 10],
        [x(11), x(201), 1, 'abcdefghijk', 'Sub', '', 1],
      ],
      [[x(41), 0, 1000]],
    );
    expect(await refusedWith(base64)).toEqual([
      'Baris 2, kolom Kode klaster: terlalu panjang (maksimal 10 karakter)',
      'Baris 2, kolom Klaster: terlalu panjang (maksimal 200 karakter)',
      'Baris 2, kolom Nama: terlalu panjang (maksimal 500 karakter)',
      'Baris 2, kolom Instansi terkait: terlalu panjang (maksimal 300 karakter)',
      'Baris 3, kolom Kode klaster: terlalu panjang (maksimal 10 karakter)',
      'Baris 3, kolom Klaster: terlalu panjang (maksimal 200 karakter)',
      'Baris 3, kolom Sub: "abcdefghijk" bukan kode sub-indikator (mis. a, b, c)',
      'Baris 2, kolom Predikat: terlalu panjang (maksimal 40 karakter)',
    ]);
  });
});

describe('reference workbook: indicator rows', () => {
  it('refuses every wrong cell with its row and column, skipping blank rows, and writes nothing', async () => {
    const base64 = await fileOf([
      /* 2 */ ['KL', 'Kelembagaan', 1, '', 'Perda KLA', '', 10],
      /* 3 */ ['KL', 'Kelembagaan lain', 2, '', 'Indikator dua', '', 10],
      /* 4 */ ['KL', '', 3, '', 'Indikator tiga', '', 10],
      /* 5 */ ['', 'Kelembagaan', 1, '', 'Tanpa kode klaster', '', 10],
      /* 6 */ ['KL', 'Kelembagaan', '', '', 'Tanpa nomor', '', 10],
      /* 7 */ ['KL', 'Kelembagaan', 0, '', 'Nomor nol', '', 10],
      /* 8 */ ['KL', 'Kelembagaan', 1234, '', 'Nomor empat angka', '', 10],
      /* 9 */ ['KL', 'Kelembagaan', 1, '', 'Nomor ganda', '', 10],
      /* 10 */ ['KL', 'Kelembagaan', 9, 'a', 'Sub sebelum indikatornya', '', 1],
      /* 11 */ ['II', 'Hak sipil', 1, 'a', 'Sub di klaster lain', '', 1],
      /* 12 */ ['KL', 'Kelembagaan', 1, 'a', 'Sub pertama', '', 1],
      /* 13 */ ['KL', 'Kelembagaan', 1, 'A', 'Sub ganda', '', 1],
      /* 14 */ ['KL', 'Kelembagaan', 7, 'a b', 'Kode sub salah', '', 1],
      /* 15 */ ['KL', 'Kelembagaan', 4, '', '', x(301), 'abc'],
      /* 16 */ undefined,
      /* 17 */ ['KL', 'Kelembagaan', 5, '', 'Poin negatif', '', -3],
      /* 18 */ ['', '', '', '', '   ', '', ''],
      /* 19 */ ['KL', 'Kelembagaan', 6, '', 'Baik', 'DP3A', 5],
    ]);
    expect(await refusedWith(base64)).toEqual([
      'Baris 3, kolom Klaster: nama klaster KL berbeda dengan baris sebelumnya ("Kelembagaan")',
      'Baris 4, kolom Klaster: wajib diisi',
      'Baris 5, kolom Kode klaster: wajib diisi',
      'Baris 6, kolom No: wajib diisi',
      'Baris 7, kolom No: "0" bukan nomor indikator',
      'Baris 8, kolom No: "1234" bukan nomor indikator',
      'Baris 9, kolom No: indikator 1 sudah ada di baris 2',
      'Baris 10, kolom No: sub-indikator 9a muncul sebelum baris indikator 9',
      'Baris 11, kolom Kode klaster: indikator 1 ada di klaster lain',
      'Baris 13, kolom Sub: sub-indikator 1a sudah ada di baris 12',
      'Baris 14, kolom Sub: "a b" bukan kode sub-indikator (mis. a, b, c)',
      'Baris 15, kolom Nama: wajib diisi',
      'Baris 15, kolom Instansi terkait: terlalu panjang (maksimal 300 karakter)',
      'Baris 15, kolom Poin maks.: "abc" bukan angka',
      'Baris 17, kolom Poin maks.: nilai -3 tidak boleh negatif',
    ]);
  });

  it('imports a file with blank rows between indicators, reading points typed as text', async () => {
    const base64 = await fileOf([
      ['kl', 'Kelembagaan', 1, '', 'Perda KLA', '', '45,5'],
      undefined,
      ['', '', '', '', '  ', '', ''],
      ['KL', 'Kelembagaan', 1, 'a', 'Sub a', '', ''],
      ['KL', 'Kelembagaan', 2, '', 'Gugus tugas', '', null],
    ]);
    const set = await t.call('reference.importXlsx', { year: 2026, base64 });
    expect(contentOf(set).clusters).toEqual([{
      code: 'KL',
      name: 'Kelembagaan',
      indicators: [
        { number: 1, name: 'Perda KLA', usualAgencyIds: [], usualAgencies: '', maxPoints: 45.5, subs: [['a', 'Sub a', null]] },
        { number: 2, name: 'Gugus tugas', usualAgencyIds: [], usualAgencies: '', maxPoints: null, subs: [] },
      ],
    }]);
  });

  it('says a file without indicator rows has none, and only that', async () => {
    expect(await refusedWith(await fileOf([undefined, ['', '', '', '', ' ', '', '']]))).toEqual(['Berkas tidak berisi indikator.']);
  });

  it('does not add "no indicators" to the messages of a file whose only rows are wrong', async () => {
    expect(await refusedWith(await fileOf([['KL', 'Kelembagaan', 'satu', '', 'Perda', '', 10]]))).toEqual([
      'Baris 2, kolom No: "satu" bukan nomor indikator',
    ]);
  });
});

describe('reference workbook: predikat bands', () => {
  const ONE_INDICATOR: Row[] = [['KL', 'Kelembagaan', 1, '', 'Perda KLA', '', 10]];

  it('refuses blank, repeated, reversed and overlapping bands, naming the row and column', async () => {
    const base64 = await fileOf(ONE_INDICATOR, [
      /* 2 */ ['Pratama', 500, 600],
      /* 3 */ ['', 550, 560],
      /* 4 */ ['Madya', '', 700],
      /* 5 */ ['Nindya', 550, null],
      /* 6 */ ['pratama', 900, 950],
      /* 7 */ ['Utama', 800, 700],
      /* 8 */ ['Tepi atas', 600, 600],
      /* 9 */ ['Tepi bawah', 400, 500],
      /* 10 */ undefined,
      /* 11 */ ['Min teks', 'lima', 980],
      /* 12 */ ['KLA', 990, 1000],
    ]);
    expect(await refusedWith(base64)).toEqual([
      'Baris 3, kolom Predikat: wajib diisi',
      'Baris 4, kolom Nilai min.: wajib diisi',
      'Baris 5, kolom Nilai maks.: wajib diisi',
      'Baris 6, kolom Predikat: pratama sudah ada di baris 2',
      'Baris 7, kolom Nilai min.: 800 lebih besar dari nilai maks. 700',
      'Baris 8, kolom Nilai min.: rentang tumpang tindih dengan Pratama (baris 2)',
      'Baris 9, kolom Nilai min.: rentang tumpang tindih dengan Pratama (baris 2)',
      'Baris 11, kolom Nilai min.: "lima" bukan angka',
    ]);
  });

  it('accepts bands in any order, a one-point band and the last row of the sheet', async () => {
    const base64 = await fileOf(ONE_INDICATOR, [['KLA', 901, 1000], ['Utama', '801', 900], ['Madya', 700.5, 700.5], ['Pratama', 500, 600]]);
    const set = await t.call('reference.importXlsx', { year: 2026, base64 });
    expect(contentOf(set).bands).toEqual([['Pratama', 500, 600], ['Madya', 700.5, 700.5], ['Utama', 801, 900], ['KLA', 901, 1000]]);
  });
});

describe('reference workbook: a set in use', () => {
  const SET_IN_USE =
    'Set indikator tahun 2022 sudah dipakai rapat atau nilai, jadi impor hanya boleh mengubah nama, instansi terkait, poin maksimum dan rentang predikat. Berbeda: ';

  async function scoreFirstIndicator(): Promise<EvaluationYear> {
    const set = await t.call('reference.get', { year: 2022 });
    await t.call('score.setIndicator', { year: 2022, stage: 'EM', indicatorId: set.clusters[0].indicators[0].id, score: 10 });
    return set;
  }

  /** The exported 2022 rows with sub-items `codes` added under indicator 1. */
  async function withSubsUnderOne(codes: string[]): Promise<Row[]> {
    const { indicators } = await exportedRows(2022);
    const one = indicators.findIndex((r) => r[2] === 1 && r[3] === '');
    indicators.splice(one + 1, 0, ...codes.map((code): Row => [indicators[one][0], indicators[one][1], 1, code, `Sub ${code}`, '', 1]));
    return indicators;
  }

  it('takes new cluster names, wording, agencies and sub-item points on the same rows', async () => {
    const set = await scoreFirstIndicator();
    const { indicators, bands } = await exportedRows(2022);
    const edited = indicators.map((r): Row => {
      if (r[0] === 'KL') r = [r[0], 'Kelembagaan (baru)', ...r.slice(2)];
      if (r[2] === 21 && r[3] === 'a') r = [...r.slice(0, 4), 'Sub a (baru)', '', 7.5];
      if (r[2] === 2 && r[3] === '') r = [...r.slice(0, 5), 'Bappeda, Tim lokal', r[6]];
      return r;
    });
    const updated = await t.call('reference.importXlsx', { year: 2022, base64: await fileOf(edited, bands) });
    expect(updated.clusters[0]).toMatchObject({ id: set.clusters[0].id, name: 'Kelembagaan (baru)' });
    expect(updated.clusters.slice(1).map((c) => c.name)).toEqual(set.clusters.slice(1).map((c) => c.name));
    const sub = (s: EvaluationYear) => s.clusters.flatMap((c) => c.indicators).find((i) => i.number === 21)!.subIndicators[0];
    expect(sub(updated)).toEqual({ ...sub(set), name: 'Sub a (baru)', maxPoints: 7.5 });
    const two = updated.clusters[0].indicators[1];
    expect([two.id, two.usualAgencyIds.length, two.usualAgencies]).toEqual([set.clusters[0].indicators[1].id, 1, 'Tim lokal']);
  });

  it('lists what would change in structure, new first, under the file field, and writes nothing', async () => {
    await scoreFirstIndicator();
    const indicators = (await withSubsUnderOne(['a'])).filter((r) => r[2] !== 3);
    indicators.push(['XII', 'Klaster baru', 30, '', 'Indikator baru', '', 5]);
    const base64 = await fileOf(indicators, (await exportedRows(2022)).bands);
    const before = storedData(t);
    const error = await t.fail('reference.importXlsx', { year: 2022, base64 });
    const message = `${SET_IN_USE}sub-indikator 1a baru, klaster XII baru, indikator 30 (XII) baru, indikator 3 (KL) hilang.`;
    expect([error.code, error.message, error.fields]).toEqual(['CONFLICT', message, [{ path: 'base64', message }]]);
    expect(storedData(t)).toBe(before);
  });

  it('lists eight differences in full and counts those past the eighth', async () => {
    await scoreFirstIndicator();
    const bands = (await exportedRows(2022)).bands;
    const eight = 'abcdefgh'.split('');
    expect(await refusedWith(await fileOf(await withSubsUnderOne(eight), bands), 2022, 'CONFLICT')).toEqual([
      `${SET_IN_USE}${eight.map((c) => `sub-indikator 1${c} baru`).join(', ')}.`,
    ]);
    expect(await refusedWith(await fileOf(await withSubsUnderOne([...eight, 'i', 'j']), bands), 2022, 'CONFLICT')).toEqual([
      `${SET_IN_USE}${eight.map((c) => `sub-indikator 1${c} baru`).join(', ')}, … (2 lagi).`,
    ]);
  });
});
