import type { assignmentOps } from '../../../shared/api/assignment';
import type { CoreContext, HandlersOf } from '../handler-types';
import { listAssignments, removeAssignment, setAssignment } from './repository';

export function assignmentHandlers({ db }: CoreContext): HandlersOf<typeof assignmentOps> {
  return {
    'assignment.list': ({ indicatorIds }) => listAssignments(db, indicatorIds),
    'assignment.set': ({ indicatorId, agencyId, role, meetingId }) => setAssignment(db, indicatorId, agencyId, role, meetingId),
    'assignment.remove': ({ indicatorId, agencyId }) => removeAssignment(db, indicatorId, agencyId),
  };
}
