import type { Db } from './database';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';

// Row helpers every feature shares: which meeting a child row belongs to, whether a referenced
// agency or indicator exists, positions of ordered lists, LIKE patterns. Table names always
// come from code, never from input.

/** The meeting a child row belongs to; the table name comes from code, never from input. */
export function meetingIdOfRow(db: Db, table: 'agenda_item' | 'attendance' | 'decision' | 'indicator_review' | 'action_item', id: number): number {
  const row = db.prepare(`SELECT meeting_id AS meetingId FROM ${table} WHERE id = ?`).get(id) as { meetingId: number } | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row.meetingId;
}

/**
 * SQL condition on a row of `alias` (a table or alias with `indicator_id` and `meeting_id`): its
 * indicator is in one of its meeting's current clusters, or it has none. What a meeting shows,
 * prints and counts of its reviews, RTLs and budget lines: an unticked cluster's content stays hidden.
 */
export function inMeetingClusters(alias: string): string {
  // EXISTS with both keys bound: two primary-key lookups per row, not a set built per row.
  return `(${alias}.indicator_id IS NULL OR EXISTS (SELECT 1 FROM indicator i JOIN meeting_cluster mc
    ON mc.meeting_id = ${alias}.meeting_id AND mc.cluster_id = i.cluster_id WHERE i.id = ${alias}.indicator_id))`;
}

/** Checks an agency exists (a stale id from another window is a NOT_FOUND, not a crash). */
export function assertAgencyExists(db: Db, agencyId: number | null | undefined, path = 'agencyId'): void {
  if (agencyId == null) return;
  if (!db.prepare(`SELECT 1 FROM agency WHERE id = ?`).get(agencyId)) {
    throw new AppError('VALIDATION', t('field.agencyUnknown'), [{ path, message: t('field.agencyUnknown') }]);
  }
}

export function assertIndicatorExists(db: Db, indicatorId: number | null | undefined, path = 'indicatorId'): void {
  if (indicatorId == null) return;
  if (!db.prepare(`SELECT 1 FROM indicator WHERE id = ?`).get(indicatorId)) {
    throw new AppError('VALIDATION', t('field.indicatorUnknown'), [{ path, message: t('field.indicatorUnknown') }]);
  }
}

/** Applies a new order to an ordered child list; ids must be exactly the meeting's rows. */
export function reorderRows(db: Db, table: 'agenda_item' | 'decision' | 'attendance', meetingId: number, ids: number[]): void {
  const current = (db.prepare(`SELECT id FROM ${table} WHERE meeting_id = ?`).all(meetingId) as { id: number }[]).map((r) => r.id);
  const wanted = new Set(ids);
  if (wanted.size !== ids.length || wanted.size !== current.length || current.some((x) => !wanted.has(x))) {
    throw AppError.of('VALIDATION', 'error.reorder');
  }
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((rowId, index) => update.run(index + 1, rowId));
}

export function nextPosition(db: Db, table: 'agenda_item' | 'decision' | 'attendance', meetingId: number): number {
  const row = db.prepare(`SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE meeting_id = ?`).get(meetingId) as { p: number };
  return row.p;
}

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
