import { z } from 'zod';
import { op } from './define';
import { byId, id, LIMITS, phone, requiredText } from '../schemas/common';
import { patchText } from './meeting';
import type { Attendee } from '../meeting';

export const attendanceOps = {
  'attendance.create': op<Attendee>()(
    z.strictObject({
      meetingId: id,
      name: requiredText(LIMITS.name),
      jobTitle: patchText(LIMITS.name).default(''),
      agencyId: id.nullable().default(null),
      agencyText: patchText(LIMITS.name).default(''),
      phone,
      present: z.boolean().default(true),
    }),
  ),
  'attendance.update': op<Attendee>()(
    z.strictObject({
      id,
      name: requiredText(LIMITS.name).optional(),
      jobTitle: patchText(LIMITS.name).optional(),
      agencyId: id.nullable().optional(),
      agencyText: patchText(LIMITS.name).optional(),
      phone: phone.optional(),
      present: z.boolean().optional(),
    }),
  ),
  'attendance.delete': op<{ id: number }>()(byId),
};
