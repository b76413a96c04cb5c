import type { followUpOps } from '../../../shared/api/follow-up';
import type { CoreContext, HandlersOf } from '../handler-types';
import { followUpHistory, recordFollowUp } from './repository';

export function followUpHandlers({ db }: CoreContext): HandlersOf<typeof followUpOps> {
  return {
    'followUp.record': (input) => recordFollowUp(db, input),
    'followUp.history': ({ actionItemId }) => followUpHistory(db, actionItemId),
  };
}
