import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Backend } from '../../src-main/core/backend';
import { edit, ok, refused, testBackend } from '../support/backend';

// Nilai evaluasi on a small fixture with hand-computed expectations: indicator 1 (max 100),
// 2 (max 50) and 21 (max 60, sub-items 21a max 20 and 21b) of the seeded 2022 set, used for
// the 2024 evaluation; 2030 is an empty year.

let backend: Backend;
let ids: { i1: number; i2: number; i21: number; s21a: number; s21b: number };

beforeEach(async () => {
  backend = testBackend();
  const set = await ok(backend, 'reference.get', { year: 2024 });
  const all = set.clusters.flatMap((c) => c.indicators);
  const byNo = (n: number) => all.find((i) => i.number === n)!;
  const i21 = byNo(21);
  ids = { i1: byNo(1).id, i2: byNo(2).id, i21: i21.id, s21a: i21.subIndicators[0].id, s21b: i21.subIndicators[1].id };
  await ok(backend, 'reference.updateIndicator', { id: ids.i1, maxPoints: 100 });
  await ok(backend, 'reference.updateIndicator', { id: ids.i2, maxPoints: 50 });
  await ok(backend, 'reference.updateIndicator', { id: ids.i21, maxPoints: 60 });
  await ok(backend, 'reference.updateSubIndicator', { id: ids.s21a, maxPoints: 20 });
  await edit(backend, 'regionProfile.update', { targetPredikat: 'Nindya', targetYear: 2026, currentPredikat: 'Madya', currentPredikatYear: 2022 });
});
afterEach(() => backend.close());

async function enterFixtureScores() {
  const set = (stage: 'EM' | 'VA' | 'PUSAT' | 'FINAL', indicatorId: number, score: number, subIndicatorId: number | null = null) =>
    ok(backend, 'score.setIndicator', { year: 2024, stage, indicatorId, subIndicatorId, score });
  await set('EM', ids.i1, 80);
  await set('EM', ids.i2, 40.5);
  await set('VA', ids.i1, 70);
  await set('VA', ids.i21, 15, ids.s21a);
  await set('VA', ids.i21, 10, ids.s21b);
  await ok(backend, 'score.set', { year: 2024, stage: 'PUSAT', total: 650 });
}

describe('year summary', () => {
  it('derives totals from indicator scores, falls back to the stored total, and measures the gap to the target', async () => {
    await enterFixtureScores();
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(s.referenceYear).toBe(2022);
    expect(s.awardYear).toBe(2025);
    expect(s.stages).toEqual([
      { stage: 'EM', total: 120.5, source: 'indicators', storedTotal: null, predikat: null },
      { stage: 'VA', total: 95, source: 'indicators', storedTotal: null, predikat: null },
      { stage: 'PUSAT', total: 650, source: 'stored', storedTotal: 650, predikat: 'Madya' },
      { stage: 'FINAL', total: null, source: 'none', storedTotal: null, predikat: null },
    ]);
    expect(s.latest?.stage).toBe('PUSAT');
    expect(s.gap).toEqual({ target: 'Nindya', targetMin: 701, gap: 51, reached: false });
    const row21 = s.rows.find((r) => r.label === '21')!;
    expect(row21.scores).toEqual({ EM: null, VA: 25, PUSAT: null, FINAL: null });
    expect(s.rows.find((r) => r.label === '21a')!.scores.VA).toBe(15);
    expect(s.rows.filter((r) => r.subIndicatorId === null)).toHaveLength(24);
  });

  it('answers an empty year with no totals and an unknown gap', async () => {
    const s = await ok(backend, 'score.summary', { year: 2030 });
    expect(s.stages.every((st) => st.total === null && st.source === 'none')).toBe(true);
    expect(s.latest).toBeNull();
    expect(s.gap).toEqual({ target: 'Nindya', targetMin: 701, gap: null, reached: false });
    expect(s.awardYear).toBe(2031);
  });

  it('keeps the award year apart from the evaluation year, editable per year', async () => {
    expect((await ok(backend, 'score.setAwardYear', { year: 2024, awardYear: 2026 })).awardYear).toBe(2026);
    expect((await ok(backend, 'score.summary', { year: 2023 })).awardYear).toBe(2024);
    expect((await ok(backend, 'score.setAwardYear', { year: 2024, awardYear: null })).awardYear).toBe(2025);
  });

  it('refuses a score above the maximum points and one for an indicator outside the year set', async () => {
    const over = await refused(backend, 'score.setIndicator', { year: 2024, stage: 'VA', indicatorId: ids.i1, score: 120 });
    expect(over.code).toBe('VALIDATION');
    expect(over.message).toBe('Nilai 120 melebihi poin maksimum 100.');
    await ok(backend, 'reference.createYear', { year: 2025 });
    const other = await refused(backend, 'score.setIndicator', { year: 2025, stage: 'VA', indicatorId: ids.i1, score: 1 });
    expect(other.code).toBe('NOT_FOUND');
  });

  it('keeps the current predikat in the region profile', async () => {
    expect(await ok(backend, 'regionProfile.get', {})).toMatchObject({ currentPredikat: 'Madya', currentPredikatYear: 2022, targetPredikat: 'Nindya', targetYear: 2026 });
  });
});

describe('what-if', () => {
  it('projects on the latest stage, on a chosen stage, and ranks indicators by points still available', async () => {
    await enterFixtureScores();
    // Latest stage (PUSAT) is a stored total only: projected scores add on top of it.
    const onStored = await ok(backend, 'score.whatIf', { year: 2024, projected: [{ indicatorId: ids.i1, score: 100 }] });
    expect(onStored).toMatchObject({ baseStage: 'PUSAT', baseTotal: 650, basis: 'stored', projectedTotal: 750, projectedPredikat: 'Nindya', basePredikat: 'Madya' });
    // On EM's indicator scores, 1 → 100 replaces its 80: 100 + 40,5.
    const onEm = await ok(backend, 'score.whatIf', { year: 2024, baseStage: 'EM', projected: [{ indicatorId: ids.i1, score: 100 }] });
    expect(onEm).toMatchObject({ baseStage: 'EM', baseTotal: 120.5, basis: 'indicators', projectedTotal: 140.5, projectedPredikat: null });
    // Available: 21 → 60 − 25 = 35; 1 → 100 − 80 = 20; 2 → 50 − 40,5 = 9,5; the rest have no maximum.
    expect(onEm.ranking.slice(0, 3).map((r) => [r.label, r.available])).toEqual([['21', 35], ['1', 20], ['2', 9.5]]);
    expect(onEm.ranking[3]).toMatchObject({ label: '3', available: null, note: 'Poin maksimum belum diisi' });
    expect(onEm.ranking).toHaveLength(24);
  });

  it('refuses a projection above the maximum', async () => {
    const error = await refused(backend, 'score.whatIf', { year: 2024, projected: [{ indicatorId: ids.i2, score: 51 }] });
    expect(error.fields?.[0]).toEqual({ path: 'projected.0.score', message: 'Nilai 51 melebihi poin maksimum 50.' });
  });
});

async function templateOf(year: number): Promise<ExcelJS.Workbook> {
  const file = await ok(backend, 'score.exportTemplate', { year });
  expect(file.fileName).toBe(`Nilai Evaluasi KLA ${year}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

async function base64Of(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

describe('score template (.xlsx)', () => {
  it('exports one row per indicator and sub-indicator with real numbers and number formats', async () => {
    await enterFixtureScores();
    const sheet = (await templateOf(2024)).getWorksheet('Nilai')!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'No', 'Klaster', 'Indikator', 'Poin maks.', 'EM', 'VA', 'Pusat', 'Akhir']);
    const first = sheet.getRow(4);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(4).value, first.getCell(5).value, first.getCell(6).value, first.getCell(7).value])
      .toEqual(['1', 'Kelembagaan', 100, 80, 70, null]);
    expect(typeof first.getCell(5).value).toBe('number');
    expect(first.getCell(5).numFmt).toBe('0.00');
    expect(first.getCell(4).numFmt).toBe('0.00');
    const labels: string[] = [];
    sheet.eachRow((row, n) => { if (n > 3) labels.push(String(row.getCell(1).value)); });
    expect(labels).toHaveLength(24 + 5);
    expect(labels.slice(labels.indexOf('21'), labels.indexOf('21') + 7)).toEqual(['21', '21a', '21b', '21c', '21d', '21e', '22']);
    const r21a = sheet.getRow(4 + labels.indexOf('21a'));
    expect([r21a.getCell(2).value, r21a.getCell(4).value, r21a.getCell(6).value]).toEqual(['Klaster V', 20, 15]);
    // The indicator row of 21 carries only its own (empty) scores: the sum of 21a+21b is derived.
    expect(sheet.getRow(4 + labels.indexOf('21')).getCell(6).value).toBeNull();
  });

  it('imports a filled template: numbers, decimal comma text, and blanks that clear', async () => {
    await enterFixtureScores();
    const workbook = await templateOf(2024);
    const sheet = workbook.getWorksheet('Nilai')!;
    sheet.getCell('G4').value = 90; // indicator 1, Pusat
    sheet.getCell('G5').value = '42,25'; // indicator 2, Pusat, typed as text with a decimal comma
    sheet.getCell('H5').value = '41.5'; // indicator 2, Akhir, decimal point as text
    sheet.getCell('E5').value = null; // clears indicator 2's EM (40,5)
    const result = await ok(backend, 'score.import', { year: 2024, base64: await base64Of(workbook) });
    expect(result).toEqual({ year: 2024, written: 7, cleared: 1 });
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(s.rows.find((r) => r.label === '1')!.scores).toEqual({ EM: 80, VA: 70, PUSAT: 90, FINAL: null });
    expect(s.rows.find((r) => r.label === '2')!.scores).toEqual({ EM: null, VA: null, PUSAT: 42.25, FINAL: 41.5 });
    expect(s.stages.find((st) => st.stage === 'PUSAT')).toMatchObject({ total: 132.25, source: 'indicators', storedTotal: 650 });
  });

  it('refuses a bad file naming row and column, and writes nothing', async () => {
    await enterFixtureScores();
    const before = await ok(backend, 'score.summary', { year: 2024 });
    const workbook = await templateOf(2024);
    const sheet = workbook.getWorksheet('Nilai')!;
    sheet.getCell('H4').value = 95; // valid, but must not land
    sheet.getCell('F4').value = 120; // row 4 = indicator 1 (max 100), column VA
    sheet.getCell('E5').value = 'empat puluh';
    sheet.getCell('G6').value = -3;
    sheet.getCell('A7').value = '99';
    const error = await refused(backend, 'score.import', { year: 2024, base64: await base64Of(workbook) });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.message)).toEqual([
      'Baris 4, kolom VA: nilai 120 melebihi poin maksimum 100',
      'Baris 5, kolom EM: "empat puluh" bukan angka',
      'Baris 6, kolom Pusat: nilai -3 tidak boleh negatif',
      'Baris 7, kolom No: indikator "99" tidak ada di set indikator tahun 2024',
    ]);
    expect(error.message).toContain('Tidak ada data yang diubah');
    expect(await ok(backend, 'score.summary', { year: 2024 })).toEqual(before);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const error = await refused(backend, 'score.import', { year: 2024, base64: Buffer.from('bukan excel').toString('base64') });
    expect(error.message).toContain('bukan berkas Excel');
  });
});

describe('entering one score', () => {
  const set = (indicatorId: number, subIndicatorId: number | null, score: number | null, year = 2024) =>
    backend.invoke('score.setIndicator', { year, stage: 'EM', indicatorId, subIndicatorId, score });

  it("holds a sub-indicator to its own maximum, and accepts a score equal to the maximum", async () => {
    // 21a: max 20 (its indicator 21 allows 60); 21b has no maximum.
    const over = await refused(backend, 'score.setIndicator', { year: 2024, stage: 'EM', indicatorId: ids.i21, subIndicatorId: ids.s21a, score: 25 });
    expect(over).toMatchObject({ code: 'VALIDATION', message: 'Nilai 25 melebihi poin maksimum 20.', fields: [{ path: 'score', message: 'Nilai 25 melebihi poin maksimum 20.' }] });
    expect((await set(ids.i21, ids.s21b, 25)).ok).toBe(true);
    expect((await set(ids.i21, ids.s21a, 20)).ok).toBe(true);
    expect((await set(ids.i1, null, 100)).ok).toBe(true);
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(['1', '21', '21a', '21b'].map((label) => s.rows.find((r) => r.label === label)!.scores.EM)).toEqual([100, 45, 20, 25]);
  });

  it('refuses a sub-indicator of another indicator, or of an indicator outside the year set', async () => {
    expect(await refused(backend, 'score.setIndicator', { year: 2024, stage: 'EM', indicatorId: ids.i1, subIndicatorId: ids.s21a, score: 1 }))
      .toMatchObject({ code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' });
    await ok(backend, 'reference.createYear', { year: 2025 });
    expect(await refused(backend, 'score.setIndicator', { year: 2025, stage: 'EM', indicatorId: ids.i21, subIndicatorId: ids.s21a, score: 1 }))
      .toMatchObject({ code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' });
  });

  it('clears a score when it is emptied', async () => {
    await enterFixtureScores();
    await ok(backend, 'score.setIndicator', { year: 2024, stage: 'EM', indicatorId: ids.i1, subIndicatorId: null, score: null });
    await ok(backend, 'score.setIndicator', { year: 2024, stage: 'VA', indicatorId: ids.i21, subIndicatorId: ids.s21a, score: null });
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(s.rows.find((r) => r.label === '1')!.scores).toEqual({ EM: null, VA: 70, PUSAT: null, FINAL: null });
    expect(s.rows.find((r) => r.label === '21a')!.scores.VA).toBeNull();
    expect(s.stages.map((st) => st.total)).toEqual([40.5, 80, 650, null]);
  });

  it('gives no predikat to a stage without a total, even when a band starts at 0', async () => {
    await ok(backend, 'reference.setBands', { year: 2022, bands: [{ name: 'Belum', minScore: 0, maxScore: 499 }, { name: 'Pratama', minScore: 500, maxScore: 600 }] });
    await ok(backend, 'score.setIndicator', { year: 2024, stage: 'EM', indicatorId: ids.i1, subIndicatorId: null, score: 80 });
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(s.stages.map((st) => [st.stage, st.total, st.predikat])).toEqual([['EM', 80, 'Belum'], ['VA', null, null], ['PUSAT', null, null], ['FINAL', null, null]]);
  });
});

describe('what-if refusals', () => {
  it('refuses an indicator outside the year set, and says why in the message', async () => {
    await ok(backend, 'reference.createYear', { year: 2025 });
    const outside = await refused(backend, 'score.whatIf', { year: 2025, projected: [{ indicatorId: ids.i1, score: 1 }] });
    expect(outside).toMatchObject({
      code: 'VALIDATION',
      message: 'Indikator ini tidak ada di set indikator tahun tersebut.',
      fields: [{ path: 'projected.0.indicatorId', message: 'Indikator ini tidak ada di set indikator tahun tersebut.' }],
    });
    const over = await refused(backend, 'score.whatIf', { year: 2024, projected: [{ indicatorId: ids.i2, score: 51 }] });
    expect(over.message).toBe('Nilai 51 melebihi poin maksimum 50.');
  });

  it('projects any score on an indicator without a maximum', async () => {
    const i3 = (await ok(backend, 'reference.get', { year: 2024 })).clusters[0].indicators.find((i) => i.number === 3)!.id;
    const r = await ok(backend, 'score.whatIf', { year: 2024, baseStage: 'EM', projected: [{ indicatorId: i3, score: 30 }] });
    expect(r).toMatchObject({ baseTotal: null, projectedTotal: 30 });
  });
});

describe('score template (.xlsx): how it reads', () => {
  it('titles the sheet, explains the stages, styles headers and indicator rows, and formats every score column', async () => {
    await enterFixtureScores();
    const sheet = (await templateOf(2024)).getWorksheet('Nilai')!;
    expect(sheet.getCell('A1').value).toBe('Nilai Evaluasi KLA tahun 2024 (penghargaan 2025)');
    expect(sheet.getCell('A1').font).toEqual({ bold: true, size: 13 });
    expect(sheet.getCell('A2').value).toBe(
      'Isi nilai per tahap (EM = evaluasi mandiri, VA = verifikasi administrasi provinsi, Pusat = verifikasi pusat, Akhir = verifikasi lapangan). Sel kosong = belum ada nilai. Jangan ubah kolom No.',
    );
    expect(sheet.getCell('A3').font).toEqual({ bold: true });
    expect(sheet.getCell('H3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } });
    expect(sheet.views).toMatchObject([{ state: 'frozen', ySplit: 3 }]);
    // No 6 characters, Klaster 12, the indicator's name 60 (wrapped), points and each stage 10–11.
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 12, 60, 11, 10, 10, 10, 10]);
    // Row 4: indicator 1; the sub-item 21a sits under 21 (rows 24 and 25), indented, not bold.
    expect(['E4', 'F4', 'G4', 'H4', 'H25'].map((c) => sheet.getCell(c).numFmt)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect([sheet.getCell('A24').value, sheet.getCell('A25').value]).toEqual(['21', '21a']);
    expect(sheet.getCell('C24').alignment).toEqual({ wrapText: true, vertical: 'top' }); // indent 0 is not written
    expect(sheet.getCell('C25').alignment).toEqual({ wrapText: true, vertical: 'top', indent: 1 });
    expect(sheet.getCell('C24').font).toEqual({ bold: true });
    expect(sheet.getCell('C25').font?.bold).toBeUndefined();
  });
});

describe('score template (.xlsx): what an import accepts', () => {
  it('takes a single sheet whatever its name, its last row, "No" typed with spaces, blank and note rows', async () => {
    await enterFixtureScores();
    const workbook = await templateOf(2024);
    const sheet = workbook.getWorksheet('Nilai')!;
    sheet.name = 'Sheet1';
    expect(sheet.getCell('A32').value).toBe('24'); // the last row
    sheet.getCell('H32').value = 12;
    sheet.getCell('A25').value = ' 21 a '; // 21a
    sheet.getCell('H25').value = 18;
    sheet.addRow([]);
    sheet.addRow(['', '', 'Catatan: nilai Akhir menunggu berita acara', null, null, null, null, 'menunggu']);
    const result = await ok(backend, 'score.import', { year: 2024, base64: await base64Of(workbook) });
    // Numbers in the file: 1 EM and VA, 2 EM, 21a VA and Akhir, 21b VA, 24 Akhir.
    expect(result).toEqual({ year: 2024, written: 7, cleared: 0 });
    const s = await ok(backend, 'score.summary', { year: 2024 });
    expect(s.rows.find((r) => r.label === '24')!.scores.FINAL).toBe(12);
    expect(s.rows.find((r) => r.label === '21a')!.scores).toEqual({ EM: null, VA: 15, PUSAT: null, FINAL: 18 });
  });

  it('refuses a score in a row without "No", and the same indicator twice', async () => {
    const workbook = await templateOf(2024);
    const sheet = workbook.getWorksheet('Nilai')!;
    sheet.addRow(['', '', 'Jumlah', null, 100]); // row 33
    sheet.addRow(['21A', '', 'Sub-item 21a lagi', null, 5]); // row 34: 21a is row 25
    const error = await refused(backend, 'score.import', { year: 2024, base64: await base64Of(workbook) });
    expect(error.fields?.map((f) => f.message)).toEqual([
      'Baris 33, kolom No: kosong, padahal baris ini berisi nilai',
      'Baris 34, kolom No: indikator 21A sudah ada di baris 25',
    ]);
  });
});
