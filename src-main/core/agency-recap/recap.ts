import type { Db } from '../db/database';
import type { AgencyRecap, AgencyRecapAction, AgencyRecapBudgetLine, AgencyRecapIndicator, AgencyRecapMeeting } from '../../../shared/board';
import type { AgencyKind, AssignmentRole } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { budgetSums, countStatus, currentStatusOf, emptyCounts, inYear, latestReviews, overdueSql, yearScope } from '../board/year-facts';

// Rekap per instansi: one agency's year. Its indicators (assignments in the year's reference
// set, with their latest capaian), its RTLs of the year's rakor as penanggung jawab or pihak
// terkait with their current status, its budget lines of the tahun anggaran, and the rakor of
// the year it was invited to or attended. Every query starts from the agency's own index or
// from the year's meetings.

/** The recap's statements (also run raw by bench/board-recap.ts); @agency/@year/@ref/@from/@to/@today bound. */
export const RECAP_SQL = {
  assigned: `SELECT i.id AS indicatorId, c.code AS clusterCode, i.number, i.name, s.role
     FROM assignment s JOIN indicator i ON i.id = s.indicator_id JOIN cluster c ON c.id = i.cluster_id
     WHERE s.agency_id = @agency AND c.year = @ref ORDER BY i.number`,
  actions: `WITH mine AS (SELECT id, 'lead' AS role FROM action_item WHERE lead_agency_id = @agency
                   UNION ALL SELECT action_item_id, 'related' FROM action_item_agency WHERE agency_id = @agency),
          yr AS (SELECT a.id, min(mine.role) AS role, a.description, a.indicator_id, a.target_date, a.status, m.id AS meeting_id, m.title, m.date
                 FROM mine JOIN action_item a ON a.id = mine.id JOIN meeting m ON m.id = a.meeting_id
                 WHERE ${inYear('m')} GROUP BY a.id),
          cur AS (${currentStatusOf('SELECT id FROM yr')})
     SELECT * FROM (SELECT yr.id, yr.description, i.number AS indicatorNumber, yr.meeting_id AS meetingId, yr.title AS meetingTitle, yr.date AS meetingDate,
       yr.role, yr.target_date AS targetDate, coalesce(cur.status, yr.status) AS status,
       ${overdueSql('coalesce(cur.status, yr.status)', 'yr.target_date')} AS overdue
     FROM yr LEFT JOIN cur ON cur.aid = yr.id LEFT JOIN indicator i ON i.id = yr.indicator_id)
     ORDER BY overdue DESC, status = 'selesai', targetDate IS NULL, targetDate, meetingDate, id`,
  budgetLines: `SELECT b.id, b.sub_activity_code AS subActivityCode, b.activity_name AS activityName, b.funding_source AS fundingSource,
       i.number AS indicatorNumber, b.allocation_sen AS allocationSen, b.realization_sen AS realizationSen
     FROM budget_line b LEFT JOIN indicator i ON i.id = b.indicator_id
     WHERE b.agency_id = @agency AND b.fiscal_year = @year ORDER BY b.sub_activity_code, b.id`,
  meetings: `SELECT * FROM (
       SELECT m.id AS meetingId, m.title, m.date, m.status,
         EXISTS (SELECT 1 FROM meeting_invitation v WHERE v.meeting_id = m.id AND v.agency_id = @agency) AS invited,
         (SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id AND t.agency_id = @agency AND t.present = 1) AS present,
         EXISTS (SELECT 1 FROM attendance t WHERE t.meeting_id = m.id AND t.agency_id = @agency) AS listed
       FROM meeting m WHERE ${inYear('m')})
     WHERE invited OR listed ORDER BY date, meetingId`,
  held: `SELECT count(*) AS n FROM meeting m WHERE ${inYear('m')}`,
};

export function agencyRecap(db: Db, agencyId: number, year: number | undefined): AgencyRecap {
  const agency = db.prepare(`SELECT id, name, abbreviation, kind, active FROM agency WHERE id = ?`).get(agencyId) as
    { id: number; name: string; abbreviation: string; kind: AgencyKind; active: number } | undefined;
  if (!agency) throw AppError.of('NOT_FOUND', 'error.notFound');
  const scope = yearScope(db, year);
  const params = { ...scope.params, agency: agencyId, year: scope.year, ref: scope.referenceYear };

  const assigned = db.prepare(RECAP_SQL.assigned).all(params) as (Omit<AgencyRecapIndicator, 'latest' | 'weak'> & { role: AssignmentRole })[];
  const latest = latestReviews(db, scope, assigned.map((a) => a.indicatorId));
  const indicators = assigned.map((a) => {
    const last = latest.get(a.indicatorId) ?? null;
    return { ...a, latest: last, weak: last?.isWeak ?? false };
  });

  const actionRows = db.prepare(RECAP_SQL.actions).all(params) as (Omit<AgencyRecapAction, 'overdue'> & { overdue: number })[];
  const actionCounts = emptyCounts();
  const actions = actionRows.map((a) => {
    countStatus(actionCounts, a.status, a.overdue === 1);
    return { ...a, overdue: a.overdue === 1 };
  });

  const budgetLines = db.prepare(RECAP_SQL.budgetLines).all(params) as AgencyRecapBudgetLine[];
  const budget = budgetSums(
    budgetLines.length,
    budgetLines.reduce((sum, b) => sum + b.allocationSen, 0),
    budgetLines.reduce((sum, b) => sum + b.realizationSen, 0),
  );

  const meetingRows = db.prepare(RECAP_SQL.meetings).all(params) as (Omit<AgencyRecapMeeting, 'invited'> & { invited: number; listed: number })[];
  const meetings = meetingRows.map(({ listed: _, ...m }) => ({ ...m, invited: m.invited === 1 }));
  const meetingsHeld = (db.prepare(RECAP_SQL.held).get(params) as { n: number }).n;

  return {
    agency: { ...agency, active: agency.active === 1 },
    year: scope.year,
    referenceYear: scope.referenceYear,
    indicators,
    actionCounts,
    actions,
    budget,
    budgetLines,
    meetings,
    meetingsHeld,
    invitedTo: meetings.filter((m) => m.invited).length,
    attended: meetings.filter((m) => m.present > 0).length,
  };
}

/** Agencies with anything in the year's recap (the "all agencies" export leaves the others out). */
export function agenciesWithRecap(db: Db, year: number | undefined): number[] {
  const scope = yearScope(db, year);
  return (db.prepare(
    `SELECT g.id FROM agency g WHERE g.id IN (
       SELECT s.agency_id FROM assignment s JOIN indicator i ON i.id = s.indicator_id JOIN cluster c ON c.id = i.cluster_id WHERE c.year = @ref
       UNION SELECT b.agency_id FROM budget_line b WHERE b.fiscal_year = @year
       UNION SELECT a.lead_agency_id FROM meeting m JOIN action_item a ON a.meeting_id = m.id WHERE ${inYear('m')}
       UNION SELECT x.agency_id FROM meeting m JOIN action_item a ON a.meeting_id = m.id JOIN action_item_agency x ON x.action_item_id = a.id WHERE ${inYear('m')}
       UNION SELECT v.agency_id FROM meeting m JOIN meeting_invitation v ON v.meeting_id = m.id WHERE ${inYear('m')}
       UNION SELECT t.agency_id FROM meeting m JOIN attendance t ON t.meeting_id = m.id WHERE ${inYear('m')})
     ORDER BY g.name COLLATE NOCASE`,
  ).all({ ...scope.params, year: scope.year, ref: scope.referenceYear }) as { id: number }[]).map((r) => r.id);
}
