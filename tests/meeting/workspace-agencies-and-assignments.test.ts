import { describe, expect, it, vi } from 'vitest';
import { t as msg } from '../../shared/messages';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// The agencies a rakor's workspace names (the pickers and the notulen read their names from it,
// a deactivated one included), gathered from every row that can name one; and the assignment
// writes: refusals with nothing written, and the rakor where an assignment was agreed marked as
// changed, the others not.

const t = backendPerTest();

const newAgency = async (name: string) => (await t.call('agency.create', { kind: 'opd', name, abbreviation: '' })).id;

describe('the agencies of a rakor\'s workspace', () => {
  it('come from invitations, attendance, budget lines, RTLs of this rakor and earlier ones; a deactivated one stays', async () => {
    // Each of these agencies is named by exactly one row, so leaving out any source loses it.
    const invited = await newAgency('Dinas Undangan');
    const attending = await newAgency('Dinas Hadir');
    const budgeted = await newAgency('Dinas Anggaran');
    const lead = await newAgency('Dinas Penanggung Jawab');
    const related = await newAgency('Dinas Terkait');
    const earlierLead = await newAgency('Dinas RTL Lalu');
    await newAgency('Dinas Tidak Disebut');

    const earlier = await klasterIII(t, '2025-01-10', 'Rakor Januari');
    await t.call('actionItem.create', { meetingId: earlier.meeting.id, description: 'RTL lama', leadAgencyId: earlierLead, targetDate: '2025-02-28' });
    await t.call('meeting.close', { id: earlier.meeting.id, endTime: '12:00' });

    const { meeting } = await klasterIII(t, '2025-03-10', 'Rakor Maret');
    await t.call('meeting.setInvitations', { meetingId: meeting.id, agencyIds: [invited], invited: true });
    await t.call('attendance.create', { meetingId: meeting.id, name: 'Sri', agencyId: attending });
    await t.call('attendance.create', { meetingId: meeting.id, name: 'Tamu tanpa instansi' });
    await t.call('budgetLine.create', { agencyId: budgeted, fiscalYear: 2025, allocationSen: 100, meetingId: meeting.id });
    await t.call('actionItem.create', { meetingId: meeting.id, description: 'RTL baru', leadAgencyId: lead, relatedAgencyIds: [related] });
    await t.edit('agency.update', { id: attending, active: false });

    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.previousActions.map((a) => a.description)).toEqual(['RTL lama']);
    const named = [invited, attending, budgeted, lead, related, earlierLead];
    const expected = [...new Set([...ws.suggestedAgencyIds, ...named])].sort((a, b) => a - b);
    expect(ws.agencies.map((a) => a.id)).toEqual(expected);
    expect(ws.agencies.find((a) => a.id === attending)).toEqual({ id: attending, name: 'Dinas Hadir', abbreviation: '', active: false });
    expect(ws.agencies.find((a) => a.id === lead)?.active).toBe(true);
  });
});

describe('assignment.set and assignment.remove', () => {
  it('refuse an unknown indicator or agency in Indonesian and write nothing', async () => {
    const { indicators } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const before = storedData(t);
    expect(await t.fail('assignment.set', { indicatorId: 999_999, agencyId: dinkes, role: 'lead' })).toMatchObject({
      code: 'VALIDATION', message: msg('field.indicatorUnknown'), fields: [{ path: 'indicatorId', message: msg('field.indicatorUnknown') }],
    });
    expect(await t.fail('assignment.set', { indicatorId: indicators[0].id, agencyId: 999_999, role: 'lead' })).toMatchObject({
      code: 'VALIDATION', message: msg('field.agencyUnknown'), fields: [{ path: 'agencyId', message: msg('field.agencyUnknown') }],
    });
    expect(await t.fail('assignment.remove', { indicatorId: indicators[0].id, agencyId: dinkes })).toMatchObject({ code: 'NOT_FOUND' });
    expect(storedData(t)).toBe(before);
  });

  it('mark as changed only the rakor where the assignment was agreed; remove answers what it removed', async () => {
    const { meeting, indicators, other } = await twoRakorAtFixedTime(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const stamp = (id: number) => rakorStamp(t, id);
    const [here, there] = [await stamp(meeting.id), await stamp(other.meeting.id)];

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const set = await t.call('assignment.set', { indicatorId: indicators[0].id, agencyId: dinkes, role: 'lead', meetingId: meeting.id });
    expect(set).toMatchObject({ indicatorId: indicators[0].id, agencyId: dinkes, role: 'lead', meetingId: meeting.id });
    expect(await stamp(meeting.id)).toBe('2025-03-10T03:00:00.000Z');
    expect(await stamp(other.meeting.id)).toBe(there);
    expect(here).toBe('2025-03-10T02:00:00.000Z');

    // Changed again outside any rakor: no rakor is touched, and the place of agreement stays.
    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    expect(await t.call('assignment.set', { indicatorId: indicators[0].id, agencyId: dinkes, role: 'support' })).toMatchObject({ role: 'support', meetingId: meeting.id });
    expect(await stamp(meeting.id)).toBe('2025-03-10T03:00:00.000Z');

    // The list without a filter holds every indicator's assignments, of any klaster.
    const pupr = await agencyId(t, 'PUPR');
    const elsewhere = (await t.call('reference.get', { year: 2025 })).clusters.find((c) => c.code === 'I')!.indicators[0].id;
    await t.call('assignment.set', { indicatorId: elsewhere, agencyId: pupr, role: 'lead' });
    expect((await t.call('assignment.list', {})).map((a) => [a.indicatorId, a.agencyId])).toEqual(
      [[indicators[0].id, dinkes], [elsewhere, pupr]].sort((a, b) => a[0] - b[0]),
    );
    expect(await t.call('assignment.remove', { indicatorId: elsewhere, agencyId: pupr })).toEqual({ indicatorId: elsewhere, agencyId: pupr });
    expect((await t.call('assignment.list', {})).map((a) => a.agencyId)).toEqual([dinkes]);
  });
});
