import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { Attendee, Deleted } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../db/clock';
import { assertAgencyExists, nextPosition, reorderRows } from '../db/rows';
import { assertMeetingEditable, deleteMeetingRow, patchMeetingRow, touchMeeting } from '../db/meeting-state';

const SELECT = `SELECT id, meeting_id AS meetingId, position, name, job_title AS jobTitle, agency_id AS agencyId,
  agency_text AS agencyText, phone, nip, rank, present, revision FROM attendance`;

type Row = Omit<Attendee, 'present'> & { present: number };
const toAttendee = (r: Row): Attendee => ({ ...r, present: r.present === 1 });

export function listAttendance(db: Db, meetingId: number): Attendee[] {
  return (db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY position, id`).all(meetingId) as Row[]).map(toAttendee);
}

function getAttendee(db: Db, id: number): Attendee {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toAttendee(row);
}

export function createAttendee(db: Db, input: OpParsed<'attendance.create'>): Attendee {
  assertMeetingEditable(db, input.meetingId);
  assertAgencyExists(db, input.agencyId);
  const id = db
    .prepare(
      `INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, agency_text, phone, nip, rank, present, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.meetingId, nextPosition(db, 'attendance', input.meetingId), input.name, input.jobTitle.trim(), input.agencyId,
      input.agencyId === null ? input.agencyText.trim() : '', input.phone, input.nip, input.rank.trim(), input.present ? 1 : 0, nowIso(),
    ).lastInsertRowid;
  touchMeeting(db, input.meetingId);
  return getAttendee(db, Number(id));
}

const COLUMN = { name: 'name', jobTitle: 'job_title', agencyId: 'agency_id', agencyText: 'agency_text', phone: 'phone', nip: 'nip', rank: 'rank', present: 'present' } as const;

export function updateAttendee(db: Db, input: OpParsed<'attendance.update'>): Attendee {
  assertAgencyExists(db, input.agencyId);
  const patch = { ...input };
  // Picking an agency from the master list replaces the typed one, and typing one clears the pick.
  if (input.agencyId != null) patch.agencyText = '';
  else if (input.agencyText !== undefined && input.agencyText.trim() !== '') patch.agencyId = null;
  patchMeetingRow(db, 'attendance', COLUMN, patch, () => getAttendee(db, input.id));
  return getAttendee(db, input.id);
}

export function deleteAttendee(db: Db, id: number, baseRevision?: number): Deleted {
  return deleteMeetingRow(db, 'attendance', id, baseRevision, () => getAttendee(db, id));
}

/** Positions follow the order the screen shows (a sorted daftar hadir), so Lampiran I numbers it the same way. */
export function reorderAttendance(db: Db, meetingId: number, ids: number[]): Attendee[] {
  assertMeetingEditable(db, meetingId);
  reorderRows(db, 'attendance', meetingId, ids);
  touchMeeting(db, meetingId);
  return listAttendance(db, meetingId);
}
