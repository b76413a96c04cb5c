import { z } from 'zod';
import { op } from './define';
import { byId, id, LIMITS, patchOf, patchText, phone, requiredText } from '../schemas/common';
import type { Attendee } from '../meeting';

const attendeeFields = z.strictObject({
  name: requiredText(LIMITS.name),
  jobTitle: patchText(LIMITS.name).default(''),
  agencyId: id.nullable().default(null),
  agencyText: patchText(LIMITS.name).default(''),
  phone,
  present: z.boolean().default(true),
});

export const attendanceOps = {
  'attendance.create': op<Attendee>()(z.strictObject({ meetingId: id, ...attendeeFields.shape })),
  'attendance.update': op<Attendee>()(z.strictObject({ id, ...patchOf(attendeeFields).shape })),
  'attendance.delete': op<{ id: number }>()(byId),
};
