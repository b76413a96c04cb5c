import type { CoreContext, HandlersOf } from '../handler-types';
import type { meetingOps } from '../../../shared/api/meeting';
import { closeWithSnapshot, readWorkspace } from './close';

/** 'meeting.get' and 'meeting.close' compose every feature's rows of one meeting, so they sit above them all. */
export function snapshotHandlers({ db }: CoreContext): Pick<HandlersOf<typeof meetingOps>, 'meeting.get' | 'meeting.close'> {
  return {
    'meeting.get': ({ id }) => readWorkspace(db, id),
    'meeting.close': ({ id, endTime }) => closeWithSnapshot(db, id, endTime),
  };
}
