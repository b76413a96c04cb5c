import { op, query } from './define';
import { byId, empty } from '../schemas/common';

// Terhapus: deleted meetings and meeting rows, kept whole (with everything that went with
// them) so a delete can be undone with the original ids.

export const TRASH_KINDS = ['meeting', 'attendance', 'agenda_item', 'decision', 'action_item', 'budget_line', 'evidence'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

export interface TrashEntry {
  id: number;
  kind: TrashKind;
  /** What the user reads, e.g. "Rapat: Rakor Klaster III (26 November 2024)", "Peserta: Budi". */
  label: string;
  meetingId: number | null;
  deletedAt: string;
}

export const trashOps = {
  /** Newest first. */
  'trash.list': query<TrashEntry[]>()(empty),
  /** Puts the rows back with their original ids, all or nothing. */
  'trash.restore': op<{ id: number; kind: TrashKind; meetingId: number | null }>()(byId),
  /** Removes the entry for good. */
  'trash.purge': op<{ id: number }>()(byId),
};
