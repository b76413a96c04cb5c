import { z } from 'zod';
import { op, query } from './define';
import { byId, empty, id, patchOf, requestId, requiredText, year } from '../schemas/common';
import { t } from '../messages';
import type { ExportedFile } from './export';
import { xlsxBase64 } from './xlsx';
import type { Cluster, EvaluationYear, Indicator, PredikatBandRow, SubIndicator } from '../types';

// Reference data (Indikator KLA): per evaluation year, the clusters, indicators, sub-indicators,
// maximum points and predikat bands. Data, not code: editable. The region's scores: score.ts.

const points = z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') }).nullable();
const bandScore = z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') });

export const bandInput = z.strictObject({ name: requiredText(40), minScore: bandScore, maxScore: bandScore });

const clusterFields = z.strictObject({ name: requiredText(200) });
const indicatorFields = z.strictObject({ name: requiredText(500), usualAgencies: z.string().trim().max(300), maxPoints: points });
const subIndicatorFields = z.strictObject({ code: requiredText(10), name: requiredText(500), maxPoints: points.default(null) });

export const referenceOps = {
  /** Years that have their own set of clusters and indicators. */
  'reference.years': query<number[]>()(empty),
  /** The set in force for a year: the newest set whose year is not after it. */
  'reference.get': query<EvaluationYear>()(z.strictObject({ year })),
  'reference.updateCluster': op<Cluster>()(z.strictObject({ id, ...patchOf(clusterFields).shape })),
  'reference.updateIndicator': op<Indicator>()(z.strictObject({ id, ...patchOf(indicatorFields).shape })),
  'reference.createSubIndicator': op<SubIndicator>()(z.strictObject({ indicatorId: id, ...subIndicatorFields.shape, requestId })),
  'reference.updateSubIndicator': op<SubIndicator>()(z.strictObject({ id, ...patchOf(subIndicatorFields).shape })),
  'reference.deleteSubIndicator': op<{ id: number }>()(byId),
  /** The agencies that usually lead an indicator, in order (replaces the list). */
  'reference.setUsualAgencies': op<Indicator>()(z.strictObject({ indicatorId: id, agencyIds: z.array(id).max(40) })),
  /** Replaces a year's predikat bands; they must not overlap and min must not exceed max. */
  'reference.setBands': op<PredikatBandRow[]>()(z.strictObject({ year, bands: z.array(bandInput).max(20) })),
  /** Starts a new evaluation year as a copy of the set in force for it (clusters, indicators, sub-items, bands). */
  'reference.createYear': op<EvaluationYear>()(z.strictObject({ year, requestId })),
  /** The set in force for a year as .xlsx: sheet "Indikator" (clusters, indicators, sub-items, points), sheet "Predikat". */
  'reference.exportXlsx': query<ExportedFile>()(z.strictObject({ year })),
  /**
   * Creates or replaces the year's own set from such a file; every cell is checked first and
   * nothing is written unless all are valid. A set already used by meetings or scores may only
   * change names, points and bands.
   */
  'reference.importXlsx': op<EvaluationYear>()(z.strictObject({ year, base64: xlsxBase64 })),
};
