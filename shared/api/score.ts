import { z } from 'zod';
import { op, query } from './define';
import { empty, id, year } from '../schemas/common';
import { t } from '../messages';
import { SCORE_STAGES, type ScoreStage } from '../kla';
import type { StageScores, TotalSource, GapToTarget, WhatIfResult } from '../score';
import type { ExportedFile } from './export';
import type { YearScore } from '../types';
import { xlsxBase64 } from './xlsx';

// Nilai evaluasi per evaluation year: scores per indicator (and sub-indicator) for the four
// stages, the year's totals and predikat, the gap to the region's target, the what-if
// projection, and the spreadsheet template to fill in and import.

export interface ScoreRow {
  indicatorId: number;
  /** null for an indicator's own row. */
  subIndicatorId: number | null;
  clusterCode: string;
  /** "21" or "21a". */
  label: string;
  name: string;
  maxPoints: number | null;
  scores: StageScores;
}

export interface StageSummary {
  stage: ScoreStage;
  total: number | null;
  source: TotalSource;
  /** The stored total, when one is entered (it may differ from the derived one). */
  storedTotal: number | null;
  predikat: string | null;
}

export interface ScoreYearSummary {
  year: number;
  awardYear: number;
  /** The reference set the year's indicators and bands come from. */
  referenceYear: number;
  stages: StageSummary[];
  /** The latest stage with a total, whose predikat counts. */
  latest: StageSummary | null;
  gap: GapToTarget | null;
  rows: ScoreRow[];
}

export interface ScoreImportResult {
  year: number;
  /** Scores written (cells with a number). */
  written: number;
  /** Scores removed (blank cells where a score was stored). */
  cleared: number;
}

const score = z.number({ error: t('field.points') }).min(0, { error: t('field.points') }).max(1000, { error: t('field.points') });

export const scoreOps = {
  /** Stored totals of every year and stage (for regions that know only the total). */
  'score.list': query<YearScore[]>()(empty),
  /** Stores (or, with null, removes) the total of one year and stage. */
  'score.set': op<YearScore[]>()(
    z.strictObject({ year, stage: z.enum(SCORE_STAGES), total: z.number().min(0).max(1000).nullable() }),
  ),
  'score.summary': query<ScoreYearSummary>()(z.strictObject({ year })),
  /** One indicator's (or sub-indicator's) score at one stage; null removes it. */
  'score.setIndicator': op<ScoreYearSummary>()(
    z.strictObject({ year, stage: z.enum(SCORE_STAGES), indicatorId: id, subIndicatorId: id.nullable().default(null), score: score.nullable() }),
  ),
  /** The award year of an evaluation year (default: the next year); null restores the default. */
  'score.setAwardYear': op<ScoreYearSummary>()(z.strictObject({ year, awardYear: year.nullable() })),
  /** Projected total and predikat if the chosen indicators reached the given scores. */
  'score.whatIf': query<WhatIfResult>()(
    z.strictObject({
      year,
      baseStage: z.enum(SCORE_STAGES).optional(),
      projected: z.array(z.strictObject({ indicatorId: id, score })).max(200).default([]),
    }),
  ),
  /** The year's scores as an .xlsx to fill in (one row per indicator and sub-indicator). */
  'score.exportTemplate': query<ExportedFile>()(z.strictObject({ year })),
  /** Reads a filled template: every cell checked, nothing written unless all are valid. */
  'score.import': op<ScoreImportResult>()(z.strictObject({ year, base64: xlsxBase64 })),
};
