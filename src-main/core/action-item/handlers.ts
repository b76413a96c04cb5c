import type { actionItemOps } from '../../../shared/api/action-item';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createAction, deleteAction, updateAction } from './repository';
import { trackActions } from './tracker';

export function actionItemHandlers({ db }: CoreContext): HandlersOf<typeof actionItemOps> {
  return {
    'actionItem.create': (input) => createAction(db, input),
    'actionItem.update': (input) => updateAction(db, input),
    'actionItem.delete': ({ id, baseRevision }) => deleteAction(db, id, baseRevision),
    'actionItem.track': (input) => trackActions(db, input),
  };
}
