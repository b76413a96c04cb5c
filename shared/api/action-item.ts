import { z } from 'zod';
import { op } from './define';
import { baseRevision, deleteById, id, isoDate, LIMITS, patchOf, patchText, requestId, requiredText } from '../schemas/common';
import type { ActionItem, Deleted } from '../meeting';

export const ACTION_STATUSES = ['belum', 'proses', 'selesai'] as const;

/** An RTL's editable fields, with the defaults of a new one. Updates are patchOf(this). */
const actionItemFields = z.strictObject({
  indicatorId: id.nullable().default(null),
  problem: patchText(LIMITS.notes).default(''),
  description: requiredText(LIMITS.notes),
  leadAgencyId: id.nullable().default(null),
  relatedAgencyIds: z.array(id).max(100).default([]),
  targetDate: isoDate.nullable().default(null),
  fundingSource: patchText(100).default(''),
  status: z.enum(ACTION_STATUSES).default('belum'),
  notes: patchText(LIMITS.notes).default(''),
});

export const actionItemOps = {
  'actionItem.create': op<ActionItem>()(z.strictObject({ meetingId: id, ...actionItemFields.shape, requestId })),
  'actionItem.update': op<ActionItem>()(z.strictObject({ id, baseRevision, ...patchOf(actionItemFields).shape })),
  /** Refused when a later meeting recorded a follow-up of it (that record is another meeting's). */
  'actionItem.delete': op<Deleted>()(deleteById),
};
