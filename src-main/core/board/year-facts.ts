import type { Db } from '../db/database';
import type { ActionCounts, BudgetSums, LatestReview } from '../../../shared/board';
import type { ActionStatus } from '../../../shared/types';
import { regionToday } from '../db/clock';
import { referenceYearFor } from '../reference/repository';

// What the board and the agency recap both read about one year: its date range, the latest
// pembahasan of indicators, the current status of a set of RTLs, and budget sums. The year of a
// rakor is its date's; budget lines count by tahun anggaran.

export interface YearScope {
  year: number;
  referenceYear: number;
  today: string;
  /** Bound as @from / @to: the year's dates are @from <= date < @to. */
  params: { from: string; to: string; today: string };
}

export function yearScope(db: Db, year: number | undefined): YearScope {
  const today = regionToday(db);
  const y = year ?? Number(today.slice(0, 4));
  return { year: y, referenceYear: referenceYearFor(db, y), today, params: { from: `${y}-01-01`, to: `${y + 1}-01-01`, today } };
}

/** SQL: meeting alias `m` is held in the year. */
export const inYear = (m: string) => `${m}.date >= @from AND ${m}.date < @to`;

/**
 * SQL: a CTE body with the current status of every RTL whose id the query `ids` selects (aid,
 * status): the latest follow-up or outside change (order as in ../follow-up/status.ts), for RTLs
 * that have one. Only those RTLs' events are read (indexed by RTL), not the whole history.
 */
export function currentStatusOf(ids: string): string {
  // The latest event as the max of one sort key spelling EVENT_ORDER_DESC (see LATEST_EVENT in
  // ../follow-up/status.ts): SQLite takes the bare status from the row holding the max.
  return `SELECT aid, status FROM (
      SELECT e.aid, e.status, max(e.d || e.k || e.t || printf('%012d', e.i)) AS event_key FROM (
        SELECT u.action_item_id AS aid, um.date AS d, 1 AS k, um.start_time AS t, um.id AS i, u.status
          FROM action_item_update u JOIN meeting um ON um.id = u.meeting_id WHERE u.action_item_id IN (${ids})
        UNION ALL
        SELECT c.action_item_id, c.date, 0, '', c.id, c.status FROM action_status_change c WHERE c.action_item_id IN (${ids})) e
      GROUP BY e.aid)`;
}

/** SQL: open (not selesai) with a target date before @today. */
export const overdueSql = (status: string, target: string) => `(${target} IS NOT NULL AND ${target} < @today AND ${status} <> 'selesai')`;

interface LatestRow {
  indicatorId: number; meetingId: number; meetingTitle: string; meetingDate: string;
  achievement: string; score: number | null; isWeak: number; problem: string;
}

/** SQL: the latest pembahasan in the year of each indicator in @ids (a JSON array). */
export const LATEST_REVIEW_SQL = `SELECT indicatorId, meetingId, meetingTitle, meetingDate, achievement, score, isWeak, problem FROM (
         SELECT r.indicator_id AS indicatorId, m.id AS meetingId, m.title AS meetingTitle, m.date AS meetingDate,
           r.achievement, r.score, r.is_weak AS isWeak, r.problem,
           row_number() OVER (PARTITION BY r.indicator_id ORDER BY m.date DESC, m.start_time DESC, m.id DESC) AS rn
         FROM meeting m JOIN indicator_review r ON r.meeting_id = m.id
         WHERE ${inYear('m')} AND r.indicator_id IN (SELECT value FROM json_each(@ids)))
       WHERE rn = 1`;

/** The latest pembahasan in the year of each indicator that has one (indicator ids as a JSON array). */
export function latestReviews(db: Db, scope: YearScope, indicatorIds: number[]): Map<number, LatestReview> {
  const rows = db
    .prepare(LATEST_REVIEW_SQL)
    .all({ ...scope.params, ids: JSON.stringify(indicatorIds) }) as LatestRow[];
  return new Map(rows.map(({ indicatorId, isWeak, ...r }) => [indicatorId, { ...r, isWeak: isWeak === 1 }]));
}

export function emptyCounts(): ActionCounts {
  return { total: 0, open: 0, overdue: 0, done: 0 };
}

export function countStatus(counts: ActionCounts, status: ActionStatus, overdue: boolean): void {
  counts.total++;
  if (status === 'selesai') counts.done++;
  else counts.open++;
  if (overdue) counts.overdue++;
}

export function budgetSums(lines: number, allocationSen: number, realizationSen: number): BudgetSums {
  return { lines, allocationSen, realizationSen, absorption: allocationSen > 0 ? realizationSen / allocationSen : null };
}
