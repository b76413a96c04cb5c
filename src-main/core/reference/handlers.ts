import type { referenceOps } from '../../../shared/api/reference';
import type { OpParsed } from '../../../shared/api/contract';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { exportReference, parseReferenceFile, writeReference } from './workbook';
import { getEvaluationYear, listReferenceYears } from './repository';
import { createEvaluationYear, createSubIndicator, deleteSubIndicator, setBands, setUsualAgencies, updateCluster, updateIndicator, updateSubIndicator } from './editing';

export function referenceHandlers({ db }: CoreContext): HandlersOf<typeof referenceOps> {
  return {
    'reference.years': () => listReferenceYears(db),
    'reference.get': ({ year }) => getEvaluationYear(db, year),
    'reference.updateCluster': (input) => updateCluster(db, input),
    'reference.updateIndicator': (input) => updateIndicator(db, input),
    'reference.createSubIndicator': (input) => createSubIndicator(db, input),
    'reference.updateSubIndicator': (input) => updateSubIndicator(db, input),
    'reference.deleteSubIndicator': ({ id }) => deleteSubIndicator(db, id),
    'reference.setUsualAgencies': (input) => setUsualAgencies(db, input),
    'reference.setBands': (input) => setBands(db, input),
    'reference.createYear': ({ year }) => createEvaluationYear(db, year),
    'reference.exportXlsx': asyncHandler(async ({ year }: OpParsed<'reference.exportXlsx'>) => exportReference(db, year)),
    'reference.importXlsx': asyncHandler(async ({ year, base64 }: OpParsed<'reference.importXlsx'>) => {
      const parsed = await parseReferenceFile(base64);
      // All cells valid: create or replace the set in one transaction.
      return db.transaction(() => writeReference(db, year, parsed)).immediate();
    }),
  };
}
