import type { regionProfileOps } from '../../../shared/api/region-profile';
import type { CoreContext, HandlersOf } from '../handler-types';
import { getProfile, updateProfile } from './repository';

export function regionProfileHandlers({ db }: CoreContext): HandlersOf<typeof regionProfileOps> {
  return {
    'regionProfile.get': () => getProfile(db),
    'regionProfile.update': (patch) => updateProfile(db, patch),
  };
}
