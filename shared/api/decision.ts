import { z } from 'zod';
import { op } from './define';
import { byId, id, LIMITS, patchOf, patchText } from '../schemas/common';
import type { Decision } from '../meeting';

const decisionFields = z.strictObject({ text: patchText(LIMITS.notes).default('') });

export const decisionOps = {
  'decision.create': op<Decision>()(z.strictObject({ meetingId: id, ...decisionFields.shape })),
  'decision.update': op<Decision>()(z.strictObject({ id, ...patchOf(decisionFields).shape })),
  'decision.delete': op<{ id: number }>()(byId),
  /** The meeting's decision ids in the new order (all of them, each once). */
  'decision.reorder': op<Decision[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
};
