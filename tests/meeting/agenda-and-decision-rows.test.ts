import { describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// The two numbered lists of a rakor, acara and kesimpulan: a stale edit or delete is refused with
// the row as stored and nothing written, and the rakor is marked as changed (only it) when a row
// is added, edited, deleted or the list reordered (an edit that sends nothing leaves it).

const t = backendPerTest();
const STALE = 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.';

/** One numbered list through its own operations; a row's text is its title (acara) or text (kesimpulan). */
interface NumberedList {
  name: string;
  create(meetingId: number, text: string): Promise<{ id: number; revision: number }>;
  update(id: number, baseRevision: number, text: string): Promise<unknown>;
  failUpdate(id: number, baseRevision: number, text: string): Promise<ApiError>;
  failDelete(id: number, baseRevision: number): Promise<ApiError>;
  /** An edit that sends no field (autosave of an unchanged form). */
  updateNothing(id: number, baseRevision: number): Promise<unknown>;
  remove(id: number, baseRevision: number): Promise<unknown>;
  reorder(meetingId: number, ids: number[]): Promise<{ text: string; position: number }[]>;
}

const lists: NumberedList[] = [
  {
    name: 'acara',
    create: (meetingId, title) => t.call('agendaItem.create', { meetingId, title }),
    update: (id, baseRevision, title) => t.call('agendaItem.update', { id, baseRevision, title }),
    failUpdate: (id, baseRevision, title) => t.fail('agendaItem.update', { id, baseRevision, title }),
    failDelete: (id, baseRevision) => t.fail('agendaItem.delete', { id, baseRevision }),
    updateNothing: (id, baseRevision) => t.call('agendaItem.update', { id, baseRevision }),
    remove: (id, baseRevision) => t.call('agendaItem.delete', { id, baseRevision }),
    reorder: async (meetingId, ids) => (await t.call('agendaItem.reorder', { meetingId, ids })).map((r) => ({ text: r.title, position: r.position })),
  },
  {
    name: 'kesimpulan',
    create: (meetingId, text) => t.call('decision.create', { meetingId, text }),
    update: (id, baseRevision, text) => t.call('decision.update', { id, baseRevision, text }),
    failUpdate: (id, baseRevision, text) => t.fail('decision.update', { id, baseRevision, text }),
    failDelete: (id, baseRevision) => t.fail('decision.delete', { id, baseRevision }),
    updateNothing: (id, baseRevision) => t.call('decision.update', { id, baseRevision }),
    remove: (id, baseRevision) => t.call('decision.delete', { id, baseRevision }),
    reorder: async (meetingId, ids) => (await t.call('decision.reorder', { meetingId, ids })).map((r) => ({ text: r.text, position: r.position })),
  },
];

describe.each(lists)('$name rows', (list) => {
  it('refuse a stale edit or delete with the row as stored, writing nothing', async () => {
    const { meeting } = await klasterIII(t);
    const row = await list.create(meeting.id, 'Paparan capaian');
    const now = await list.update(row.id, row.revision, 'Paparan capaian Klaster III');
    const before = storedData(t);
    expect(await list.failUpdate(row.id, row.revision, 'Jendela lain')).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(await list.failDelete(row.id, row.revision)).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
  });

  it('mark only their rakor as changed when added or reordered', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const a = await list.create(meeting.id, 'Pertama');
    const b = await list.create(meeting.id, 'Kedua');
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T03:00:00.000Z');
    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    expect(await list.reorder(meeting.id, [b.id, a.id])).toEqual([{ text: 'Kedua', position: 1 }, { text: 'Pertama', position: 2 }]);
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T04:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });

  it('mark only their rakor as changed when a row is edited or deleted, not when an edit sends nothing', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const row = await list.create(meeting.id, 'Pertama');
    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    await list.update(row.id, row.revision, 'Pertama, diperbaiki');
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T04:00:00.000Z');
    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    await list.updateNothing(row.id, row.revision + 1);
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T04:00:00.000Z');
    vi.setSystemTime(new Date('2025-03-10T06:00:00Z'));
    await list.remove(row.id, row.revision + 1);
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T06:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });
});
