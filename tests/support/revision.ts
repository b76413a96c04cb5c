import type { Db } from '../../src-main/core/db/database';

// Every edit must say which revision of its row it saw (issue 9). Tests about something else
// (validation, patching one field, exports) edit "as a window that has just read the row": these
// helpers add the row's current revision, read straight from the SQLite file.

const TABLE: Record<string, string> = {
  'meeting.update': 'meeting', 'agendaItem.update': 'agenda_item', 'attendance.update': 'attendance',
  'decision.update': 'decision', 'budgetLine.update': 'budget_line', 'actionItem.update': 'action_item',
  'agency.update': 'agency', 'regionProfile.update': 'region_profile',
};

/** The input with `baseRevision` set to the row's current revision (unless the test set one). */
export function withCurrentRevision(db: Db, name: string, input: unknown): unknown {
  const table = TABLE[name];
  const i = input as { id?: number; baseRevision?: number; meetingId?: number; indicatorId?: number; actionItemId?: number };
  if (typeof input !== 'object' || input === null || i.baseRevision !== undefined) return input;
  let row: { revision: number } | undefined;
  if (table === 'region_profile') row = db.prepare(`SELECT revision FROM region_profile LIMIT 1`).get() as typeof row;
  else if (table) row = db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(i.id) as typeof row;
  else if (name === 'indicatorReview.upsert') row = db.prepare(`SELECT revision FROM indicator_review WHERE meeting_id = ? AND indicator_id = ?`).get(i.meetingId, i.indicatorId) as typeof row;
  else if (name === 'followUp.record') row = db.prepare(`SELECT revision FROM action_item_update WHERE meeting_id = ? AND action_item_id = ?`).get(i.meetingId, i.actionItemId) as typeof row;
  return row ? { ...input, baseRevision: row.revision } : input;
}
