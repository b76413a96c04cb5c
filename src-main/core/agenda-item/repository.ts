import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { AgendaItem, Deleted } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nextPosition, reorderRows } from '../db/rows';
import { assertMeetingEditable, deleteMeetingRow, patchMeetingRow, touchMeeting } from '../db/meeting-state';

// The agenda (acara) of a meeting: an ordered list whose notes are typed live.

const SELECT = `SELECT id, meeting_id AS meetingId, position, title, notes, revision FROM agenda_item`;

export function listAgenda(db: Db, meetingId: number): AgendaItem[] {
  return db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY position, id`).all(meetingId) as AgendaItem[];
}

function getAgendaItem(db: Db, id: number): AgendaItem {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AgendaItem | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function createAgendaItem(db: Db, { meetingId, title, notes }: OpParsed<'agendaItem.create'>): AgendaItem {
  assertMeetingEditable(db, meetingId);
  const id = db
    .prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`)
    .run(meetingId, nextPosition(db, 'agenda_item', meetingId), title, notes).lastInsertRowid;
  touchMeeting(db, meetingId);
  return getAgendaItem(db, Number(id));
}

const COLUMN = { title: 'title', notes: 'notes' } as const;

export function updateAgendaItem(db: Db, patch: OpParsed<'agendaItem.update'>): AgendaItem {
  patchMeetingRow(db, 'agenda_item', COLUMN, patch, () => getAgendaItem(db, patch.id));
  return getAgendaItem(db, patch.id);
}

export function deleteAgendaItem(db: Db, id: number, baseRevision?: number): Deleted {
  return deleteMeetingRow(db, 'agenda_item', id, baseRevision, () => getAgendaItem(db, id));
}

export function reorderAgenda(db: Db, meetingId: number, ids: number[]): AgendaItem[] {
  assertMeetingEditable(db, meetingId);
  reorderRows(db, 'agenda_item', meetingId, ids);
  touchMeeting(db, meetingId);
  return listAgenda(db, meetingId);
}
