import type { agencyGroupOps } from '../../../shared/api/agency-group';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createGroup, deleteGroup, listGroups, updateGroup } from './repository';

export function agencyGroupHandlers({ db }: CoreContext): HandlersOf<typeof agencyGroupOps> {
  return {
    'agencyGroup.list': () => listGroups(db),
    'agencyGroup.create': ({ name, agencyIds }) => createGroup(db, name, agencyIds),
    'agencyGroup.update': ({ id, name, agencyIds }) => updateGroup(db, id, name, agencyIds),
    'agencyGroup.delete': ({ id }) => deleteGroup(db, id),
  };
}
