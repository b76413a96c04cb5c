import type { mastersOps } from '../../../shared/api/masters';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createEvaluationYear, createSubIndicator, deleteSubIndicator, setBands, updateCluster, updateIndicator, updateSubIndicator } from './masters';

export function mastersHandlers({ db }: CoreContext): HandlersOf<typeof mastersOps> {
  return {
    'reference.updateCluster': ({ id, name }) => updateCluster(db, id, name),
    'reference.updateIndicator': (input) => updateIndicator(db, input),
    'reference.createSubIndicator': (input) => createSubIndicator(db, input),
    'reference.updateSubIndicator': (input) => updateSubIndicator(db, input),
    'reference.deleteSubIndicator': ({ id }) => deleteSubIndicator(db, id),
    'reference.setBands': (input) => setBands(db, input),
    'reference.createYear': ({ year }) => createEvaluationYear(db, year),
  };
}
