import { z } from 'zod';
import { op } from './define';
import { empty, year } from '../schemas/common';
import type { EvaluationYear, YearScore } from '../types';
import { SCORE_STAGES } from '../kla';

export const referenceOps = {
  /** Years that have their own set of clusters and indicators. */
  'reference.years': op<number[]>()(empty),
  /** The set in force for a year: the newest set whose year is not after it. */
  'reference.get': op<EvaluationYear>()(z.strictObject({ year })),
  'score.list': op<YearScore[]>()(empty),
  'score.set': op<YearScore[]>()(
    z.strictObject({ year, stage: z.enum(SCORE_STAGES), total: z.number().min(0).max(1000).nullable() }),
  ),
};
