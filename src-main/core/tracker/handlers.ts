import type { actionItemOps } from '../../../shared/api/action-item';
import type { CoreContext, HandlersOf } from '../handler-types';
import { trackActions } from './tracker';

/** The RTL tracker across meetings: RTLs with their status derived from every follow-up. */
export function trackerHandlers({ db }: CoreContext): Pick<HandlersOf<typeof actionItemOps>, 'actionItem.track'> {
  return { 'actionItem.track': (input) => trackActions(db, input) };
}
