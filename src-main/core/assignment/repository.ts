import type { Db } from '../db/database';
import type { Assignment } from '../../../shared/meeting';
import type { AssignmentRole } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { assertAgencyExists, assertIndicatorExists } from '../db/rows';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';

// Who is responsible for an indicator is standing knowledge of the task force, not of one
// meeting: one row per (indicator, agency); meeting_id remembers where it was last agreed.

const SELECT = `SELECT id, indicator_id AS indicatorId, agency_id AS agencyId, role, meeting_id AS meetingId FROM assignment`;

export function listAssignments(db: Db, indicatorIds?: number[]): Assignment[] {
  if (!indicatorIds) return db.prepare(`${SELECT} ORDER BY indicator_id, role, id`).all() as Assignment[];
  return db
    .prepare(`${SELECT} WHERE indicator_id IN (SELECT value FROM json_each(?)) ORDER BY indicator_id, role, id`)
    .all(JSON.stringify(indicatorIds)) as Assignment[];
}

export function setAssignment(db: Db, indicatorId: number, agencyId: number, role: AssignmentRole, meetingId: number | null): Assignment {
  assertIndicatorExists(db, indicatorId);
  assertAgencyExists(db, agencyId);
  if (meetingId !== null) assertMeetingEditable(db, meetingId);
  db.prepare(
    `INSERT INTO assignment (indicator_id, agency_id, role, meeting_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (indicator_id, agency_id) DO UPDATE SET role = excluded.role, meeting_id = coalesce(excluded.meeting_id, meeting_id)`,
  ).run(indicatorId, agencyId, role, meetingId);
  if (meetingId !== null) touchMeeting(db, meetingId);
  const row = db.prepare(`${SELECT} WHERE indicator_id = ? AND agency_id = ?`).get(indicatorId, agencyId) as Assignment | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function removeAssignment(db: Db, indicatorId: number, agencyId: number): { indicatorId: number; agencyId: number } {
  const row = db.prepare(`SELECT meeting_id AS meetingId FROM assignment WHERE indicator_id = ? AND agency_id = ?`).get(indicatorId, agencyId) as
    | { meetingId: number | null }
    | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  db.prepare(`DELETE FROM assignment WHERE indicator_id = ? AND agency_id = ?`).run(indicatorId, agencyId);
  return { indicatorId, agencyId };
}
