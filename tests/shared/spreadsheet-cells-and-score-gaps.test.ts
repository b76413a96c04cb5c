import { describe, expect, it } from 'vitest';
import { formatPlain, rangeProblem, readCellNumber } from '../../shared/cell-number';
import { emptyStageScores, gapToTarget, rankByAvailablePoints, whatIf } from '../../shared/score';

// The score spreadsheet's cells as exceljs hands them over, and the edges of the predikat
// arithmetic; bands and expected values written out by hand.

const BANDS = [
  { name: 'Pratama', minScore: 500, maxScore: 600 },
  { name: 'Madya', minScore: 601, maxScore: 700 },
  { name: 'Nindya', minScore: 701, maxScore: 800 },
  { name: 'Utama', minScore: 801, maxScore: 900 },
  { name: 'KLA', minScore: 901, maxScore: 1000 },
];

describe('a score cell', () => {
  it('reads numbers, formula results and rich text', () => {
    expect(readCellNumber(0)).toEqual({ ok: true, value: 0 });
    expect(readCellNumber(-3)).toEqual({ ok: true, value: -3 });
    expect(readCellNumber({ formula: 'B2*2', result: null })).toEqual({ ok: true, value: null });
    expect(readCellNumber({ richText: [{ text: '8' }, { text: '7,5' }] })).toEqual({ ok: true, value: 87.5 });
    expect(readCellNumber({ richText: [] })).toEqual({ ok: true, value: null });
    expect(readCellNumber(undefined)).toEqual({ ok: true, value: null });
  });

  it('takes a blank, "-" or "—" as no score and one decimal separator in text', () => {
    expect(readCellNumber('')).toEqual({ ok: true, value: null });
    expect(readCellNumber(' - ')).toEqual({ ok: true, value: null });
    expect(readCellNumber('—')).toEqual({ ok: true, value: null });
    expect(readCellNumber('87')).toEqual({ ok: true, value: 87 });
    expect(readCellNumber('-2')).toEqual({ ok: true, value: -2 });
    expect(readCellNumber('87,25')).toEqual({ ok: true, value: 87.25 });
    expect(readCellNumber('87,')).toEqual({ ok: false, reason: '"87," bukan angka' });
    expect(readCellNumber('--')).toEqual({ ok: false, reason: '"--" bukan angka' });
    expect(readCellNumber('delapan')).toEqual({ ok: false, reason: '"delapan" bukan angka' });
  });

  it('refuses what is not a finite number', () => {
    expect(readCellNumber(Number.NaN)).toEqual({ ok: false, reason: 'bukan angka' });
    expect(readCellNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'bukan angka' });
    expect(readCellNumber({ error: '#DIV/0!' })).toEqual({ ok: false, reason: 'bukan angka' });
    expect(readCellNumber({ result: Number.NaN })).toEqual({ ok: false, reason: 'bukan angka' });
  });

  it('is checked against 0 and its maximum, or 1000 for a total', () => {
    expect(rangeProblem(0, 100)).toBeNull();
    expect(rangeProblem(0, null)).toBeNull();
    expect(rangeProblem(-0.5, 100)).toBe('nilai -0,5 tidak boleh negatif');
    expect(rangeProblem(1000, null)).toBeNull();
    expect(rangeProblem(1000.5, null)).toBe('nilai 1000,5 melebihi 1000');
    // With a maximum, only the maximum counts, even above 1000.
    expect(rangeProblem(1200, 1500)).toBeNull();
    expect(formatPlain(87.5)).toBe('87,5');
  });
});

describe('distance to the target predikat', () => {
  it('names the band as the list spells it, with or without a total', () => {
    expect(gapToTarget(null, BANDS, ' madya ')).toEqual({ target: 'Madya', targetMin: 601, gap: null, reached: false });
    expect(gapToTarget(600.5, BANDS, 'MADYA')).toEqual({ target: 'Madya', targetMin: 601, gap: 0.5, reached: false });
    expect(gapToTarget(601, BANDS, 'Madya')).toEqual({ target: 'Madya', targetMin: 601, gap: 0, reached: true });
    expect(gapToTarget(null, BANDS, '   ')).toBeNull();
  });
});

describe('points still available', () => {
  const indicator = (indicatorId: number, maxPoints: number | null, scores: Partial<ReturnType<typeof emptyStageScores>>) => ({
    indicatorId, label: String(indicatorId), name: `Indikator ${indicatorId}`, maxPoints, scores: { ...emptyStageScores(), ...scores },
  });

  it('counts from the best score of any stage, and puts indicators without a maximum last', () => {
    const rows = rankByAvailablePoints([
      indicator(1, 50, { EM: 40, VA: 20 }),
      indicator(2, null, { EM: 10 }),
      indicator(3, 60, {}),
      indicator(4, 30, { FINAL: 35 }),
    ]);
    expect(rows.map((r) => [r.indicatorId, r.bestKnown, r.available, r.note])).toEqual([
      [3, 0, 60, ''],
      [1, 40, 10, ''],
      [4, 35, 0, ''],
      [2, 10, null, 'Poin maksimum belum diisi'],
    ]);
  });
});

describe('what if', () => {
  const withScores = [
    { indicatorId: 1, label: '1', name: 'A', maxPoints: 400, scores: { ...emptyStageScores(), EM: 300, VA: 250 } },
    { indicatorId: 2, label: '2', name: 'B', maxPoints: 600, scores: { ...emptyStageScores(), EM: 350 } },
  ];

  it('projects on the stage chosen, an indicator without a score there counting as 0', () => {
    const onEm = whatIf(withScores, {}, new Map([[1, 380]]), BANDS, 'EM');
    expect(onEm).toMatchObject({ baseStage: 'EM', baseTotal: 650, basis: 'indicators', basePredikat: 'Madya', projectedTotal: 730, projectedPredikat: 'Nindya' });
    const onVa = whatIf(withScores, {}, new Map([[1, 380]]), BANDS, 'VA');
    expect(onVa).toMatchObject({ baseStage: 'VA', baseTotal: 250, basis: 'indicators', basePredikat: null, projectedTotal: 380, projectedPredikat: null });
  });

  it('has no base on a chosen stage without any score, and never projects above 1000', () => {
    expect(whatIf(withScores, {}, new Map([[2, 50]]), BANDS, 'PUSAT')).toMatchObject({ baseStage: 'PUSAT', baseTotal: null, basis: 'none', basePredikat: null, projectedTotal: 50 });
    expect(whatIf([], { FINAL: 990 }, new Map([[7, 30]]), BANDS)).toMatchObject({ baseTotal: 990, basis: 'stored', projectedTotal: 1000, projectedPredikat: 'KLA' });
  });
});
