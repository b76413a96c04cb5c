import type { Db } from '../db/database';
import type { Cluster, EvaluationYear, Indicator, PredikatBandRow, SubIndicator } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { usualAgencyIdsOf } from './usual-agencies';

export function listReferenceYears(db: Db): number[] {
  return (db.prepare(`SELECT year FROM evaluation_year ORDER BY year`).all() as { year: number }[]).map((r) => r.year);
}

/** The reference set in force for a year: the newest set not after it (or the oldest one). */
export function referenceYearFor(db: Db, year: number): number {
  const row = (db.prepare(`SELECT max(year) AS y FROM evaluation_year WHERE year <= ?`).get(year) as { y: number | null }).y
    ?? (db.prepare(`SELECT min(year) AS y FROM evaluation_year`).get() as { y: number | null }).y;
  if (row === null) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function getEvaluationYear(db: Db, year: number): EvaluationYear {
  const refYear = referenceYearFor(db, year);
  const clusters = db
    .prepare(`SELECT id, year, code, name, position FROM cluster WHERE year = ? ORDER BY position`)
    .all(refYear) as Cluster[];
  const indicators = db
    .prepare(
      `SELECT i.id, i.cluster_id AS clusterId, i.number, i.name, i.usual_agencies AS usualAgencies, i.max_points AS maxPoints
       FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ? ORDER BY i.number`,
    )
    .all(refYear) as Omit<Indicator, 'subIndicators' | 'usualAgencyIds'>[];
  const usual = usualAgencyIdsOf(db, indicators.map((i) => i.id));
  const subs = db
    .prepare(
      `SELECT s.id, s.indicator_id AS indicatorId, s.code, s.name, s.max_points AS maxPoints
       FROM sub_indicator s JOIN indicator i ON i.id = s.indicator_id JOIN cluster c ON c.id = i.cluster_id
       WHERE c.year = ? ORDER BY s.code`,
    )
    .all(refYear) as SubIndicator[];
  const bands = db
    .prepare(`SELECT id, year, name, min_score AS minScore, max_score AS maxScore FROM predikat_band WHERE year = ? ORDER BY min_score`)
    .all(refYear) as PredikatBandRow[];
  const subsByIndicator = Map.groupBy(subs, (s) => s.indicatorId);
  const indicatorsByCluster = Map.groupBy(
    indicators.map((i) => ({ ...i, usualAgencyIds: usual.get(i.id) ?? [], subIndicators: subsByIndicator.get(i.id) ?? [] })),
    (i) => i.clusterId,
  );
  return {
    year: refYear,
    clusters: clusters.map((c) => ({ ...c, indicators: indicatorsByCluster.get(c.id) ?? [] })),
    bands,
  };
}
