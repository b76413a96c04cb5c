import type { Db } from '../db/database';
import type { ActionCounts, AssignedAgency, BoardIndicator, IndicatorBoard } from '../../../shared/board';
import type { AssignmentRole } from '../../../shared/types';
import { getEvaluationYear } from '../reference/repository';
import { budgetSums, currentStatusOf, emptyCounts, inYear, latestReviews, overdueSql, yearScope } from './year-facts';

// Papan indikator: every indicator of the year's reference set with its latest capaian and weak
// flag, the agencies assigned to it, the year's RTLs on it by current status, its budget lines of
// the tahun anggaran and how many rakor discussed it. A handful of grouped queries, each bounded
// by the year (a range of the meeting or budget index), whatever the history holds.

/** The board's statements (also run raw by bench/board-recap.ts); @from/@to/@today/@year/@ids bound. */
export const BOARD_SQL = {
  meetings: `SELECT indicatorId, count(DISTINCT mid) AS n FROM (
         SELECT r.indicator_id AS indicatorId, m.id AS mid FROM meeting m JOIN indicator_review r ON r.meeting_id = m.id WHERE ${inYear('m')}
         UNION ALL
         SELECT a.indicator_id, m.id FROM meeting m JOIN action_item a ON a.meeting_id = m.id WHERE ${inYear('m')} AND a.indicator_id IS NOT NULL
         UNION ALL
         SELECT a.indicator_id, m.id FROM meeting m JOIN action_item_update u ON u.meeting_id = m.id JOIN action_item a ON a.id = u.action_item_id
           WHERE ${inYear('m')} AND a.indicator_id IS NOT NULL)
       WHERE indicatorId IN (SELECT value FROM json_each(@ids)) GROUP BY indicatorId`,
  actions: `WITH yr AS (SELECT a.id, a.indicator_id, a.status, a.target_date FROM meeting m JOIN action_item a ON a.meeting_id = m.id
                   WHERE ${inYear('m')} AND a.indicator_id IN (SELECT value FROM json_each(@ids))),
            cur AS (${currentStatusOf('SELECT id FROM yr')}),
            s AS (SELECT yr.indicator_id, coalesce(cur.status, yr.status) AS st, yr.target_date FROM yr LEFT JOIN cur ON cur.aid = yr.id)
       SELECT indicator_id AS indicatorId, count(*) AS total, sum(st <> 'selesai') AS open, sum(st = 'selesai') AS done,
         sum(${overdueSql('st', 'target_date')}) AS overdue
       FROM s GROUP BY indicator_id`,
  budgets: `SELECT b.indicator_id AS indicatorId, count(*) AS lines, sum(b.allocation_sen) AS allocation, sum(b.realization_sen) AS realization
       FROM budget_line b WHERE b.fiscal_year = @year AND b.indicator_id IN (SELECT value FROM json_each(@ids)) GROUP BY b.indicator_id`,
  assigned: `SELECT s.indicator_id AS indicatorId, g.id AS agencyId, g.name, g.abbreviation, s.role, g.active
       FROM assignment s JOIN agency g ON g.id = s.agency_id
       WHERE s.indicator_id IN (SELECT value FROM json_each(@ids))
       ORDER BY s.role = 'lead' DESC, g.name COLLATE NOCASE`,
  years: `SELECT year FROM evaluation_year
     UNION SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM meeting
     UNION SELECT DISTINCT fiscal_year FROM budget_line
     UNION SELECT ? UNION SELECT ?`,
};

export function indicatorBoard(db: Db, year: number | undefined): IndicatorBoard {
  const scope = yearScope(db, year);
  const reference = getEvaluationYear(db, scope.year);
  const ids = reference.clusters.flatMap((c) => c.indicators.map((i) => i.id));
  const params = { ...scope.params, ids: JSON.stringify(ids), year: scope.year };

  const latest = latestReviews(db, scope, ids);

  const meetingCounts = new Map(
    (db.prepare(BOARD_SQL.meetings).all(params) as { indicatorId: number; n: number }[]).map((r) => [r.indicatorId, r.n]),
  );

  const actionCounts = new Map(
    (db.prepare(BOARD_SQL.actions).all(params) as ({ indicatorId: number } & ActionCounts)[]).map(({ indicatorId, ...c }) => [indicatorId, c]),
  );

  const budgets = new Map(
    (db.prepare(BOARD_SQL.budgets).all(params) as { indicatorId: number; lines: number; allocation: number; realization: number }[]).map((b) => [b.indicatorId, budgetSums(b.lines, b.allocation, b.realization)]),
  );

  const assigned = Map.groupBy(
    db.prepare(BOARD_SQL.assigned).all({ ids: params.ids }) as (Omit<AssignedAgency, 'active'> & { indicatorId: number; active: number; role: AssignmentRole })[],
    (a) => a.indicatorId,
  );

  const indicators: BoardIndicator[] = reference.clusters.flatMap((c) =>
    c.indicators.map((i) => {
      const last = latest.get(i.id) ?? null;
      return {
        indicatorId: i.id,
        clusterCode: c.code,
        clusterName: c.name,
        number: i.number,
        name: i.name,
        maxPoints: i.maxPoints,
        latest: last,
        weak: last?.isWeak ?? false,
        meetings: meetingCounts.get(i.id) ?? 0,
        agencies: (assigned.get(i.id) ?? []).map(({ indicatorId: _, active, ...a }) => ({ ...a, active: active === 1 })),
        actions: actionCounts.get(i.id) ?? emptyCounts(),
        budget: budgets.get(i.id) ?? budgetSums(0, 0, 0),
      };
    }),
  );

  const years = (db.prepare(BOARD_SQL.years).all(scope.year, Number(scope.today.slice(0, 4))) as { year: number }[]).map((r) => r.year).sort((a, b) => a - b);

  return {
    year: scope.year,
    referenceYear: scope.referenceYear,
    clusters: reference.clusters.map((c) => ({ code: c.code, name: c.name })),
    indicators,
    years,
  };
}
