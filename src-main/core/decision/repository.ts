import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { Decision, Deleted } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nextPosition, reorderRows } from '../db/rows';
import { assertMeetingEditable, deleteMeetingRow, patchMeetingRow, touchMeeting } from '../db/meeting-state';

// Kesimpulan / keputusan of a meeting: an ordered, numbered list.

const SELECT = `SELECT id, meeting_id AS meetingId, position, text, revision FROM decision`;

export function listDecisions(db: Db, meetingId: number): Decision[] {
  return db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY position, id`).all(meetingId) as Decision[];
}

function getDecision(db: Db, id: number): Decision {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Decision | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function createDecision(db: Db, { meetingId, text }: OpParsed<'decision.create'>): Decision {
  assertMeetingEditable(db, meetingId);
  const id = db
    .prepare(`INSERT INTO decision (meeting_id, position, text) VALUES (?, ?, ?)`)
    .run(meetingId, nextPosition(db, 'decision', meetingId), text).lastInsertRowid;
  touchMeeting(db, meetingId);
  return getDecision(db, Number(id));
}

const COLUMN = { text: 'text' } as const;

export function updateDecision(db: Db, patch: OpParsed<'decision.update'>): Decision {
  patchMeetingRow(db, 'decision', COLUMN, patch, () => getDecision(db, patch.id));
  return getDecision(db, patch.id);
}

export function deleteDecision(db: Db, id: number, baseRevision?: number): Deleted {
  return deleteMeetingRow(db, 'decision', id, baseRevision, () => getDecision(db, id));
}

export function reorderDecisions(db: Db, meetingId: number, ids: number[]): Decision[] {
  assertMeetingEditable(db, meetingId);
  reorderRows(db, 'decision', meetingId, ids);
  touchMeeting(db, meetingId);
  return listDecisions(db, meetingId);
}
