import { z } from 'zod';
import { op } from './define';
import { baseRevision, deleteById, id, LIMITS, patchOf, patchText, requestId } from '../schemas/common';
import type { Decision, Deleted } from '../meeting';

const decisionFields = z.strictObject({ text: patchText(LIMITS.notes).default('') });

export const decisionOps = {
  'decision.create': op<Decision>()(z.strictObject({ meetingId: id, ...decisionFields.shape, requestId })),
  'decision.update': op<Decision>()(z.strictObject({ id, baseRevision, ...patchOf(decisionFields).shape })),
  'decision.delete': op<Deleted>()(deleteById),
  /** The meeting's decision ids in the new order (all of them, each once). */
  'decision.reorder': op<Decision[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
};
