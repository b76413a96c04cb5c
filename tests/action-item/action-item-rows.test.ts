import { describe, expect, it, vi } from 'vitest';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// An RTL's row as the backend stores it: each refusal names the field and writes nothing, an
// edit of the related agencies alone still counts as an edit, and the rakor is marked as changed
// exactly when its RTLs change.

const t = backendPerTest();
const stored = () => storedData(t);
const agencyUnknown = (path: string) => ({ code: 'VALIDATION', message: 'Instansi tidak ditemukan.', fields: [{ path, message: 'Instansi tidak ditemukan.' }] });
const indicatorUnknown = { code: 'VALIDATION', message: 'Indikator tidak ditemukan.', fields: [{ path: 'indicatorId', message: 'Indikator tidak ditemukan.' }] };

describe('an RTL row', () => {
  it('refuses an unknown indicator, lead, related agency or budget line by field, writing nothing', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const before = stored();
    const base = { meetingId: meeting.id, description: 'Usulkan SPAM perdesaan' };
    expect(await t.fail('actionItem.create', { ...base, indicatorId: 99_999 })).toEqual(indicatorUnknown);
    expect(await t.fail('actionItem.create', { ...base, leadAgencyId: 99_999 })).toEqual(agencyUnknown('leadAgencyId'));
    expect(await t.fail('actionItem.create', { ...base, relatedAgencyIds: [dinkes, 99_999] })).toEqual(agencyUnknown('relatedAgencyIds.1'));
    expect(await t.fail('actionItem.create', { ...base, budgetLineId: 99_999 })).toEqual({
      code: 'VALIDATION', message: 'Baris anggaran tidak ditemukan di rapat ini.',
      fields: [{ path: 'budgetLineId', message: 'Baris anggaran tidak ditemukan di rapat ini.' }],
    });
    expect(stored()).toBe(before);

    const a = await t.call('actionItem.create', { ...base, indicatorId: indicators[0].id });
    const afterCreate = stored();
    expect(await t.fail('actionItem.update', { id: a.id, indicatorId: 99_999 })).toEqual(indicatorUnknown);
    expect(await t.fail('actionItem.update', { id: a.id, leadAgencyId: 99_999 })).toEqual(agencyUnknown('leadAgencyId'));
    expect(await t.fail('actionItem.update', { id: a.id, relatedAgencyIds: [99_999] })).toEqual(agencyUnknown('relatedAgencyIds.0'));
    expect(await t.fail('actionItem.update', { id: 99_999, baseRevision: 1, status: 'proses' })).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' });
    expect(stored()).toBe(afterCreate);
  });

  it('stores the sumber dana trimmed and answers a stale edit with the row as stored', async () => {
    const { meeting } = await klasterIII(t);
    const a = await t.call('actionItem.create', { meetingId: meeting.id, description: 'Usulkan SPAM', fundingSource: '  APBD Provinsi  ' });
    expect(a.fundingSource).toBe('APBD Provinsi');
    const now = await t.call('actionItem.update', { id: a.id, baseRevision: a.revision, notes: 'Dibahas ulang' });
    const before = stored();
    const stale = await t.fail('actionItem.update', { id: a.id, baseRevision: a.revision, notes: 'Jendela lain' });
    expect(stale).toEqual({ code: 'STALE', message: 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.', current: now });
    expect(stored()).toBe(before);
  });

  it('counts a change of the related agencies as one edit, with or without other fields, and marks the rakor as changed', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    const [dinkes, pupr] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR')];
    const stamp = (id: number) => rakorStamp(t, id);

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const a = await t.call('actionItem.create', { meetingId: meeting.id, description: 'Usulkan SPAM', relatedAgencyIds: [pupr] });
    expect(a).toMatchObject({ revision: 1, createdAt: '2025-03-10T03:00:00.000Z', updatedAt: '2025-03-10T03:00:00.000Z' });
    expect(await stamp(meeting.id)).toBe('2025-03-10T03:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    const listOnly = await t.call('actionItem.update', { id: a.id, baseRevision: 1, relatedAgencyIds: [dinkes, pupr] });
    expect(listOnly).toMatchObject({ revision: 2, updatedAt: '2025-03-10T04:00:00.000Z', relatedAgencyIds: [dinkes, pupr] });
    expect(await stamp(meeting.id)).toBe('2025-03-10T04:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    const both = await t.call('actionItem.update', { id: a.id, baseRevision: 2, status: 'proses', relatedAgencyIds: [pupr] });
    expect(both).toMatchObject({ revision: 3, status: 'proses', updatedAt: '2025-03-10T05:00:00.000Z', relatedAgencyIds: [pupr] });
    expect(await stamp(meeting.id)).toBe('2025-03-10T05:00:00.000Z');
    expect(await stamp(other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });

  it('refuses to delete an RTL followed up elsewhere, naming every such rakor by date', async () => {
    const { meeting } = await klasterIII(t);
    const a = await t.call('actionItem.create', { meetingId: meeting.id, description: 'Usulkan SPAM' });
    const refusal = (meetings: string) =>
      ({ code: 'CONFLICT', message: `RTL ini tidak dapat dihapus: sudah ditindaklanjuti di ${meetings}. Menghapusnya akan mengubah catatan rapat tersebut.` });
    const later = [
      await klasterIII(t, '2025-04-14', 'Rakor April'),
      await klasterIII(t, '2025-05-12', 'Rakor Mei'),
      await klasterIII(t, '2025-06-16', 'Rakor Juni'),
    ];
    const names = ['"Rakor April" (Senin, 14 April 2025)', '"Rakor Mei" (Senin, 12 Mei 2025)', '"Rakor Juni" (Senin, 16 Juni 2025)'];
    const expected = ['', names[0], `${names[0]} dan ${names[1]}`, `${names[0]}, ${names[1]} dan ${names[2]}`];
    for (let n = 1; n <= 3; n++) {
      await t.call('followUp.record', { actionItemId: a.id, meetingId: later[n - 1].meeting.id, status: 'proses' });
      const before = stored();
      expect(await t.fail('actionItem.delete', { id: a.id })).toEqual(refusal(expected[n]));
      expect(stored()).toBe(before);
    }
  });
});
