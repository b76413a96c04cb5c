import { z } from 'zod';
import { op } from './define';
import { byId, id, isoDate, LIMITS, requiredText } from '../schemas/common';
import { patchText } from './meeting';
import type { ActionItem, ActionUpdate } from '../meeting';

export const ACTION_STATUSES = ['belum', 'proses', 'selesai'] as const;

export const actionOps = {
  'action.create': op<ActionItem>()(
    z.strictObject({
      meetingId: id,
      indicatorId: id.nullable().default(null),
      problem: patchText(LIMITS.notes).default(''),
      description: requiredText(LIMITS.notes),
      leadAgencyId: id.nullable().default(null),
      relatedAgencyIds: z.array(id).max(100).default([]),
      targetDate: isoDate.nullable().default(null),
      fundingSource: patchText(100).default(''),
      status: z.enum(ACTION_STATUSES).default('belum'),
      notes: patchText(LIMITS.notes).default(''),
    }),
  ),
  'action.update': op<ActionItem>()(
    z.strictObject({
      id,
      indicatorId: id.nullable().optional(),
      problem: patchText(LIMITS.notes).optional(),
      description: requiredText(LIMITS.notes).optional(),
      leadAgencyId: id.nullable().optional(),
      relatedAgencyIds: z.array(id).max(100).optional(),
      targetDate: isoDate.nullable().optional(),
      fundingSource: patchText(100).optional(),
      status: z.enum(ACTION_STATUSES).optional(),
      notes: patchText(LIMITS.notes).optional(),
    }),
  ),
  'action.delete': op<{ id: number }>()(byId),
  /** Records, at meetingId, the status and keterangan of an RTL from an earlier meeting. */
  'action.review': op<ActionUpdate>()(
    z.strictObject({
      actionItemId: id,
      meetingId: id,
      status: z.enum(ACTION_STATUSES).optional(),
      notes: patchText(LIMITS.notes).optional(),
    }),
  ),
  /** Every RTL with its review history, e.g. for the RTL matrix and the export. */
  'action.history': op<ActionUpdate[]>()(z.strictObject({ actionItemId: id })),
};
