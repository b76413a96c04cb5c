import { z } from 'zod';
import { op } from './define';
import { byId, id, LIMITS, patchOf, patchText, requiredText } from '../schemas/common';
import type { AgendaItem } from '../meeting';

const agendaItemFields = z.strictObject({
  title: requiredText(300),
  notes: patchText(LIMITS.notes).default(''),
});

export const agendaItemOps = {
  'agendaItem.create': op<AgendaItem>()(z.strictObject({ meetingId: id, ...agendaItemFields.shape })),
  'agendaItem.update': op<AgendaItem>()(z.strictObject({ id, ...patchOf(agendaItemFields).shape })),
  'agendaItem.delete': op<{ id: number }>()(byId),
  /** The meeting's agenda ids in the new order (all of them, each once). */
  'agendaItem.reorder': op<AgendaItem[]>()(z.strictObject({ meetingId: id, ids: z.array(id).max(LIMITS.listItems) })),
};
