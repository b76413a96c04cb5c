import type { profileOps } from '../../../shared/api/profile';
import type { CoreContext, HandlersOf } from '../handler-types';
import { getProfile, updateProfile } from './repository';

export function profileHandlers({ db }: CoreContext): HandlersOf<typeof profileOps> {
  return {
    'profile.get': () => getProfile(db),
    'profile.update': (patch) => updateProfile(db, patch),
  };
}
