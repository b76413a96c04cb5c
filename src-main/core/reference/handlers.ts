import type { referenceOps } from '../../../shared/api/reference';
import type { CoreContext, HandlersOf } from '../handler-types';
import { getEvaluationYear, listReferenceYears, listYearScores, setYearScore } from './repository';

export function referenceHandlers({ db }: CoreContext): HandlersOf<typeof referenceOps> {
  return {
    'reference.years': () => listReferenceYears(db),
    'reference.get': ({ year }) => getEvaluationYear(db, year),
    'score.list': () => listYearScores(db),
    'score.set': ({ year, stage, total }) => setYearScore(db, year, stage, total),
  };
}
