import { z } from 'zod';
import { op } from './define';
import { baseRevision, deleteById, id, LIMITS, nip, patchOf, patchText, phone, requestId, requiredText } from '../schemas/common';
import type { Attendee, Deleted } from '../meeting';

const attendeeFields = z.strictObject({
  name: requiredText(LIMITS.name),
  jobTitle: patchText(LIMITS.name).default(''),
  agencyId: id.nullable().default(null),
  agencyText: patchText(LIMITS.name).default(''),
  phone,
  /** Typed with spaces or dots ("19800101 200501 1 001") and stored as 18 bare digits; '' = none. */
  nip: nip.default(''),
  rank: patchText(100).default(''),
  present: z.boolean().default(true),
});

export const attendanceOps = {
  'attendance.create': op<Attendee>()(z.strictObject({ meetingId: id, ...attendeeFields.shape, requestId })),
  'attendance.update': op<Attendee>()(z.strictObject({ id, baseRevision, ...patchOf(attendeeFields).shape })),
  'attendance.delete': op<Deleted>()(deleteById),
  /** The daftar hadir in the order shown (after sorting on screen): Lampiran I prints and numbers it so. */
  'attendance.reorder': op<Attendee[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.attendees) })),
};
