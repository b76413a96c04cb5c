import type { Db } from './database';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from './clock';

/**
 * The SET clause of a partial update (autosave sends one field at a time): one `column = ?`
 * per field present in `patch`, named through a fixed map, so a column name never comes from
 * the input. Booleans become SQLite's 0/1. Null when nothing was sent.
 */
export function setClause<K extends string>(columns: Readonly<Record<K, string>>, patch: { readonly [P in NoInfer<K>]?: unknown }): { sql: string; values: unknown[] } | null {
  const keys = (Object.keys(columns) as K[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return null;
  return {
    sql: keys.map((k) => `${columns[k]} = ?`).join(', '),
    values: keys.map((k) => (typeof patch[k] === 'boolean' ? (patch[k] ? 1 : 0) : patch[k])),
  };
}

/** Tables whose rows carry a `revision` (see migration 0003). Names come from code, never input. */
export type RevisedTable =
  | 'meeting' | 'agenda_item' | 'attendance' | 'decision' | 'indicator_review' | 'action_item' | 'budget_line'
  | 'action_item_update' | 'agency' | 'region_profile' | 'evidence';

/** Tables with an `updated_at` column, stamped on every accepted patch. */
const STAMPED: ReadonlySet<RevisedTable> = new Set(['meeting', 'action_item', 'budget_line', 'agency', 'region_profile']);

/**
 * THE write of an edit, for every table with a revision (optimistic concurrency): only the
 * columns named in `columns` change, `revision` goes up by one, and when the caller says which
 * revision it saw (`baseRevision`) the UPDATE's WHERE includes it. Zero rows changed means
 * someone else wrote first: STALE, carrying the row as it is now (`current()`), nothing written.
 * Returns false when nothing was sent (the revision is still checked).
 */
export function patchRow<K extends string>(
  db: Db,
  table: RevisedTable,
  columns: Readonly<Record<K, string>>,
  patch: { readonly id: number; readonly baseRevision?: number } & { readonly [P in NoInfer<K>]?: unknown },
  current: () => unknown,
): boolean {
  const set = setClause(columns, patch);
  const base = patch.baseRevision;
  if (!set) {
    const row = db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(patch.id) as { revision: number } | undefined;
    if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
    if (base !== undefined && row.revision !== base) throw staleError(current());
    return false;
  }
  const stamp = STAMPED.has(table);
  const result = db
    .prepare(
      `UPDATE ${table} SET ${set.sql}${stamp ? ', updated_at = ?' : ''}, revision = revision + 1
       WHERE id = ?${base !== undefined ? ' AND revision = ?' : ''}`,
    )
    .run(...set.values, ...(stamp ? [nowIso()] : []), patch.id, ...(base !== undefined ? [base] : []));
  if (result.changes === 0) {
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(patch.id)) throw AppError.of('NOT_FOUND', 'error.notFound');
    throw staleError(current());
  }
  return true;
}

/** Refuses a delete based on a revision the row has moved past (the caller may omit it). */
export function assertRevision(db: Db, table: RevisedTable, id: number, baseRevision: number | undefined, current: () => unknown): void {
  if (baseRevision === undefined) return;
  const row = db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(id) as { revision: number } | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  if (row.revision !== baseRevision) throw staleError(current());
}

export function staleError(current: unknown): AppError {
  return new AppError('STALE', t('error.stale'), undefined, current);
}
