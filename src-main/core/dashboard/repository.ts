import type { Db } from '../db/database';
import type { ActionStatus } from '../../../shared/types';
import type { DashboardBudget, DashboardDeadline, DashboardScore, DashboardWeakCluster, HomeDashboard } from '../../../shared/api/dashboard';
import { regionToday } from '../db/clock';
import { getEvaluationYear } from '../reference/repository';
import { statusAsOfSql } from '../follow-up/status';
import { yearSummary } from '../score/repository';
import { rakorPerYear } from '../meeting/per-year';

// Beranda in one read: each tile's numbers come from the same rules as its own screen (the
// tracker's current status and overdue rule, the score year summary, rakor per tahun), so a tile never says
// something its screen contradicts.

const UPCOMING = 5;

// The statements, exported so bench/year-recap.ts runs the very same SQL raw next to the operation.
export const LATEST_SCORE_YEAR_SQL = `SELECT max(y) AS y FROM (SELECT max(year) AS y FROM indicator_score UNION ALL SELECT max(year) FROM sub_indicator_score UNION ALL SELECT max(year) FROM year_score)`;
export const WEAK_SQL = `SELECT code, number, name, meetingId, meetingDate FROM (
         SELECT c.code, i.number, i.name, r.is_weak, m.id AS meetingId, m.date AS meetingDate,
           row_number() OVER (PARTITION BY c.code, i.number ORDER BY m.date DESC, m.start_time DESC, m.id DESC) AS rn
         FROM indicator_review r JOIN meeting m ON m.id = r.meeting_id JOIN indicator i ON i.id = r.indicator_id JOIN cluster c ON c.id = i.cluster_id)
       WHERE rn = 1 AND is_weak = 1`;
export const UPCOMING_SQL = `SELECT * FROM (
         SELECT a.id, a.description, a.target_date AS targetDate, ${statusAsOfSql('a')} AS status, a.meeting_id AS meetingId,
           i.number AS indicatorNumber, g.name AS leadAgencyName
         FROM action_item a LEFT JOIN indicator i ON i.id = a.indicator_id LEFT JOIN agency g ON g.id = a.lead_agency_id
         WHERE a.target_date IS NOT NULL AND a.target_date >= @today
         ORDER BY a.target_date, a.id)
       WHERE status <> 'selesai' LIMIT ${UPCOMING}`;
/** "As of the end of time": the current status of each candidate. */
export const upcomingParams = (today: string) => ({ today, date: '9999-12-31', start: '99:99', id: Number.MAX_SAFE_INTEGER });
export const BUDGET_YEAR_SQL = [
  `SELECT max(fiscal_year) AS y FROM budget_line WHERE fiscal_year <= ?`,
  `SELECT min(fiscal_year) AS y FROM budget_line`,
] as const;
export const BUDGET_TOTAL_SQL = `SELECT count(*) AS lines, coalesce(sum(allocation_sen), 0) AS a, coalesce(sum(realization_sen), 0) AS r FROM budget_line WHERE fiscal_year = ?`;
/**
 * Open and overdue RTLs by current status: the tracker's rule (overdue = target before today and
 * not selesai), read from the current-status table the triggers keep (migration 14) and its
 * (status, target_date) index alone, as the tracker's unfiltered counts are (tests/dashboard
 * check both agree).
 */
export const ACTION_COUNTS_SQL = `SELECT s.status AS cur, count(*) AS n,
    coalesce(sum(s.target_date IS NOT NULL AND s.target_date < @today AND s.status <> 'selesai'), 0) AS late
  FROM action_current_status s GROUP BY cur`;

function latestScore(db: Db): DashboardScore | null {
  const row = db.prepare(LATEST_SCORE_YEAR_SQL).get() as { y: number | null };
  if (row.y === null) return null;
  const s = yearSummary(db, row.y);
  return { year: s.year, awardYear: s.awardYear, latest: s.latest, gap: s.gap };
}

/** Indicators whose latest pembahasan (any meeting) marks them weak, matched by klaster code and number across reference sets. */
function weakIndicators(db: Db, todayYear: number): DashboardWeakCluster[] {
  const latest = db.prepare(WEAK_SQL).all() as { code: string; number: number; name: string; meetingId: number; meetingDate: string }[];
  const reference = getEvaluationYear(db, todayYear);
  return reference.clusters.map((c) => ({
    code: c.code,
    name: c.name,
    indicators: latest
      .filter((w) => w.code === c.code)
      .map((w) => {
        const current = c.indicators.find((i) => i.number === w.number);
        return { indicatorId: current?.id ?? 0, number: w.number, name: current?.name ?? w.name, meetingId: w.meetingId, meetingDate: w.meetingDate };
      })
      .filter((w) => w.indicatorId !== 0)
      .sort((a, b) => a.number - b.number),
  }));
}

function actionCounts(db: Db, today: string): HomeDashboard['actions'] {
  const byStatus: Record<ActionStatus, number> = { belum: 0, proses: 0, selesai: 0 };
  let overdue = 0;
  for (const c of db.prepare(ACTION_COUNTS_SQL).all({ today }) as { cur: ActionStatus; n: number; late: number }[]) {
    byStatus[c.cur] = c.n;
    overdue += c.late;
  }
  return { open: byStatus.belum + byStatus.proses, overdue, byStatus };
}

/** Open RTLs due today or later: the status of each candidate is its latest event (as of the end of time). */
function upcomingDeadlines(db: Db, today: string): DashboardDeadline[] {
  return db.prepare(UPCOMING_SQL).all(upcomingParams(today)) as DashboardDeadline[];
}

function budgetOf(db: Db, todayYear: number): DashboardBudget | null {
  const year = (db.prepare(BUDGET_YEAR_SQL[0]).get(todayYear) as { y: number | null }).y ?? (db.prepare(BUDGET_YEAR_SQL[1]).get() as { y: number | null }).y;
  if (year === null) return null;
  const s = db.prepare(BUDGET_TOTAL_SQL).get(year) as { lines: number; a: number; r: number };
  return { fiscalYear: year, lines: s.lines, allocationSen: s.a, realizationSen: s.r, absorption: s.a > 0 ? s.r / s.a : null };
}

export function homeDashboard(db: Db): HomeDashboard {
  const today = regionToday(db);
  const year = Number(today.slice(0, 4));
  const rakor = rakorPerYear(db, year);
  return {
    today,
    score: latestScore(db),
    weak: weakIndicators(db, year),
    actions: actionCounts(db, today),
    upcoming: upcomingDeadlines(db, today),
    budget: budgetOf(db, year),
    rakor: { year, expected: rakor.expected, clusters: rakor.clusters.map(({ meetings: _meetings, ...c }) => c) },
    noMeetings: rakor.years.length === 0,
  };
}
