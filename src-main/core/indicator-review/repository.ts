import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { IndicatorReview } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { staleError } from '../db/patch';
import { assertIndicatorExists, inMeetingClusters } from '../db/rows';
import { assertMeetingEditable, patchMeetingRow, touchMeeting } from '../db/meeting-state';

const SELECT = `SELECT id, meeting_id AS meetingId, indicator_id AS indicatorId, achievement, score, is_weak AS isWeak,
  problem, recommendation, revision FROM indicator_review`;

type Row = Omit<IndicatorReview, 'isWeak'> & { isWeak: number };
const toReview = (r: Row): IndicatorReview => ({ ...r, isWeak: r.isWeak === 1 });

/** The meeting's reviews of indicators in its current clusters (an unticked cluster's stay hidden). */
export function listReviews(db: Db, meetingId: number): IndicatorReview[] {
  return (db.prepare(`${SELECT} WHERE meeting_id = ? AND ${inMeetingClusters('indicator_review')} ORDER BY indicator_id`).all(meetingId) as Row[]).map(toReview);
}

function getReview(db: Db, id: number): IndicatorReview {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return toReview(row);
}

const COLUMN = { achievement: 'achievement', score: 'score', isWeak: 'is_weak', problem: 'problem', recommendation: 'recommendation' } as const;

/**
 * The row exists from the first field typed; each later autosave patches one column, based on
 * the revision the screen has (two windows typing into one review: the second gets STALE).
 */
export function upsertReview(db: Db, input: OpParsed<'indicatorReview.upsert'>): IndicatorReview {
  assertMeetingEditable(db, input.meetingId);
  assertIndicatorExists(db, input.indicatorId);
  const existing = db.prepare(`SELECT id FROM indicator_review WHERE meeting_id = ? AND indicator_id = ?`).get(input.meetingId, input.indicatorId) as { id: number } | undefined;
  const id = existing?.id ?? Number(db.prepare(`INSERT INTO indicator_review (meeting_id, indicator_id) VALUES (?, ?)`).run(input.meetingId, input.indicatorId).lastInsertRowid);
  // Once the row exists an edit must say which revision it saw (a window that never saw the row,
  // created meanwhile by another one, gets STALE); a new row's first patch has none to check.
  if (existing && input.baseRevision === undefined) throw staleError(getReview(db, existing.id));
  const patch = { ...input, id, baseRevision: existing ? input.baseRevision : undefined };
  patchMeetingRow(db, 'indicator_review', COLUMN, patch, () => getReview(db, id));
  touchMeeting(db, input.meetingId);
  return getReview(db, id);
}
