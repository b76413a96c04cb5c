import type { trashOps } from '../../../shared/api/trash';
import type { CoreContext, HandlersOf } from '../handler-types';
import { AppError } from '../../../shared/errors';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { listTrash, purgeTrash, restoreFromTrash } from '../db/trash-store';

export function trashHandlers({ db }: CoreContext): HandlersOf<typeof trashOps> {
  return {
    'trash.list': () => listTrash(db),
    'trash.restore': ({ id }) =>
      restoreFromTrash(db, id, (kind, meetingId) => {
        // A row comes back only into its meeting, and only while that meeting is open.
        if (kind === 'meeting' || meetingId === null) return;
        if (!db.prepare(`SELECT 1 FROM meeting WHERE id = ?`).get(meetingId)) throw AppError.of('CONFLICT', 'trash.meetingGone');
        assertMeetingEditable(db, meetingId);
        touchMeeting(db, meetingId);
      }),
    'trash.purge': ({ id }) => purgeTrash(db, id),
  };
}
