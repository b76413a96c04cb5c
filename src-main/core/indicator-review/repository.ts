import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { IndicatorReview } from '../../../shared/meeting';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { staleError } from '../db/patch';
import { assertIndicatorExists, inMeetingClusters } from '../db/rows';
import { assertMeetingEditable, patchMeetingRow, touchMeeting } from '../db/meeting-state';

const SELECT = `SELECT id, meeting_id AS meetingId, indicator_id AS indicatorId, achievement, score, is_weak AS isWeak,
  problem, recommendation, revision,
  (SELECT json_group_array(agency_id) FROM (SELECT agency_id FROM indicator_review_agency WHERE review_id = indicator_review.id ORDER BY position)) AS kabkotaJson
  FROM indicator_review`;

type Row = Omit<IndicatorReview, 'isWeak' | 'kabkotaAgencyIds'> & { isWeak: number; kabkotaJson: string };
const toReview = ({ kabkotaJson, ...r }: Row): IndicatorReview => ({ ...r, isWeak: r.isWeak === 1, kabkotaAgencyIds: JSON.parse(kabkotaJson) as number[] });

/** Kab/kota of a review, in the order chosen; each must be an agency of kind 'kabkota'. */
function setKabkota(db: Db, reviewId: number, agencyIds: number[]) {
  agencyIds.forEach((agencyId, i) => {
    const row = db.prepare(`SELECT kind FROM agency WHERE id = ?`).get(agencyId) as { kind: string } | undefined;
    if (row?.kind !== 'kabkota') {
      throw new AppError('VALIDATION', t('field.kabkotaOnly'), [{ path: `kabkotaAgencyIds.${i}`, message: t('field.kabkotaOnly') }]);
    }
  });
  db.prepare(`DELETE FROM indicator_review_agency WHERE review_id = ?`).run(reviewId);
  const insert = db.prepare(`INSERT OR IGNORE INTO indicator_review_agency (review_id, agency_id, position) VALUES (?, ?, ?)`);
  agencyIds.forEach((agencyId, i) => insert.run(reviewId, agencyId, i + 1));
}

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
  if (input.kabkotaAgencyIds) {
    setKabkota(db, id, input.kabkotaAgencyIds);
    // A change of the list alone still moves the revision on (patchMeetingRow checked it).
    if (!Object.keys(COLUMN).some((k) => input[k as keyof typeof COLUMN] !== undefined)) {
      db.prepare(`UPDATE indicator_review SET revision = revision + 1 WHERE id = ?`).run(id);
    }
  }
  touchMeeting(db, input.meetingId);
  return getReview(db, id);
}
