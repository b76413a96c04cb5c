import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { IndicatorReview } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../handler-types';
import { assertIndicatorExists, assertMeetingEditable } from '../meeting/guard';

const SELECT = `SELECT id, meeting_id AS meetingId, indicator_id AS indicatorId, achievement, score, is_weak AS isWeak,
  problem, recommendation FROM indicator_review`;

type Row = Omit<IndicatorReview, 'isWeak'> & { isWeak: number };
const toReview = (r: Row): IndicatorReview => ({ ...r, isWeak: r.isWeak === 1 });

export function listReviews(db: Db, meetingId: number): IndicatorReview[] {
  return (db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY indicator_id`).all(meetingId) as Row[]).map(toReview);
}

const COLUMN = { achievement: 'achievement', score: 'score', isWeak: 'is_weak', problem: 'problem', recommendation: 'recommendation' } as const;

/** The row exists from the first field typed; each later autosave patches one column. */
export function upsertReview(db: Db, input: OpParsed<'review.upsert'>): IndicatorReview {
  assertMeetingEditable(db, input.meetingId);
  assertIndicatorExists(db, input.indicatorId);
  db.prepare(`INSERT OR IGNORE INTO indicator_review (meeting_id, indicator_id) VALUES (?, ?)`).run(input.meetingId, input.indicatorId);
  const entries = (Object.keys(COLUMN) as (keyof typeof COLUMN)[])
    .filter((k) => input[k] !== undefined)
    .map((k) => [k, k === 'isWeak' ? (input.isWeak ? 1 : 0) : input[k]] as const);
  if (entries.length > 0) {
    db.prepare(`UPDATE indicator_review SET ${entries.map(([k]) => `${COLUMN[k]} = ?`).join(', ')} WHERE meeting_id = ? AND indicator_id = ?`).run(
      ...entries.map(([, v]) => v),
      input.meetingId,
      input.indicatorId,
    );
  }
  db.prepare(`UPDATE meeting SET updated_at = ? WHERE id = ?`).run(nowIso(), input.meetingId);
  const row = db.prepare(`${SELECT} WHERE meeting_id = ? AND indicator_id = ?`).get(input.meetingId, input.indicatorId) as Row | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toReview(row);
}
