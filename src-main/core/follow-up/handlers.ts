import type { followUpOps } from '../../../shared/api/follow-up';
import type { CoreContext, HandlersOf } from '../handler-types';
import { followUpHistory, recordFollowUp, setStatus, statusChanges } from './repository';

export function followUpHandlers({ db }: CoreContext): HandlersOf<typeof followUpOps> {
  return {
    'followUp.record': (input) => recordFollowUp(db, input),
    'followUp.history': ({ actionItemId }) => followUpHistory(db, actionItemId),
    'followUp.setStatus': (input) => setStatus(db, input),
    'followUp.statusChanges': ({ actionItemId }) => statusChanges(db, actionItemId),
  };
}
