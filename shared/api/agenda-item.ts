import { z } from 'zod';
import { op } from './define';
import { baseRevision, deleteById, id, LIMITS, patchOf, patchText, requestId, requiredText } from '../schemas/common';
import type { AgendaItem, Deleted } from '../meeting';

const agendaItemFields = z.strictObject({
  title: requiredText(300),
  notes: patchText(LIMITS.notes).default(''),
});

export const agendaItemOps = {
  'agendaItem.create': op<AgendaItem>()(z.strictObject({ meetingId: id, ...agendaItemFields.shape, requestId })),
  'agendaItem.update': op<AgendaItem>()(z.strictObject({ id, baseRevision, ...patchOf(agendaItemFields).shape })),
  'agendaItem.delete': op<Deleted>()(deleteById),
  /** The meeting's agenda ids in the new order (all of them, each once). */
  'agendaItem.reorder': op<AgendaItem[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
};
