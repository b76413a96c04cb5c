import type { Db } from './database';
import { AppError } from '../../../shared/errors';
import type { MeetingStatus } from '../../../shared/types';
import { nowIso } from './clock';
import { meetingIdOfRow } from './rows';
import type { Deleted } from '../../../shared/meeting';
import { assertRevision, patchRow } from './patch';
import { moveToTrash } from './trash-store';

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
export type MeetingRowTable = 'agenda_item' | 'attendance' | 'decision' | 'action_item' | 'indicator_review';

/**
 * Patches a meeting's row the one way every feature does: the meeting must be open (a closed
 * meeting answers CONFLICT before any revision check: reopening is the way, not reloading), then
 * patchRow: only the columns named in `columns` change, the revision must still be the one the
 * caller saw (else STALE with `current()`), `updated_at` is stamped where the table has one; the
 * meeting is marked as changed. Returns the meeting's id.
 */
export function patchMeetingRow<K extends string>(
  db: Db,
  table: MeetingRowTable,
  columns: Readonly<Record<K, string>>,
  patch: { readonly id: number; readonly baseRevision?: number } & { readonly [P in NoInfer<K>]?: unknown },
  current: () => unknown,
): number {
  const meetingId = meetingIdOfRow(db, table, patch.id);
  assertMeetingEditable(db, meetingId);
  if (patchRow(db, table, columns, patch, current)) touchMeeting(db, meetingId);
  return meetingId;
}

/** The kinds of meeting rows a user deletes one by one (each goes to Terhapus). */
export type DeletableMeetingRow = 'agenda_item' | 'attendance' | 'decision' | 'action_item';

/**
 * Deletes a meeting's row, if the meeting is open (and, when sent, the revision still matches):
 * the row and what cascades with it go to Terhapus first. Marks the meeting as changed.
 */
export function deleteMeetingRow(db: Db, table: DeletableMeetingRow, id: number, baseRevision: number | undefined, current: () => unknown): Deleted {
  const meetingId = meetingIdOfRow(db, table, id);
  assertMeetingEditable(db, meetingId);
  assertRevision(db, table, id, baseRevision, current);
  const trashId = moveToTrash(db, table, id);
  touchMeeting(db, meetingId);
  return { id, trashId };
}
