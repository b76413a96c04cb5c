import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, deleteById, id, isoDate, LIMITS, patchOf, patchText, requestId, requiredText, year } from '../schemas/common';
import { CLUSTER_CODES } from '../kla';
import { TRACKER_SORTS, type TrackerPage } from '../tracker';
import type { ActionItem, Deleted } from '../meeting';

export const ACTION_STATUSES = ['belum', 'proses', 'selesai'] as const;

/** An RTL's editable fields, with the defaults of a new one. Updates are patchOf(this). */
const actionItemFields = z.strictObject({
  indicatorId: id.nullable().default(null),
  problem: patchText(LIMITS.notes).default(''),
  description: requiredText(LIMITS.notes),
  leadAgencyId: id.nullable().default(null),
  /** Pihak terkait, in the order chosen (the notulen keeps it). */
  relatedAgencyIds: z.array(id).max(100).default([]),
  targetDate: isoDate.nullable().default(null),
  fundingSource: patchText(100).default(''),
  /** The budget line (of the same meeting) that funds it: the notulen's "Sumber anggaran". */
  budgetLineId: id.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('belum'),
  notes: patchText(LIMITS.notes).default(''),
});

/** The tracker's filters and order: the screen's page, and the exports of the whole filtered list (export.tracker). */
export const trackerFilter = z.strictObject({
  year: year.optional(),
  clusterCode: z.enum(CLUSTER_CODES).optional(),
  indicatorId: id.optional(),
  /** The indicator by its number (1–24), whichever evaluation year's reference set the RTL uses. */
  indicatorNumber: z.number().int().min(1).max(99).optional(),
  agencyId: id.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z.boolean().optional(),
  meetingId: id.optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(TRACKER_SORTS).default('targetDate'),
  descending: z.boolean().default(false),
});

export const actionItemOps = {
  'actionItem.create': op<ActionItem>()(z.strictObject({ meetingId: id, ...actionItemFields.shape, requestId })),
  'actionItem.update': op<ActionItem>()(z.strictObject({ id, baseRevision, ...patchOf(actionItemFields).shape })),
  /** Refused when a later meeting recorded a follow-up of it (that record is another meeting's). */
  'actionItem.delete': op<Deleted>()(deleteById),
  /**
   * Tindak lanjut across all meetings: filtered (year of the origin meeting, klaster, indicator,
   * agency as lead or related, current status, overdue, origin meeting, text), sorted, paged.
   */
  'actionItem.track': query<TrackerPage>()(
    z.strictObject({
      ...trackerFilter.shape,
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
  ),
};
