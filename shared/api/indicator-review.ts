import { z } from 'zod';
import { op } from './define';
import { upsertBaseRevision, id, LIMITS, patchOf, patchText } from '../schemas/common';
import { t } from '../messages';
import type { IndicatorReview } from '../meeting';

const indicatorReviewFields = z.strictObject({
  achievement: patchText(LIMITS.line),
  score: z.number({ error: t('field.score') }).min(0, { error: t('field.score') }).max(1000, { error: t('field.score') }).nullable(),
  isWeak: z.boolean(),
  problem: patchText(LIMITS.notes),
  recommendation: patchText(LIMITS.notes),
  /** At province level: the kab/kota (agencies of kind 'kabkota') the indicator is weak in, in the order chosen. */
  kabkotaAgencyIds: z.array(id).max(100),
});

export const indicatorReviewOps = {
  /** Creates the meeting's review of an indicator on first write; later writes patch it (with baseRevision once it exists). */
  'indicatorReview.upsert': op<IndicatorReview>()(
    z.strictObject({ meetingId: id, indicatorId: id, baseRevision: upsertBaseRevision, ...patchOf(indicatorReviewFields).shape }),
  ),
};
