import type { agendaItemOps } from '../../../shared/api/agenda-item';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createAgendaItem, deleteAgendaItem, reorderAgenda, updateAgendaItem } from './repository';

export function agendaItemHandlers({ db }: CoreContext): HandlersOf<typeof agendaItemOps> {
  return {
    'agendaItem.create': (input) => createAgendaItem(db, input),
    'agendaItem.update': (patch) => updateAgendaItem(db, patch),
    'agendaItem.delete': ({ id, baseRevision }) => deleteAgendaItem(db, id, baseRevision),
    'agendaItem.reorder': ({ meetingId, ids }) => reorderAgenda(db, meetingId, ids),
  };
}
