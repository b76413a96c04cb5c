import type { decisionOps } from '../../../shared/api/decision';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createDecision, deleteDecision, reorderDecisions, updateDecision } from './repository';

export function decisionHandlers({ db }: CoreContext): HandlersOf<typeof decisionOps> {
  return {
    'decision.create': (input) => createDecision(db, input),
    'decision.update': (patch) => updateDecision(db, patch),
    'decision.delete': ({ id, baseRevision }) => deleteDecision(db, id, baseRevision),
    'decision.reorder': ({ meetingId, ids }) => reorderDecisions(db, meetingId, ids),
  };
}
