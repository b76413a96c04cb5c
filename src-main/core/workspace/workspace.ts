import type { Db } from '../db/database';
import type { AgencyRef, MeetingWorkspace } from '../../../shared/meeting';
import { getEvaluationYear } from '../reference/repository';
import { listActions } from '../action-item/repository';
import { listPreviousActions } from '../follow-up/repository';
import { listAssignments } from '../assignment/repository';
import { listAttendance } from '../attendance/repository';
import { listMeetingBudgetLines } from '../budget/repository';
import { listReviews } from '../indicator-review/repository';
import { listAgenda } from '../agenda-item/repository';
import { listDecisions } from '../decision/repository';
import { getMeeting, invitedAgencyIds, suggestedAgencyIds } from '../meeting/repository';

/**
 * Everything the meeting screen and the notulen need, in a fixed number of queries whatever the
 * number of rows (one per list, never one per row).
 */
export function getMeetingWorkspace(db: Db, id: number): MeetingWorkspace {
  const meeting = getMeeting(db, id);
  const reference = getEvaluationYear(db, meeting.referenceYear);
  const codes = new Set(meeting.clusterCodes);
  const clusters = reference.clusters.filter((c) => codes.has(c.code));
  const indicatorIds = clusters.flatMap((c) => c.indicators.map((i) => i.id));
  const workspace: Omit<MeetingWorkspace, 'agencies'> = {
    meeting,
    clusters,
    agenda: listAgenda(db, id),
    attendance: listAttendance(db, id),
    invitedAgencyIds: invitedAgencyIds(db, id),
    suggestedAgencyIds: suggestedAgencyIds(db, clusters.map((c) => c.id)),
    decisions: listDecisions(db, id),
    reviews: listReviews(db, id),
    assignments: listAssignments(db, indicatorIds),
    // Only what was entered at this meeting, of its current clusters: what its notulen prints.
    budgetLines: listMeetingBudgetLines(db, id),
    actions: listActions(db, id),
    previousActions: listPreviousActions(db, meeting),
  };
  return { ...workspace, agencies: referencedAgencies(db, workspace) };
}

/**
 * The agencies the workspace names, active or not: a deactivated agency leaves the pickers for
 * new entries, never the rows that already name it (nor a closed meeting's snapshot).
 */
function referencedAgencies(db: Db, w: Omit<MeetingWorkspace, 'agencies'>): AgencyRef[] {
  const ids = new Set<number>([
    ...w.invitedAgencyIds,
    ...w.suggestedAgencyIds,
    ...w.attendance.flatMap((a) => (a.agencyId === null ? [] : [a.agencyId])),
    ...w.assignments.map((a) => a.agencyId),
    ...w.budgetLines.map((b) => b.agencyId),
    ...[...w.actions, ...w.previousActions].flatMap((a) => [...(a.leadAgencyId === null ? [] : [a.leadAgencyId]), ...a.relatedAgencyIds]),
  ]);
  const rows = db
    .prepare(`SELECT id, name, abbreviation, active FROM agency WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify([...ids])) as (Omit<AgencyRef, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}
