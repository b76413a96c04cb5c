import type { meetingOps } from '../../../shared/api/meeting';
import type { CoreContext, HandlersOf } from '../handler-types';
import {
  closeMeeting, createMeeting, deleteMeeting, duplicateMeeting, listMeetings, reopenMeeting, setInvitation, setMeetingClusters,
  startMeeting, updateMeeting,
} from './repository';
import {
  createAgendaItem, createDecision, deleteAgendaItem, deleteDecision, reorderAgenda, reorderDecisions, updateAgendaItem, updateDecision,
} from './agenda';
import { getMeetingWorkspace } from './workspace';

export function meetingHandlers({ db }: CoreContext): HandlersOf<typeof meetingOps> {
  return {
    'meeting.list': (filter) => listMeetings(db, filter),
    'meeting.get': ({ id }) => getMeetingWorkspace(db, id),
    'meeting.create': (input) => createMeeting(db, input),
    'meeting.update': (patch) => updateMeeting(db, patch),
    'meeting.setClusters': ({ id, clusterCodes }) => setMeetingClusters(db, id, clusterCodes),
    'meeting.delete': ({ id }) => deleteMeeting(db, id),
    'meeting.duplicate': ({ id, date }) => duplicateMeeting(db, id, date),
    'meeting.start': ({ id }) => startMeeting(db, id),
    'meeting.close': ({ id, endTime }) => closeMeeting(db, id, endTime),
    'meeting.reopen': ({ id }) => reopenMeeting(db, id),
    'meeting.setInvitation': ({ meetingId, agencyId, invited }) => setInvitation(db, meetingId, agencyId, invited),
    'agenda.create': ({ meetingId, title, notes }) => createAgendaItem(db, meetingId, title, notes),
    'agenda.update': ({ id, ...patch }) => updateAgendaItem(db, id, patch),
    'agenda.delete': ({ id }) => deleteAgendaItem(db, id),
    'agenda.reorder': ({ meetingId, ids }) => reorderAgenda(db, meetingId, ids),
    'decision.create': ({ meetingId, text }) => createDecision(db, meetingId, text),
    'decision.update': ({ id, text }) => updateDecision(db, id, text),
    'decision.delete': ({ id }) => deleteDecision(db, id),
    'decision.reorder': ({ meetingId, ids }) => reorderDecisions(db, meetingId, ids),
  };
}
