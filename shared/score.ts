// Pure rules of the evaluation scores: how a stage's total is derived, which predikat it gives,
// how far it is from the target band, and the what-if projection. No database, no I/O: the core
// loads the numbers and these functions decide (unit-tested in tests/score-rules.test.ts).

import { predikatFor, SCORE_STAGES, type PredikatBand, type ScoreStage } from './kla';

/** Scores of one indicator (or sub-indicator) per stage; null where the region has none. */
export type StageScores = Record<ScoreStage, number | null>;

export const emptyStageScores = (): StageScores => ({ EM: null, VA: null, PUSAT: null, FINAL: null });

/** Sums without binary-float noise: scores have at most a few decimals (712,45). */
export function sumScores(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/**
 * An indicator's score at one stage: its own score when entered, otherwise the sum of its
 * sub-indicators' scores when any is entered, otherwise none.
 */
export function indicatorStageScore(own: number | null, subs: readonly (number | null)[]): number | null {
  if (own !== null) return own;
  const known = subs.filter((s): s is number => s !== null);
  return known.length > 0 ? sumScores(known) : null;
}

export type TotalSource = 'indicators' | 'stored' | 'none';

/**
 * A stage's total: derived from the indicator scores when there are any (the stored total then
 * only serves regions that know nothing but the total), else the stored total.
 */
export function stageTotal(indicatorScores: readonly (number | null)[], stored: number | null): { total: number | null; source: TotalSource } {
  const known = indicatorScores.filter((s): s is number => s !== null);
  if (known.length > 0) return { total: sumScores(known), source: 'indicators' };
  if (stored !== null) return { total: stored, source: 'stored' };
  return { total: null, source: 'none' };
}

/** The most advanced stage that has a total (FINAL before PUSAT before VA before EM). */
export function latestStage<T extends { stage: ScoreStage; total: number | null }>(stages: readonly T[]): T | null {
  for (const stage of [...SCORE_STAGES].reverse()) {
    const found = stages.find((s) => s.stage === stage && s.total !== null);
    if (found) return found;
  }
  return null;
}

export interface GapToTarget {
  target: string;
  /** The target band's lower edge; null when the year's bands have no band of that name. */
  targetMin: number | null;
  /** Points still missing (0 once reached); null when unknown. */
  gap: number | null;
  reached: boolean;
}

/** Distance from a total to the minimum of the target band (by name, case-insensitive). */
export function gapToTarget(total: number | null, bands: readonly PredikatBand[], target: string): GapToTarget | null {
  if (target.trim() === '') return null;
  const band = bands.find((b) => b.name.toLowerCase() === target.trim().toLowerCase());
  if (!band) return { target, targetMin: null, gap: null, reached: false };
  if (total === null) return { target: band.name, targetMin: band.minScore, gap: null, reached: false };
  const gap = Math.max(0, sumScores([band.minScore, -total]));
  return { target: band.name, targetMin: band.minScore, gap, reached: gap === 0 };
}

export interface WhatIfIndicator {
  indicatorId: number;
  /** "21" or "21a" as printed. */
  label: string;
  name: string;
  maxPoints: number | null;
  /** Scores per stage as known today. */
  scores: StageScores;
}

export interface WhatIfRankRow {
  indicatorId: number;
  label: string;
  name: string;
  maxPoints: number | null;
  /** Highest score known at any stage (0 when none). */
  bestKnown: number;
  /** maxPoints − bestKnown; null when the maximum is not entered. */
  available: number | null;
  /** Why a row has no available points, for the user. */
  note: string;
}

export interface WhatIfResult {
  baseStage: ScoreStage | null;
  baseTotal: number | null;
  /** How the base was known: summed indicator scores, or only a stored total. */
  basis: TotalSource;
  projectedTotal: number;
  projectedPredikat: string | null;
  basePredikat: string | null;
  ranking: WhatIfRankRow[];
}

export const NO_MAX_POINTS_NOTE = 'Poin maksimum belum diisi';

/**
 * Points still available per indicator, most first; indicators without maximum points last (in
 * their order) with a note, since their room cannot be known.
 */
export function rankByAvailablePoints(indicators: readonly WhatIfIndicator[]): WhatIfRankRow[] {
  const rows = indicators.map((i): WhatIfRankRow => {
    const known = SCORE_STAGES.map((s) => i.scores[s]).filter((s): s is number => s !== null);
    const bestKnown = known.length > 0 ? Math.max(...known) : 0;
    const available = i.maxPoints === null ? null : Math.max(0, sumScores([i.maxPoints, -bestKnown]));
    return { indicatorId: i.indicatorId, label: i.label, name: i.name, maxPoints: i.maxPoints, bestKnown, available, note: available === null ? NO_MAX_POINTS_NOTE : '' };
  });
  const withMax = rows.filter((r) => r.available !== null).sort((a, b) => (b.available as number) - (a.available as number));
  return [...withMax, ...rows.filter((r) => r.available === null)];
}

/**
 * The projected total if chosen indicators reached the given scores. The base is one stage's
 * scores (the latest stage with a total unless chosen): with indicator scores, each projected
 * indicator's score replaces its base score; with only a stored total, the projected scores
 * replace nothing known, so each counts as points added on top of that total.
 */
export function whatIf(
  indicators: readonly WhatIfIndicator[],
  stored: Partial<Record<ScoreStage, number | null>>,
  projected: ReadonlyMap<number, number>,
  bands: readonly PredikatBand[],
  chosenStage?: ScoreStage,
): WhatIfResult {
  const totals = SCORE_STAGES.map((stage) => ({ stage, ...stageTotal(indicators.map((i) => i.scores[stage]), stored[stage] ?? null) }));
  const base = chosenStage ? totals.find((t) => t.stage === chosenStage) ?? null : latestStage(totals);
  const baseStage = base?.stage ?? null;
  let projectedTotal: number;
  if (base && base.source === 'indicators') {
    projectedTotal = sumScores(indicators.map((i) => projected.get(i.indicatorId) ?? i.scores[base.stage] ?? 0));
  } else {
    projectedTotal = sumScores([base?.total ?? 0, ...projected.values()]);
  }
  projectedTotal = Math.min(1000, projectedTotal);
  return {
    baseStage,
    baseTotal: base?.total ?? null,
    basis: base?.source ?? 'none',
    projectedTotal,
    projectedPredikat: predikatFor(projectedTotal, bands)?.name ?? null,
    basePredikat: base?.total != null ? predikatFor(base.total, bands)?.name ?? null : null,
    ranking: rankByAvailablePoints(indicators),
  };
}
