import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, byId, deleteById, hhmm, id, isoDate, LIMITS, nip, optionalText, patchOf, patchText, requestId, requiredText, timeZone, year } from '../schemas/common';
import { t } from '../messages';
import type { Deleted, Meeting, MeetingDeletePreview, MeetingDraft, MeetingSummary, MeetingWorkspace } from '../meeting';

export const MEETING_STATUSES = ['draf', 'berlangsung', 'selesai'] as const;

const clusterCodes = z
  .array(requiredText(20))
  .min(1, { error: t('field.clusterRequired') })
  .max(50);

/** The editable fields of a meeting, with the defaults of a new one. Updates are patchOf(this). */
export const meetingFields = z.strictObject({
  title: requiredText(300),
  date: isoDate,
  startTime: hhmm,
  endTime: hhmm.nullable().default(null),
  /** Defaults to the zone of the region profile. */
  timeZone: timeZone.optional(),
  place: patchText(300).default(''),
  chairName: patchText(LIMITS.name).default(''),
  chairPosition: patchText(LIMITS.name).default(''),
  chairRank: patchText(100).default(''),
  chairNip: nip.default(''),
  notulisName: patchText(LIMITS.name).default(''),
  notulisPosition: patchText(LIMITS.name).default(''),
  notulisRank: patchText(100).default(''),
  notulisNip: nip.default(''),
  openingNotes: patchText(LIMITS.notes).default(''),
  closingNotes: patchText(LIMITS.notes).default(''),
});

const endAfterStart = (v: { startTime?: string; endTime?: string | null }) =>
  !v.startTime || !v.endTime || v.endTime >= v.startTime;

export const meetingCreateInput = z
  .strictObject({
    ...meetingFields.shape,
    clusterCodes,
    agenda: z.array(requiredText(300)).max(100).default([]),
    invitedAgencyIds: z.array(id).max(LIMITS.listItems).default([]),
    requestId,
  })
  .refine(endAfterStart, { path: ['endTime'], error: t('field.endBeforeStart') });

export const meetingPatchInput = z
  .strictObject({ id, baseRevision, ...patchOf(meetingFields).shape })
  .refine(endAfterStart, { path: ['endTime'], error: t('field.endBeforeStart') });

export type MeetingPatch = z.output<typeof meetingPatchInput>;

export const meetingOps = {
  'meeting.list': query<MeetingSummary[]>()(
    z.strictObject({
      search: optionalText(100),
      year: year.optional(),
      clusterCode: z.string().max(20).optional(),
      status: z.enum(MEETING_STATUSES).optional(),
      /** Newest first; without a limit, every match (the screen asks for pages). */
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  /** Years that hold a meeting, newest first (year pickers, without loading every meeting). */
  'meeting.years': query<number[]>()(z.strictObject({})),
  /** The whole workspace of one meeting, read in a fixed handful of queries. */
  'meeting.get': query<MeetingWorkspace>()(byId),
  /** What a new rakor of these clusters starts with: people from the profile, place, time, invitations and agenda from the last rakor of the same clusters. */
  'meeting.draftFor': query<MeetingDraft>()(z.strictObject({ clusterCodes, date: isoDate.optional() })),
  'meeting.create': op<Meeting>()(meetingCreateInput),
  /** Patch: only the fields sent change (autosave sends one at a time). */
  'meeting.update': op<Meeting>()(meetingPatchInput),
  /**
   * Unticking a cluster whose indicators hold this meeting's content (a review, an RTL, a budget
   * line) hides that content from the screens and the notulen: refused (CONFLICT, naming it)
   * unless confirmHidden is true.
   */
  'meeting.setClusters': op<Meeting>()(z.strictObject({ id, clusterCodes, confirmHidden: z.boolean().default(false) })),
  /** What deleting the meeting would remove, and the meetings that stop it (for the confirmation). */
  'meeting.deletePreview': query<MeetingDeletePreview>()(byId),
  /** Moves the meeting and all its rows to Terhapus; refused for a closed meeting or one whose RTLs later meetings followed up. */
  'meeting.delete': op<Deleted>()(deleteById),
  /** A draft copy for the next rakor of the same cluster(s): setup, agenda titles, invitations, people (not checked in). */
  'meeting.duplicate': op<Meeting>()(z.strictObject({ id, date: isoDate.optional(), requestId })),
  'meeting.start': op<Meeting>()(byId),
  'meeting.close': op<Meeting>()(z.strictObject({ id, endTime: hhmm })),
  'meeting.reopen': op<Meeting>()(byId),
  'meeting.setInvitation': op<number[]>()(z.strictObject({ meetingId: id, agencyId: id, invited: z.boolean() })),
  /** Invites (or uninvites) many agencies in one write: a group, all OPD, everything shown. Returns the invited ids. */
  'meeting.setInvitations': op<number[]>()(z.strictObject({ meetingId: id, agencyIds: z.array(id).min(1).max(LIMITS.listItems), invited: z.boolean() })),
};
