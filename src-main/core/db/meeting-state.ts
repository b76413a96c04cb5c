import type { Db } from './database';
import { AppError } from '../../../shared/errors';
import type { MeetingStatus } from '../../../shared/types';
import { nowIso } from './clock';
import { meetingIdOfRow } from './rows';
import { setClause } from './patch';

// A closed meeting is the signed record: nothing in it changes until it is reopened on purpose.
// Every feature that writes a meeting's rows asks here first, and marks the meeting as changed
// here after, so the rule and the timestamp live in one place below all features.

export function meetingStatusOf(db: Db, meetingId: number): MeetingStatus {
  const row = db.prepare(`SELECT status FROM meeting WHERE id = ?`).get(meetingId) as { status: MeetingStatus } | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row.status;
}

export function assertMeetingEditable(db: Db, meetingId: number): void {
  if (meetingStatusOf(db, meetingId) === 'selesai') throw AppError.of('CONFLICT', 'error.meetingClosed');
}

/** Records that something of the meeting changed (its own fields or any of its rows). */
export function touchMeeting(db: Db, meetingId: number): void {
  db.prepare(`UPDATE meeting SET updated_at = ? WHERE id = ?`).run(nowIso(), meetingId);
}

/** Tables of rows that belong to one meeting and are edited through it. */
export type MeetingRowTable = 'agenda_item' | 'attendance' | 'decision' | 'action_item';

/**
 * Patches a meeting's row the one way every feature does: the meeting must be open, only the
 * columns named in `columns` can change (see setClause), `updated_at` is stamped where the table
 * has one, and the meeting is marked as changed. Returns the meeting's id.
 */
export function patchMeetingRow<K extends string>(
  db: Db,
  table: MeetingRowTable,
  columns: Readonly<Record<K, string>>,
  patch: { readonly id: number } & { readonly [P in NoInfer<K>]?: unknown },
): number {
  const meetingId = meetingIdOfRow(db, table, patch.id);
  assertMeetingEditable(db, meetingId);
  const set = setClause(columns, patch);
  if (set) {
    const stamped = STAMPED.has(table);
    db.prepare(`UPDATE ${table} SET ${set.sql}${stamped ? ', updated_at = ?' : ''} WHERE id = ?`)
      .run(...set.values, ...(stamped ? [nowIso()] : []), patch.id);
  }
  touchMeeting(db, meetingId);
  return meetingId;
}

/** Deletes a meeting's row, if the meeting is open; marks the meeting as changed. */
export function deleteMeetingRow(db: Db, table: MeetingRowTable, id: number): { id: number } {
  const meetingId = meetingIdOfRow(db, table, id);
  assertMeetingEditable(db, meetingId);
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  touchMeeting(db, meetingId);
  return { id };
}

const STAMPED: ReadonlySet<MeetingRowTable> = new Set(['action_item']);
