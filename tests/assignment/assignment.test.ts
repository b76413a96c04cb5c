import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function klasterIII(date = '2025-03-10', title = 'Rakor Klaster III') {
  const m = await t.call('meeting.create', { title, clusterCodes: ['III'], date, startTime: '09:00' });
  const ws = await t.call('meeting.get', { id: m.id });
  return { meeting: m, indicators: ws.clusters[0].indicators };
}

describe('assignment', () => {
  it('sets lead and supporting agencies once per indicator, and suggests them for invitations', async () => {
    const { meeting, indicators } = await klasterIII();
    const [dinkes, pupr, dlh] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'DLH')];
    const air = indicators.find((i) => i.number === 15)!;
    await t.call('assignment.set', { indicatorId: air.id, agencyId: pupr, role: 'lead', meetingId: meeting.id });
    await t.call('assignment.set', { indicatorId: air.id, agencyId: dinkes, role: 'support', meetingId: meeting.id });
    await t.call('assignment.set', { indicatorId: air.id, agencyId: dlh, role: 'support', meetingId: meeting.id });
    const changed = await t.call('assignment.set', { indicatorId: air.id, agencyId: dlh, role: 'lead' });
    expect(changed).toMatchObject({ role: 'lead', meetingId: meeting.id });
    await t.call('assignment.remove', { indicatorId: air.id, agencyId: dinkes });
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.assignments.map((a) => [a.agencyId, a.role])).toEqual(expect.arrayContaining([[pupr, 'lead'], [dlh, 'lead']]));
    expect(ws.assignments).toHaveLength(2);
    expect(ws.suggestedAgencyIds).toEqual(expect.arrayContaining([pupr, dlh, dinkes]));
  });
});
