import type { referenceOps } from '../../../shared/api/reference';
import type { CoreContext, HandlersOf } from '../handler-types';
import { getEvaluationYear, listReferenceYears, listYearScores, setYearScore } from './repository';
import { createEvaluationYear, createSubIndicator, deleteSubIndicator, setBands, updateCluster, updateIndicator, updateSubIndicator } from './editing';

export function referenceHandlers({ db }: CoreContext): HandlersOf<typeof referenceOps> {
  return {
    'reference.years': () => listReferenceYears(db),
    'reference.get': ({ year }) => getEvaluationYear(db, year),
    'reference.updateCluster': (input) => updateCluster(db, input),
    'reference.updateIndicator': (input) => updateIndicator(db, input),
    'reference.createSubIndicator': (input) => createSubIndicator(db, input),
    'reference.updateSubIndicator': (input) => updateSubIndicator(db, input),
    'reference.deleteSubIndicator': ({ id }) => deleteSubIndicator(db, id),
    'reference.setBands': (input) => setBands(db, input),
    'reference.createYear': ({ year }) => createEvaluationYear(db, year),
    'score.list': () => listYearScores(db),
    'score.set': ({ year, stage, total }) => setYearScore(db, year, stage, total),
  };
}
