import type { actionItemOps } from '../../../shared/api/action-item';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createAction, deleteAction, updateAction } from './repository';

/** Every RTL op but 'actionItem.track', which reads follow-up statuses (../tracker). */
export function actionItemHandlers({ db }: CoreContext): Omit<HandlersOf<typeof actionItemOps>, 'actionItem.track'> {
  return {
    'actionItem.create': (input) => createAction(db, input),
    'actionItem.update': (input) => updateAction(db, input),
    'actionItem.delete': ({ id, baseRevision }) => deleteAction(db, id, baseRevision),
  };
}
