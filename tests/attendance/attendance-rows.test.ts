import { describe, expect, it, vi } from 'vitest';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// A daftar hadir row as stored: typed text trimmed where the print needs it, the typed agency kept
// only when none was picked (and not cleared by an empty one), refusals that write nothing, and the
// rakor marked as changed exactly when its attendance changes.

const t = backendPerTest();
const stored = () => storedData(t);
const STALE = 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.';

describe('a daftar hadir row', () => {
  it('stores jabatan and typed instansi trimmed, and a typed instansi only when none is picked', async () => {
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const typed = await t.call('attendance.create', { meetingId: meeting.id, name: 'Pak Joko', jobTitle: '  Kepala Puskesmas  ', agencyText: '  Puskesmas Baamang  ' });
    expect(typed).toMatchObject({ jobTitle: 'Kepala Puskesmas', agencyId: null, agencyText: 'Puskesmas Baamang' });
    const picked = await t.call('attendance.create', { meetingId: meeting.id, name: 'dr. Sari', agencyId: dinkes, agencyText: 'Dinas Kesehatan Kab.' });
    expect(picked).toMatchObject({ agencyId: dinkes, agencyText: '' });
  });

  it('keeps the picked instansi when the typed one is emptied or another field changes', async () => {
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const a = await t.call('attendance.create', { meetingId: meeting.id, name: 'dr. Sari', agencyId: dinkes });
    expect(await t.edit('attendance.update', { id: a.id, name: 'dr. Sari Dewi' })).toMatchObject({ name: 'dr. Sari Dewi', agencyId: dinkes, agencyText: '' });
    expect(await t.edit('attendance.update', { id: a.id, agencyText: '' })).toMatchObject({ agencyId: dinkes, agencyText: '' });
    expect(await t.edit('attendance.update', { id: a.id, agencyText: '   ' })).toMatchObject({ agencyId: dinkes, agencyText: '   ' });
  });

  it('refuses an unknown instansi on edit and stale edits or deletes with the row as stored, writing nothing', async () => {
    const { meeting } = await klasterIII(t);
    const a = await t.call('attendance.create', { meetingId: meeting.id, name: 'Pak Joko', agencyText: 'Puskesmas Baamang' });
    const now = await t.call('attendance.update', { id: a.id, baseRevision: a.revision, present: false });
    const before = stored();
    expect(await t.fail('attendance.update', { id: a.id, agencyId: 99_999 })).toEqual({
      code: 'VALIDATION', message: 'Instansi tidak ditemukan.', fields: [{ path: 'agencyId', message: 'Instansi tidak ditemukan.' }],
    });
    expect(await t.fail('attendance.update', { id: a.id, baseRevision: a.revision, name: 'Joko' })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(await t.fail('attendance.delete', { id: a.id, baseRevision: a.revision })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(stored()).toBe(before);
  });

  it('marks only its own rakor as changed when a row is added, reordered or deleted', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    const stamp = (id: number) => rakorStamp(t, id);

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const a = await t.call('attendance.create', { meetingId: meeting.id, name: 'Pak Joko' });
    const b = await t.call('attendance.create', { meetingId: meeting.id, name: 'Bu Ani' });
    expect(await stamp(meeting.id)).toBe('2025-03-10T03:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    expect((await t.call('attendance.reorder', { meetingId: meeting.id, ids: [b.id, a.id] })).map((r) => [r.name, r.position])).toEqual([['Bu Ani', 1], ['Pak Joko', 2]]);
    expect(await stamp(meeting.id)).toBe('2025-03-10T04:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    await t.call('attendance.delete', { id: a.id });
    expect(await stamp(meeting.id)).toBe('2025-03-10T05:00:00.000Z');
    expect(await stamp(other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });
});
