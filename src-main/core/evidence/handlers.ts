import type { evidenceOps } from '../../../shared/api/evidence';
import type { EvidenceExpectation } from '../../../shared/api/evidence';
import type { CoreContext, HandlersOf } from '../handler-types';
import { attachEvidence, deleteEvidence, listEvidence, readEvidence, updateEvidence, verifyEvidence } from './repository';
import { completeness } from './completeness';

export function evidenceHandlers({ db, dataDir }: CoreContext): HandlersOf<typeof evidenceOps> {
  return {
    'evidence.attach': (input) => attachEvidence(db, dataDir, input),
    'evidence.list': (owner) => listEvidence(db, owner),
    'evidence.update': (input) => updateEvidence(db, input),
    'evidence.delete': ({ id }) => deleteEvidence(db, id),
    'evidence.read': ({ id }) => readEvidence(db, dataDir, id),
    'evidence.completeness': ({ year }) => completeness(db, year),
    'evidence.verify': () => verifyEvidence(db, dataDir),
    'evidence.expectations': ({ indicatorNumber }) =>
      db
        .prepare(
          `SELECT id, indicator_number AS indicatorNumber, position, title FROM evidence_expectation
           WHERE ? IS NULL OR indicator_number = ? ORDER BY indicator_number, position`,
        )
        .all(indicatorNumber ?? null, indicatorNumber ?? null) as EvidenceExpectation[],
  };
}
