import { z } from 'zod';
import { op, query } from './define';
import { id } from '../schemas/common';
import type { Assignment } from '../meeting';

export const ASSIGNMENT_ROLES = ['lead', 'support'] as const;
export const ASSIGNMENT_ROLE_LABEL = { lead: 'Penanggung jawab utama', support: 'Pendukung' } as const;

export const assignmentOps = {
  /** Agencies responsible for the indicators (of some clusters, or all). */
  'assignment.list': query<Assignment[]>()(z.strictObject({ indicatorIds: z.array(id).max(1000).optional() })),
  /** Sets (or changes the role of) an agency on an indicator; meetingId records where it was agreed. */
  'assignment.set': op<Assignment>()(
    z.strictObject({ indicatorId: id, agencyId: id, role: z.enum(ASSIGNMENT_ROLES), meetingId: id.nullable().default(null) }),
  ),
  'assignment.remove': op<{ indicatorId: number; agencyId: number }>()(z.strictObject({ indicatorId: id, agencyId: id })),
};
