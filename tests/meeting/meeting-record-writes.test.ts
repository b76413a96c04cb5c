import { describe, expect, it, vi } from 'vitest';
import { t as msg } from '../../shared/messages';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// The writes on a rakor's own record (create, patch, delete, klaster, invitations): what the
// form's values become, the exact refusals (code, field, message) with nothing written, and the
// rakor marked as changed (only it) by the writes that do not go through a patch.

const t = backendPerTest();
const base = { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' };
const STALE = msg('error.stale');
const agencyUnknown = (path: string) => ({ code: 'VALIDATION', message: msg('field.agencyUnknown'), fields: [{ path, message: msg('field.agencyUnknown') }] });

describe('meeting.create', () => {
  it('stores the people and place without the spaces typed around them, and numbers the acara from 1', async () => {
    const m = await t.call('meeting.create', {
      ...base,
      place: '  Aula Bappeda ',
      chairName: ' Drs. H. Ahmad  ', chairPosition: ' Sekretaris Daerah ', chairRank: ' Pembina Utama Muda (IV/c) ',
      notulisName: '  Rina ', notulisPosition: ' Analis Kebijakan ', notulisRank: ' Penata (III/c) ',
      agenda: ['Pembukaan', 'Pembahasan indikator', 'Penutup'],
    });
    expect(m).toMatchObject({
      place: 'Aula Bappeda', chairName: 'Drs. H. Ahmad', chairPosition: 'Sekretaris Daerah', chairRank: 'Pembina Utama Muda (IV/c)',
      notulisName: 'Rina', notulisPosition: 'Analis Kebijakan', notulisRank: 'Penata (III/c)',
    });
    // The same numbering as a row added later or a reorder: 1, 2, 3, then 4.
    await t.call('agendaItem.create', { meetingId: m.id, title: 'Lain-lain' });
    const ws = await t.call('meeting.get', { id: m.id });
    expect(ws.agenda.map((a) => [a.position, a.title])).toEqual([[1, 'Pembukaan'], [2, 'Pembahasan indikator'], [3, 'Penutup'], [4, 'Lain-lain']]);
  });

  it('refuses an unknown klaster or invited agency next to its field, and saves nothing', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const before = storedData(t);
    const unknownCluster = msg('field.clusterUnknown', { code: 'VII' });
    expect(await t.fail('meeting.create', { ...base, clusterCodes: ['III', 'vii'] })).toEqual({
      code: 'VALIDATION', message: unknownCluster, fields: [{ path: 'clusterCodes', message: unknownCluster }],
    });
    expect(await t.fail('meeting.create', { ...base, invitedAgencyIds: [dinkes, 999_999] })).toEqual(agencyUnknown('invitedAgencyIds.1'));
    expect(storedData(t)).toBe(before);
  });
});

describe('meeting.update', () => {
  it('refuses an end before the stored start as a validation error on the end time', async () => {
    const m = await t.call('meeting.create', base);
    expect(await t.fail('meeting.update', { id: m.id, endTime: '08:00' })).toEqual({
      code: 'VALIDATION', message: msg('error.validation'), fields: [{ path: 'endTime', message: msg('field.endBeforeStart') }],
    });
  });

  it('with no field only checks the revision: the rakor as stored, or STALE with it', async () => {
    const m = await t.call('meeting.create', base);
    const now = await t.call('meeting.update', { id: m.id, baseRevision: m.revision, place: 'Aula' });
    const before = storedData(t);
    expect(await t.call('meeting.update', { id: m.id, baseRevision: now.revision })).toEqual(now);
    expect(await t.fail('meeting.update', { id: m.id, baseRevision: m.revision })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
  });
});

describe('meeting.delete', () => {
  it('refuses a delete based on an older revision with the rakor as stored, deleting nothing', async () => {
    const m = await t.call('meeting.create', base);
    const now = await t.call('meeting.update', { id: m.id, baseRevision: m.revision, place: 'Aula' });
    const before = storedData(t);
    expect(await t.fail('meeting.delete', { id: m.id, baseRevision: m.revision })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
    expect(await t.call('meeting.delete', { id: m.id, baseRevision: now.revision })).toMatchObject({ id: m.id });
  });
});

describe('meeting.years', () => {
  it('lists each year that has a rakor once, newest first', async () => {
    expect(await t.call('meeting.years', {})).toEqual([]);
    await t.call('meeting.create', { ...base, date: '2024-11-26' });
    await t.call('meeting.create', { ...base, date: '2025-01-10' });
    await t.call('meeting.create', { ...base, date: '2025-12-31' });
    await t.call('meeting.create', { ...base, date: '2023-02-01' });
    expect(await t.call('meeting.years', {})).toEqual([2025, 2024, 2023]);
  });
});

describe('klaster and invitations of a rakor', () => {
  it('mark only that rakor as changed', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    const [dinkes, dinsos] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'Dinsos')];

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    expect((await t.call('meeting.setClusters', { id: meeting.id, clusterCodes: ['III', 'IV'] })).clusterCodes).toEqual(['III', 'IV']);
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T03:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    expect(await t.call('meeting.setInvitations', { meetingId: meeting.id, agencyIds: [dinsos, dinkes], invited: true })).toEqual([dinkes, dinsos].sort((a, b) => a - b));
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T04:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    expect(await t.call('meeting.setInvitation', { meetingId: meeting.id, agencyId: dinkes, invited: false })).toEqual([dinsos]);
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T05:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });

  it('invite and uninvite one agency at a time; twice is the same as once', async () => {
    const { meeting } = await klasterIII(t);
    const [dinkes, dinsos] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'Dinsos')];
    const invite = (agencyId: number, invited: boolean) => t.call('meeting.setInvitation', { meetingId: meeting.id, agencyId, invited });
    expect(await invite(dinsos, true)).toEqual([dinsos]);
    expect(await invite(dinkes, true)).toEqual([dinkes, dinsos].sort((a, b) => a - b));
    expect(await invite(dinkes, true)).toEqual([dinkes, dinsos].sort((a, b) => a - b));
    expect(await invite(dinsos, false)).toEqual([dinkes]);
    expect(await invite(dinsos, false)).toEqual([dinkes]);
    expect((await t.call('meeting.get', { id: meeting.id })).invitedAgencyIds).toEqual([dinkes]);
  });

  it('refuse an unknown agency next to its field and write nothing', async () => {
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const before = storedData(t);
    expect(await t.fail('meeting.setInvitation', { meetingId: meeting.id, agencyId: 999_999, invited: true })).toEqual(agencyUnknown('agencyId'));
    expect(await t.fail('meeting.setInvitations', { meetingId: meeting.id, agencyIds: [dinkes, 999_999], invited: true })).toEqual(agencyUnknown('agencyIds.1'));
    expect(storedData(t)).toBe(before);
  });
});
