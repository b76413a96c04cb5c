import type { meetingOps } from '../../../shared/api/meeting';
import type { CoreContext, HandlersOf } from '../handler-types';
import {
  closeMeeting, createMeeting, deleteMeeting, duplicateMeeting, listMeetings, reopenMeeting, setInvitation, setMeetingClusters,
  startMeeting, updateMeeting,
} from './repository';

/** Every meeting op but 'meeting.get', which reads the whole workspace (../workspace). */
export function meetingHandlers({ db }: CoreContext): Omit<HandlersOf<typeof meetingOps>, 'meeting.get'> {
  return {
    'meeting.list': (filter) => listMeetings(db, filter),
    'meeting.create': (input) => createMeeting(db, input),
    'meeting.update': (patch) => updateMeeting(db, patch),
    'meeting.setClusters': ({ id, clusterCodes }) => setMeetingClusters(db, id, clusterCodes),
    'meeting.delete': ({ id }) => deleteMeeting(db, id),
    'meeting.duplicate': ({ id, date }) => duplicateMeeting(db, id, date),
    'meeting.start': ({ id }) => startMeeting(db, id),
    'meeting.close': ({ id, endTime }) => closeMeeting(db, id, endTime),
    'meeting.reopen': ({ id }) => reopenMeeting(db, id),
    'meeting.setInvitation': ({ meetingId, agencyId, invited }) => setInvitation(db, meetingId, agencyId, invited),
  };
}
