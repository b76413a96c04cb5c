import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { IndicatorReview } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { assertIndicatorExists } from '../db/rows';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { setClause } from '../db/patch';

const SELECT = `SELECT id, meeting_id AS meetingId, indicator_id AS indicatorId, achievement, score, is_weak AS isWeak,
  problem, recommendation FROM indicator_review`;

type Row = Omit<IndicatorReview, 'isWeak'> & { isWeak: number };
const toReview = (r: Row): IndicatorReview => ({ ...r, isWeak: r.isWeak === 1 });

export function listReviews(db: Db, meetingId: number): IndicatorReview[] {
  return (db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY indicator_id`).all(meetingId) as Row[]).map(toReview);
}

const COLUMN = { achievement: 'achievement', score: 'score', isWeak: 'is_weak', problem: 'problem', recommendation: 'recommendation' } as const;

/** The row exists from the first field typed; each later autosave patches one column. */
export function upsertReview(db: Db, input: OpParsed<'indicatorReview.upsert'>): IndicatorReview {
  assertMeetingEditable(db, input.meetingId);
  assertIndicatorExists(db, input.indicatorId);
  db.prepare(`INSERT OR IGNORE INTO indicator_review (meeting_id, indicator_id) VALUES (?, ?)`).run(input.meetingId, input.indicatorId);
  const set = setClause(COLUMN, input);
  if (set) db.prepare(`UPDATE indicator_review SET ${set.sql} WHERE meeting_id = ? AND indicator_id = ?`).run(...set.values, input.meetingId, input.indicatorId);
  touchMeeting(db, input.meetingId);
  const row = db.prepare(`${SELECT} WHERE meeting_id = ? AND indicator_id = ?`).get(input.meetingId, input.indicatorId) as Row | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toReview(row);
}
