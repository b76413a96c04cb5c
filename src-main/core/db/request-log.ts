import type { Db } from './database';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { nowIso } from './clock';

// Creates are idempotent: a create sent with a client-generated requestId stores its answer here
// in the same transaction as its write. A double-click, a retried request or a slow network
// sending it again gets that answer back and creates nothing more. Used by the backend for every
// operation whose input carries a requestId, never per handler.

/** How long an answer is kept: far longer than any retry, short enough to stay small. */
const KEEP_DAYS = 30;

export function runOnce<T>(db: Db, op: string, requestId: string, run: () => T): T {
  const done = db.prepare(`SELECT op, result_json AS resultJson FROM request_log WHERE request_id = ?`).get(requestId) as
    | { op: string; resultJson: string }
    | undefined;
  if (done) {
    if (done.op !== op) {
      const message = t('error.requestIdReused');
      throw new AppError('VALIDATION', message, [{ path: 'requestId', message }]);
    }
    return JSON.parse(done.resultJson) as T;
  }
  const result = run();
  db.prepare(`INSERT INTO request_log (request_id, op, result_json, created_at) VALUES (?, ?, ?, ?)`).run(
    requestId, op, JSON.stringify(result ?? null), nowIso(),
  );
  return result;
}

export function pruneRequestLog(db: Db, now: Date = new Date()): number {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000).toISOString();
  return db.prepare(`DELETE FROM request_log WHERE created_at < ?`).run(cutoff).changes;
}

/** The requestId of a parsed input, if it has one. */
export function requestIdOf(input: unknown): string | undefined {
  const value = (input as { requestId?: unknown } | null)?.requestId;
  return typeof value === 'string' ? value : undefined;
}
