import type { CoreContext, HandlersOf } from '../handler-types';
import type { meetingOps } from '../../../shared/api/meeting';
import { getMeetingWorkspace } from './workspace';

/** 'meeting.get' composes every feature's rows of one meeting, so it sits above them all. */
export function workspaceHandlers({ db }: CoreContext): Pick<HandlersOf<typeof meetingOps>, 'meeting.get'> {
  return { 'meeting.get': ({ id }) => getMeetingWorkspace(db, id) };
}
