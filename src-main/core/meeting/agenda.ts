import type { Db } from '../db/database';
import type { AgendaItem, Decision } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../handler-types';
import { assertMeetingEditable, meetingIdOfRow, nextPosition, reorderRows } from './guard';

// Agenda items and decisions: two ordered lists of a meeting, edited the same way.

const touch = (db: Db, meetingId: number) => db.prepare(`UPDATE meeting SET updated_at = ? WHERE id = ?`).run(nowIso(), meetingId);

export function listAgenda(db: Db, meetingId: number): AgendaItem[] {
  return db
    .prepare(`SELECT id, meeting_id AS meetingId, position, title, notes FROM agenda_item WHERE meeting_id = ? ORDER BY position, id`)
    .all(meetingId) as AgendaItem[];
}

function getAgendaItem(db: Db, id: number): AgendaItem {
  const row = db.prepare(`SELECT id, meeting_id AS meetingId, position, title, notes FROM agenda_item WHERE id = ?`).get(id) as AgendaItem | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function createAgendaItem(db: Db, meetingId: number, title: string, notes: string): AgendaItem {
  assertMeetingEditable(db, meetingId);
  const id = db
    .prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`)
    .run(meetingId, nextPosition(db, 'agenda_item', meetingId), title, notes).lastInsertRowid;
  touch(db, meetingId);
  return getAgendaItem(db, Number(id));
}

export function updateAgendaItem(db: Db, id: number, patch: { title?: string; notes?: string }): AgendaItem {
  const meetingId = meetingIdOfRow(db, 'agenda_item', id);
  assertMeetingEditable(db, meetingId);
  if (patch.title !== undefined) db.prepare(`UPDATE agenda_item SET title = ? WHERE id = ?`).run(patch.title, id);
  if (patch.notes !== undefined) db.prepare(`UPDATE agenda_item SET notes = ? WHERE id = ?`).run(patch.notes, id);
  touch(db, meetingId);
  return getAgendaItem(db, id);
}

export function deleteAgendaItem(db: Db, id: number): { id: number } {
  const meetingId = meetingIdOfRow(db, 'agenda_item', id);
  assertMeetingEditable(db, meetingId);
  db.prepare(`DELETE FROM agenda_item WHERE id = ?`).run(id);
  touch(db, meetingId);
  return { id };
}

export function reorderAgenda(db: Db, meetingId: number, ids: number[]): AgendaItem[] {
  assertMeetingEditable(db, meetingId);
  reorderRows(db, 'agenda_item', meetingId, ids);
  touch(db, meetingId);
  return listAgenda(db, meetingId);
}

export function listDecisions(db: Db, meetingId: number): Decision[] {
  return db
    .prepare(`SELECT id, meeting_id AS meetingId, position, text FROM decision WHERE meeting_id = ? ORDER BY position, id`)
    .all(meetingId) as Decision[];
}

function getDecision(db: Db, id: number): Decision {
  const row = db.prepare(`SELECT id, meeting_id AS meetingId, position, text FROM decision WHERE id = ?`).get(id) as Decision | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

export function createDecision(db: Db, meetingId: number, text: string): Decision {
  assertMeetingEditable(db, meetingId);
  const id = db
    .prepare(`INSERT INTO decision (meeting_id, position, text) VALUES (?, ?, ?)`)
    .run(meetingId, nextPosition(db, 'decision', meetingId), text).lastInsertRowid;
  touch(db, meetingId);
  return getDecision(db, Number(id));
}

export function updateDecision(db: Db, id: number, text: string): Decision {
  const meetingId = meetingIdOfRow(db, 'decision', id);
  assertMeetingEditable(db, meetingId);
  db.prepare(`UPDATE decision SET text = ? WHERE id = ?`).run(text, id);
  touch(db, meetingId);
  return getDecision(db, id);
}

export function deleteDecision(db: Db, id: number): { id: number } {
  const meetingId = meetingIdOfRow(db, 'decision', id);
  assertMeetingEditable(db, meetingId);
  db.prepare(`DELETE FROM decision WHERE id = ?`).run(id);
  touch(db, meetingId);
  return { id };
}

export function reorderDecisions(db: Db, meetingId: number, ids: number[]): Decision[] {
  assertMeetingEditable(db, meetingId);
  reorderRows(db, 'decision', meetingId, ids);
  touch(db, meetingId);
  return listDecisions(db, meetingId);
}
