import { z } from 'zod';
import { op } from './define';
import { byId, id, requiredText, year } from '../schemas/common';
import { t } from '../messages';
import type { Cluster, EvaluationYear, Indicator, PredikatBandRow, SubIndicator } from '../types';

const points = z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') }).nullable();

export const bandInput = z.strictObject({
  name: requiredText(40),
  minScore: z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') }),
  maxScore: z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') }),
});

export const mastersOps = {
  'reference.updateCluster': op<Cluster>()(z.strictObject({ id, name: requiredText(200) })),
  'reference.updateIndicator': op<Indicator>()(
    z.strictObject({ id, name: requiredText(500).optional(), usualAgencies: z.string().trim().max(300).optional(), maxPoints: points.optional() }),
  ),
  'reference.createSubIndicator': op<SubIndicator>()(
    z.strictObject({ indicatorId: id, code: requiredText(10), name: requiredText(500), maxPoints: points.default(null) }),
  ),
  'reference.updateSubIndicator': op<SubIndicator>()(
    z.strictObject({ id, code: requiredText(10).optional(), name: requiredText(500).optional(), maxPoints: points.optional() }),
  ),
  'reference.deleteSubIndicator': op<{ id: number }>()(byId),
  /** Replaces a year's predikat bands; they must not overlap and min must not exceed max. */
  'reference.setBands': op<PredikatBandRow[]>()(z.strictObject({ year, bands: z.array(bandInput).max(20) })),
  /** Starts a new evaluation year as a copy of the set in force for it (clusters, indicators, sub-items, bands). */
  'reference.createYear': op<EvaluationYear>()(z.strictObject({ year })),
};
