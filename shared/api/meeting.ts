import { z } from 'zod';
import { op } from './define';
import { byId, hhmm, id, isoDate, LIMITS, nip, optionalText, requiredText, timeZone, year } from '../schemas/common';
import { t } from '../messages';
import type { Decision, AgendaItem, Meeting, MeetingSummary, MeetingWorkspace } from '../meeting';

// Autosave sends one field at a time, so every patch schema below has NO defaults: zod 4 applies
// a default inside .partial() too, which would silently blank the fields that were not sent.

/** Free text in a patch: trimmed at the ends only by the renderer, kept as typed here. */
export const patchText = (max: number) => z.string().max(max, { error: t('field.tooLong', { max }) });

export const MEETING_STATUSES = ['draf', 'berlangsung', 'selesai'] as const;

const clusterCodes = z
  .array(requiredText(20))
  .min(1, { error: t('field.clusterRequired') })
  .max(50);

const personFields = {
  chairName: patchText(LIMITS.name),
  chairPosition: patchText(LIMITS.name),
  chairRank: patchText(100),
  chairNip: nip,
  notulisName: patchText(LIMITS.name),
  notulisPosition: patchText(LIMITS.name),
  notulisRank: patchText(100),
  notulisNip: nip,
};

const endAfterStart = (v: { startTime?: string; endTime?: string | null }) =>
  !v.startTime || !v.endTime || v.endTime >= v.startTime;

export const meetingCreateInput = z
  .strictObject({
    title: requiredText(300),
    clusterCodes,
    date: isoDate,
    startTime: hhmm,
    endTime: hhmm.nullable().default(null),
    /** Defaults to the zone of the region profile. */
    timeZone: timeZone.optional(),
    place: patchText(300).default(''),
    chairName: personFields.chairName.default(''),
    chairPosition: personFields.chairPosition.default(''),
    chairRank: personFields.chairRank.default(''),
    chairNip: nip.default(''),
    notulisName: personFields.notulisName.default(''),
    notulisPosition: personFields.notulisPosition.default(''),
    notulisRank: personFields.notulisRank.default(''),
    notulisNip: nip.default(''),
    agenda: z.array(requiredText(300)).max(100).default([]),
    invitedAgencyIds: z.array(id).max(LIMITS.listItems).default([]),
  })
  .refine(endAfterStart, { path: ['endTime'], error: t('field.endBeforeStart') });

export const meetingPatchInput = z
  .strictObject({
    id,
    title: requiredText(300).optional(),
    date: isoDate.optional(),
    startTime: hhmm.optional(),
    endTime: hhmm.nullable().optional(),
    timeZone: timeZone.optional(),
    place: patchText(300).optional(),
    chairName: personFields.chairName.optional(),
    chairPosition: personFields.chairPosition.optional(),
    chairRank: personFields.chairRank.optional(),
    chairNip: nip.optional(),
    notulisName: personFields.notulisName.optional(),
    notulisPosition: personFields.notulisPosition.optional(),
    notulisRank: personFields.notulisRank.optional(),
    notulisNip: nip.optional(),
    openingNotes: patchText(LIMITS.notes).optional(),
    closingNotes: patchText(LIMITS.notes).optional(),
  })
  .refine(endAfterStart, { path: ['endTime'], error: t('field.endBeforeStart') });

export type MeetingPatch = z.output<typeof meetingPatchInput>;

export const meetingOps = {
  'meeting.list': op<MeetingSummary[]>()(
    z.strictObject({
      search: optionalText(100),
      year: year.optional(),
      clusterCode: z.string().max(20).optional(),
      status: z.enum(MEETING_STATUSES).optional(),
    }),
  ),
  /** The whole workspace of one meeting, read in a fixed handful of queries. */
  'meeting.get': op<MeetingWorkspace>()(byId),
  'meeting.create': op<Meeting>()(meetingCreateInput),
  /** Patch: only the fields sent change (autosave sends one at a time). */
  'meeting.update': op<Meeting>()(meetingPatchInput),
  'meeting.setClusters': op<Meeting>()(z.strictObject({ id, clusterCodes })),
  'meeting.delete': op<{ id: number }>()(byId),
  /** A draft copy for the next rakor of the same cluster(s): setup, agenda titles, invitations, people (not checked in). */
  'meeting.duplicate': op<Meeting>()(z.strictObject({ id, date: isoDate.optional() })),
  'meeting.start': op<Meeting>()(byId),
  'meeting.close': op<Meeting>()(z.strictObject({ id, endTime: hhmm })),
  'meeting.reopen': op<Meeting>()(byId),
  'meeting.setInvitation': op<number[]>()(z.strictObject({ meetingId: id, agencyId: id, invited: z.boolean() })),
  'agenda.create': op<AgendaItem>()(z.strictObject({ meetingId: id, title: requiredText(300), notes: patchText(LIMITS.notes).default('') })),
  'agenda.update': op<AgendaItem>()(z.strictObject({ id, title: requiredText(300).optional(), notes: patchText(LIMITS.notes).optional() })),
  'agenda.delete': op<{ id: number }>()(byId),
  /** The meeting's agenda ids in the new order (all of them, each once). */
  'agenda.reorder': op<AgendaItem[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
  'decision.create': op<Decision>()(z.strictObject({ meetingId: id, text: patchText(LIMITS.notes).default('') })),
  'decision.update': op<Decision>()(z.strictObject({ id, text: patchText(LIMITS.notes) })),
  'decision.delete': op<{ id: number }>()(byId),
  'decision.reorder': op<Decision[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
};
