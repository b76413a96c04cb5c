import type { Db } from '../db/database';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { formatPlain } from '../../../shared/cell-number';
import { predikatFor, SCORE_STAGES, type ScoreStage } from '../../../shared/kla';
import { emptyStageScores, gapToTarget, indicatorStageScore, latestStage, stageTotal, whatIf, type WhatIfResult } from '../../../shared/score';
import type { ScoreRow, ScoreYearSummary, StageSummary } from '../../../shared/api/score';
import type { EvaluationYear, YearScore } from '../../../shared/types';
import { getEvaluationYear } from '../reference/repository';

// The SQL side of nilai evaluasi: load a year's indicator and sub-indicator scores against the
// reference set in force for that year; the rules (totals, predikat, gap, what-if) are in
// shared/score.ts.

export interface YearScores {
  reference: EvaluationYear;
  rows: ScoreRow[];
  stored: Record<ScoreStage, number | null>;
}

export function awardYearOf(db: Db, year: number): number {
  const row = db.prepare(`SELECT award_year AS a FROM evaluation_cycle WHERE year = ?`).get(year) as { a: number } | undefined;
  return row?.a ?? year + 1;
}

export function loadYearScores(db: Db, year: number): YearScores {
  const reference = getEvaluationYear(db, year);
  const own = new Map<number, Partial<Record<ScoreStage, number>>>();
  for (const r of db.prepare(`SELECT indicator_id AS id, stage, score FROM indicator_score WHERE year = ?`).all(year) as { id: number; stage: ScoreStage; score: number }[]) {
    own.set(r.id, { ...own.get(r.id), [r.stage]: r.score });
  }
  const sub = new Map<number, Partial<Record<ScoreStage, number>>>();
  for (const r of db.prepare(`SELECT sub_indicator_id AS id, stage, score FROM sub_indicator_score WHERE year = ?`).all(year) as { id: number; stage: ScoreStage; score: number }[]) {
    sub.set(r.id, { ...sub.get(r.id), [r.stage]: r.score });
  }
  const stored = { ...emptyStageScores() };
  for (const r of db.prepare(`SELECT stage, total FROM year_score WHERE year = ?`).all(year) as { stage: ScoreStage; total: number }[]) stored[r.stage] = r.total;
  const rows: ScoreRow[] = [];
  for (const cluster of reference.clusters) {
    for (const ind of cluster.indicators) {
      const subRows: ScoreRow[] = ind.subIndicators.map((s) => ({
        indicatorId: ind.id, subIndicatorId: s.id, clusterCode: cluster.code, label: `${ind.number}${s.code}`, name: s.name, maxPoints: s.maxPoints,
        scores: { ...emptyStageScores(), ...sub.get(s.id) },
      }));
      const scores = emptyStageScores();
      for (const stage of SCORE_STAGES) scores[stage] = indicatorStageScore(own.get(ind.id)?.[stage] ?? null, subRows.map((r) => r.scores[stage]));
      rows.push({ indicatorId: ind.id, subIndicatorId: null, clusterCode: cluster.code, label: String(ind.number), name: ind.name, maxPoints: ind.maxPoints, scores }, ...subRows);
    }
  }
  return { reference, rows, stored };
}

/** The region's target predikat ('' when not chosen). Migration 0001 inserts the one profile row and nothing deletes it. */
function targetOf(db: Db): string {
  return (db.prepare(`SELECT target_predikat AS t FROM region_profile WHERE id = 1`).get() as { t: string }).t;
}

export function yearSummary(db: Db, year: number): ScoreYearSummary {
  const { reference, rows, stored } = loadYearScores(db, year);
  const indicatorRows = rows.filter((r) => r.subIndicatorId === null);
  const stages: StageSummary[] = SCORE_STAGES.map((stage) => {
    const { total, source } = stageTotal(indicatorRows.map((r) => r.scores[stage]), stored[stage]);
    return { stage, total, source, storedTotal: stored[stage], predikat: total === null ? null : predikatFor(total, reference.bands)?.name ?? null };
  });
  const latest = latestStage(stages);
  return {
    year,
    awardYear: awardYearOf(db, year),
    referenceYear: reference.year,
    stages,
    latest,
    gap: gapToTarget(latest?.total ?? null, reference.bands, targetOf(db)),
    rows,
  };
}

function assertInSet(db: Db, year: number, indicatorId: number, subIndicatorId: number | null): { maxPoints: number | null } {
  const reference = getEvaluationYear(db, year);
  const ind = reference.clusters.flatMap((c) => c.indicators).find((i) => i.id === indicatorId);
  const target = subIndicatorId === null ? ind : ind?.subIndicators.find((s) => s.id === subIndicatorId);
  if (!target) throw AppError.of('NOT_FOUND', 'error.notFound');
  return target;
}

export function setIndicatorScore(db: Db, year: number, stage: ScoreStage, indicatorId: number, subIndicatorId: number | null, score: number | null): void {
  const { maxPoints } = assertInSet(db, year, indicatorId, subIndicatorId);
  if (score !== null && maxPoints !== null && score > maxPoints) {
    const message = t('score.overMax', { score: formatPlain(score), max: formatPlain(maxPoints) });
    throw new AppError('VALIDATION', message, [{ path: 'score', message }]);
  }
  const [table, column, key] = subIndicatorId === null ? ['indicator_score', 'indicator_id', indicatorId] : ['sub_indicator_score', 'sub_indicator_id', subIndicatorId];
  if (score === null) db.prepare(`DELETE FROM ${table} WHERE year = ? AND ${column} = ? AND stage = ?`).run(year, key, stage);
  else
    db.prepare(`INSERT INTO ${table} (year, ${column}, stage, score) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET score = excluded.score`).run(year, key, stage, score);
}

export function setAwardYear(db: Db, year: number, awardYear: number | null): void {
  if (awardYear === null) db.prepare(`DELETE FROM evaluation_cycle WHERE year = ?`).run(year);
  else db.prepare(`INSERT INTO evaluation_cycle (year, award_year) VALUES (?, ?) ON CONFLICT DO UPDATE SET award_year = excluded.award_year`).run(year, awardYear);
}

export function projectYear(db: Db, year: number, projected: { indicatorId: number; score: number }[], baseStage?: ScoreStage): WhatIfResult {
  const { reference, rows, stored } = loadYearScores(db, year);
  const indicators = rows.filter((r) => r.subIndicatorId === null);
  const fields = projected.flatMap((p, i) => {
    const ind = indicators.find((r) => r.indicatorId === p.indicatorId);
    if (!ind) return [{ path: `projected.${i}.indicatorId`, message: t('score.notInSet') }];
    if (ind.maxPoints !== null && p.score > ind.maxPoints) {
      return [{ path: `projected.${i}.score`, message: t('score.overMax', { score: formatPlain(p.score), max: formatPlain(ind.maxPoints) }) }];
    }
    return [];
  });
  if (fields.length > 0) throw new AppError('VALIDATION', fields[0].message, fields);
  return whatIf(
    indicators.map((r) => ({ indicatorId: r.indicatorId, label: r.label, name: r.name, maxPoints: r.maxPoints, scores: r.scores })),
    stored,
    new Map(projected.map((p) => [p.indicatorId, p.score])),
    reference.bands,
    baseStage,
  );
}

export function listYearScores(db: Db): YearScore[] {
  return db.prepare(`SELECT year, stage, total FROM year_score ORDER BY year, stage`).all() as YearScore[];
}

export function setYearScore(db: Db, year: number, stage: ScoreStage, total: number | null): YearScore[] {
  if (total === null) db.prepare(`DELETE FROM year_score WHERE year = ? AND stage = ?`).run(year, stage);
  else
    db.prepare(
      `INSERT INTO year_score (year, stage, total) VALUES (?, ?, ?)
       ON CONFLICT (year, stage) DO UPDATE SET total = excluded.total`,
    ).run(year, stage, total);
  return listYearScores(db);
}
