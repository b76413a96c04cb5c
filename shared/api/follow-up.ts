import { z } from 'zod';
import { op, query } from './define';
import { upsertBaseRevision, id, isoDate, LIMITS, patchText, requestId } from '../schemas/common';
import { ACTION_STATUSES } from './action-item';
import type { ActionUpdate, StatusChange } from '../meeting';

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
  /**
   * Records a status change of an RTL outside any meeting (append-only, with the date it happened;
   * today in the region's zone when absent). Counts for every meeting on or after that date.
   */
  'followUp.setStatus': op<StatusChange>()(
    z.strictObject({
      actionItemId: id,
      status: z.enum(ACTION_STATUSES),
      notes: patchText(LIMITS.notes).default(''),
      date: isoDate.optional(),
      requestId,
    }),
  ),
  /** An RTL's status changes outside meetings, oldest first. */
  'followUp.statusChanges': query<StatusChange[]>()(z.strictObject({ actionItemId: id })),
  /** An RTL's follow-ups, oldest first. */
  'followUp.history': query<ActionUpdate[]>()(z.strictObject({ actionItemId: id })),
};
