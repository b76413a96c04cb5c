import { z } from 'zod';
import { op, query } from './define';
import { upsertBaseRevision, id, LIMITS, patchText } from '../schemas/common';
import { ACTION_STATUSES } from './action-item';
import type { ActionUpdate } from '../meeting';

// Tindak lanjut: what a later rakor records about an earlier rakor's RTL (its status there and
// a keterangan). The RTL itself is an actionItem; its follow-ups are its history.

export const followUpOps = {
  /** Records, at meetingId, the status and keterangan of an RTL from an earlier meeting. */
  'followUp.record': op<ActionUpdate>()(
    z.strictObject({
      actionItemId: id,
      meetingId: id,
      /** The follow-up's revision, once it exists at this meeting. */
      baseRevision: upsertBaseRevision,
      status: z.enum(ACTION_STATUSES).optional(),
      notes: patchText(LIMITS.notes).optional(),
    }),
  ),
  /** An RTL's follow-ups, oldest first. */
  'followUp.history': query<ActionUpdate[]>()(z.strictObject({ actionItemId: id })),
};
