import { z } from 'zod';
import { op } from './define';
import { id, LIMITS } from '../schemas/common';
import { t } from '../messages';
import { patchText } from './meeting';
import type { IndicatorReview } from '../meeting';

export const reviewOps = {
  /** Creates the meeting's review of an indicator on first write; later writes patch it. */
  'review.upsert': op<IndicatorReview>()(
    z.strictObject({
      meetingId: id,
      indicatorId: id,
      achievement: patchText(LIMITS.line).optional(),
      score: z.number({ error: t('field.score') }).min(0, { error: t('field.score') }).max(1000, { error: t('field.score') }).nullable().optional(),
      isWeak: z.boolean().optional(),
      problem: patchText(LIMITS.notes).optional(),
      recommendation: patchText(LIMITS.notes).optional(),
    }),
  ),
};
