import type { meetingOps } from '../../../shared/api/meeting';
import type { rakorYearOps } from '../../../shared/api/rakor-year';
import { rakorPerYear } from './per-year';
import type { CoreContext, HandlersOf } from '../handler-types';
import {
  createMeeting, deleteMeeting, draftFor, duplicateMeeting, listMeetings, meetingYears, meetingDeletePreview, reopenMeeting, setInvitation, setInvitations, setMeetingClusters,
  startMeeting, updateMeeting,
} from './repository';

/**
 * Every meeting op but 'meeting.get' and 'meeting.close': those read the whole workspace and the
 * minutes (the snapshot taken at close), so they sit above every feature (../snapshot).
 */
export function meetingHandlers({ db }: CoreContext): Omit<HandlersOf<typeof meetingOps & typeof rakorYearOps>, 'meeting.get' | 'meeting.close'> {
  return {
    'meeting.list': (filter) => listMeetings(db, filter),
    'meeting.perYear': ({ year }) => rakorPerYear(db, year),
    'meeting.years': () => meetingYears(db),
    'meeting.draftFor': ({ clusterCodes, date }) => draftFor(db, clusterCodes, date),
    'meeting.create': (input) => createMeeting(db, input),
    'meeting.update': (patch) => updateMeeting(db, patch),
    'meeting.setClusters': ({ id, clusterCodes, confirmHidden }) => setMeetingClusters(db, id, clusterCodes, confirmHidden),
    'meeting.deletePreview': ({ id }) => meetingDeletePreview(db, id),
    'meeting.delete': ({ id, baseRevision }) => deleteMeeting(db, id, baseRevision),
    'meeting.duplicate': ({ id, date }) => duplicateMeeting(db, id, date),
    'meeting.start': ({ id }) => startMeeting(db, id),
    'meeting.reopen': ({ id }) => reopenMeeting(db, id),
    'meeting.setInvitation': ({ meetingId, agencyId, invited }) => setInvitation(db, meetingId, agencyId, invited),
    'meeting.setInvitations': ({ meetingId, agencyIds, invited }) => setInvitations(db, meetingId, agencyIds, invited),
  };
}
