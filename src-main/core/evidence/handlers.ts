import type { evidenceOps } from '../../../shared/api/evidence';
import type { EvidenceExpectation } from '../../../shared/api/evidence';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { deleteEvidence, getEvidence, listEvidence, readEvidence, updateEvidence, verifyEvidence } from './repository';
import { completeness } from './completeness';
import { setDocumentation } from './documentation';
import { writeViewCopy } from './view-copy';
import { attachGroups } from './attach-group';
import { packageSaver } from './package-save';

export function evidenceHandlers({ db, dataDir, openFile, chooseSavePath }: CoreContext): HandlersOf<typeof evidenceOps> {
  const attach = attachGroups(db, dataDir);
  const packages = packageSaver(db, dataDir, chooseSavePath);
  return {
    // Async: the file is written and flushed on the thread pool, committed with the attaches in
    // flight beside it (attach-group.ts); its own transaction, not the backend's.
    'evidence.attach': asyncHandler(async (input: Parameters<typeof attach>[0]) => attach(input)),
    'evidence.list': (owner) => listEvidence(db, owner),
    'evidence.update': (input) => updateEvidence(db, input),
    'evidence.delete': ({ id }) => deleteEvidence(db, id),
    'evidence.read': ({ id }) => readEvidence(db, dataDir, id),
    'evidence.open': asyncHandler(async ({ id }: { id: number }) => {
      if (!openFile) throw AppError.of('IO', 'evidence.openUnavailable');
      const file = writeViewCopy(dataDir, getEvidence(db, id));
      const problem = await openFile(file);
      if (problem) throw new AppError('IO', t('evidence.openFailed', { reason: problem }));
      return { opened: true as const };
    }),
    // Async and outside any transaction: a year's package can take minutes; reads and writes are
    // answered meanwhile (the plan of what goes in is read once at the start).
    'evidence.savePackage': asyncHandler(async (input: { year: number; folder?: string }) => packages.save(input)),
    'evidence.packageStatus': () => packages.status(),
    'evidence.setDocumentation': (input) => setDocumentation(db, input),
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
