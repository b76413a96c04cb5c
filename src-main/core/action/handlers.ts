import type { actionOps } from '../../../shared/api/action';
import type { CoreContext, HandlersOf } from '../handler-types';
import { actionHistory, createAction, deleteAction, reviewAction, updateAction } from './repository';

export function actionHandlers({ db }: CoreContext): HandlersOf<typeof actionOps> {
  return {
    'action.create': (input) => createAction(db, input),
    'action.update': (input) => updateAction(db, input),
    'action.delete': ({ id }) => deleteAction(db, id),
    'action.review': (input) => reviewAction(db, input),
    'action.history': ({ actionItemId }) => actionHistory(db, actionItemId),
  };
}
