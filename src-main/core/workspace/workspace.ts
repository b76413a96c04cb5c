import type { Db } from '../db/database';
import type { MeetingWorkspace } from '../../../shared/meeting';
import { getEvaluationYear } from '../reference/repository';
import { listActions } from '../action-item/repository';
import { listPreviousActions } from '../follow-up/repository';
import { listAssignments } from '../assignment/repository';
import { listAttendance } from '../attendance/repository';
import { listBudgetLines } from '../budget/repository';
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
  return {
    meeting,
    clusters,
    agenda: listAgenda(db, id),
    attendance: listAttendance(db, id),
    invitedAgencyIds: invitedAgencyIds(db, id),
    suggestedAgencyIds: suggestedAgencyIds(db, clusters.map((c) => c.id)),
    decisions: listDecisions(db, id),
    reviews: listReviews(db, id),
    assignments: listAssignments(db, indicatorIds),
    budgetLines: listBudgetLines(db, { meetingId: id }),
    actions: listActions(db, id),
    previousActions: listPreviousActions(db, meeting),
  };
}
