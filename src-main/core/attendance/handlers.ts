import type { attendanceOps } from '../../../shared/api/attendance';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createAttendee, deleteAttendee, reorderAttendance, updateAttendee } from './repository';

export function attendanceHandlers({ db }: CoreContext): HandlersOf<typeof attendanceOps> {
  return {
    'attendance.create': (input) => createAttendee(db, input),
    'attendance.update': (input) => updateAttendee(db, input),
    'attendance.delete': ({ id, baseRevision }) => deleteAttendee(db, id, baseRevision),
    'attendance.reorder': ({ meetingId, ids }) => reorderAttendance(db, meetingId, ids),
  };
}
