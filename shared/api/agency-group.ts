import { z } from 'zod';
import { op, query } from './define';
import { byId, empty, id, LIMITS, requiredText } from '../schemas/common';
import type { AgencyGroup } from '../types';

const agencyIds = z.array(id).max(LIMITS.listItems);

/** Saved groups of agencies, invited to a rakor in one step. */
export const agencyGroupOps = {
  'agencyGroup.list': query<AgencyGroup[]>()(empty),
  'agencyGroup.create': op<AgencyGroup>()(z.strictObject({ name: requiredText(100), agencyIds: agencyIds.default([]) })),
  /** Rename and/or replace the members. */
  'agencyGroup.update': op<AgencyGroup>()(z.strictObject({ id, name: requiredText(100).optional(), agencyIds: agencyIds.optional() })),
  'agencyGroup.delete': op<{ id: number }>()(byId),
};
