import type { agencyOps } from '../../../shared/api/agency';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createAgency, deleteAgency, listAgencies, updateAgency } from './repository';

export function agencyHandlers({ db }: CoreContext): HandlersOf<typeof agencyOps> {
  return {
    'agency.list': (filter) => listAgencies(db, filter),
    'agency.create': (input) => createAgency(db, input),
    'agency.update': (input) => updateAgency(db, input),
    'agency.delete': ({ id }) => deleteAgency(db, id),
  };
}
