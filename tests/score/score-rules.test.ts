import { describe, expect, it } from 'vitest';
import { gapToTarget, indicatorStageScore, latestStage, rankByAvailablePoints, stageTotal, sumScores, whatIf, emptyStageScores } from '../../shared/score';
import { readCellNumber, rangeProblem, cellMessage } from '../../shared/cell-number';
import { SEED_BANDS } from '../../src-main/core/db/migrations/0002_seed_data';

const scores = (s: Partial<ReturnType<typeof emptyStageScores>>) => ({ ...emptyStageScores(), ...s });

describe('score rules', () => {
  it('sums scores without float noise', () => {
    expect(sumScores([0.1, 0.2])).toBe(0.3);
    expect(sumScores([])).toBe(0);
  });

  it("takes an indicator's own score, else the sum of its sub-items", () => {
    expect(indicatorStageScore(30, [10, 5])).toBe(30);
    expect(indicatorStageScore(null, [10, null, 5.5])).toBe(15.5);
    expect(indicatorStageScore(null, [null])).toBeNull();
    expect(indicatorStageScore(null, [])).toBeNull();
  });

  it('derives a total from indicators when there are any, else uses the stored one', () => {
    expect(stageTotal([100, null, 200.25], 999)).toEqual({ total: 300.25, source: 'indicators' });
    expect(stageTotal([null, null], 588.4)).toEqual({ total: 588.4, source: 'stored' });
    expect(stageTotal([], null)).toEqual({ total: null, source: 'none' });
  });

  it('picks the most advanced stage with a total', () => {
    expect(latestStage([{ stage: 'EM', total: 721 }, { stage: 'VA', total: 588.4 }, { stage: 'FINAL', total: null }])?.stage).toBe('VA');
    expect(latestStage([{ stage: 'EM', total: null }])).toBeNull();
  });

  it('measures the gap to the minimum of the target band', () => {
    expect(gapToTarget(588.4, SEED_BANDS, 'Nindya')).toEqual({ target: 'Nindya', targetMin: 701, gap: 112.6, reached: false });
    expect(gapToTarget(712.45, SEED_BANDS, 'nindya')).toEqual({ target: 'Nindya', targetMin: 701, gap: 0, reached: true });
    expect(gapToTarget(700, SEED_BANDS, 'Platinum')).toEqual({ target: 'Platinum', targetMin: null, gap: null, reached: false });
    expect(gapToTarget(700, SEED_BANDS, '')).toBeNull();
  });

  it('ranks by points still available, indicators without a maximum last with a note', () => {
    const rows = rankByAvailablePoints([
      { indicatorId: 1, label: '1', name: 'A', maxPoints: 50, scores: scores({ EM: 45, VA: 30 }) },
      { indicatorId: 2, label: '2', name: 'B', maxPoints: null, scores: scores({ EM: 10 }) },
      { indicatorId: 3, label: '3', name: 'C', maxPoints: 40, scores: scores({}) },
      { indicatorId: 4, label: '4', name: 'D', maxPoints: 20, scores: scores({ FINAL: 25 }) },
    ]);
    expect(rows.map((r) => [r.label, r.bestKnown, r.available, r.note])).toEqual([
      ['3', 0, 40, ''], ['1', 45, 5, ''], ['4', 25, 0, ''], ['2', 10, null, 'Poin maksimum belum diisi'],
    ]);
  });

  it('projects a total and its predikat', () => {
    const indicators = [
      { indicatorId: 1, label: '1', name: 'A', maxPoints: 400, scores: scores({ EM: 300, VA: 250 }) },
      { indicatorId: 2, label: '2', name: 'B', maxPoints: 600, scores: scores({ EM: 350, VA: 340 }) },
    ];
    const r = whatIf(indicators, {}, new Map([[1, 380]]), SEED_BANDS);
    expect(r).toMatchObject({ baseStage: 'VA', baseTotal: 590, basis: 'indicators', basePredikat: 'Pratama', projectedTotal: 720, projectedPredikat: 'Nindya' });
    const onStored = whatIf([], { FINAL: 690 }, new Map([[9, 15]]), SEED_BANDS);
    expect(onStored).toMatchObject({ baseStage: 'FINAL', basis: 'stored', projectedTotal: 705, projectedPredikat: 'Nindya' });
    expect(whatIf([], {}, new Map(), SEED_BANDS)).toMatchObject({ baseStage: null, basis: 'none', projectedTotal: 0, projectedPredikat: null });
  });
});

describe('reading a number from a spreadsheet cell', () => {
  it('accepts numbers, decimal comma or point text, formula results and blanks', () => {
    expect(readCellNumber(87.5)).toEqual({ ok: true, value: 87.5 });
    expect(readCellNumber(' 87,5 ')).toEqual({ ok: true, value: 87.5 });
    expect(readCellNumber('87.5')).toEqual({ ok: true, value: 87.5 });
    expect(readCellNumber({ formula: 'A1+1', result: 12 })).toEqual({ ok: true, value: 12 });
    expect(readCellNumber(null)).toEqual({ ok: true, value: null });
    expect(readCellNumber('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a number and numbers out of range', () => {
    expect(readCellNumber('1.000,5')).toEqual({ ok: false, reason: '"1.000,5" bukan angka' });
    expect(readCellNumber(true)).toEqual({ ok: false, reason: 'bukan angka' });
    expect(rangeProblem(120, 100)).toBe('nilai 120 melebihi poin maksimum 100');
    expect(rangeProblem(12.5, 10)).toBe('nilai 12,5 melebihi poin maksimum 10');
    expect(rangeProblem(-1, null)).toBe('nilai -1 tidak boleh negatif');
    expect(rangeProblem(1001, null)).toBe('nilai 1001 melebihi 1000');
    expect(rangeProblem(100, 100)).toBeNull();
    expect(cellMessage(7, 'VA', 'x')).toBe('Baris 7, kolom VA: x');
  });
});
