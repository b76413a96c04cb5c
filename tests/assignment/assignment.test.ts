import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('assignment', () => {
  it('sets lead and supporting agencies once per indicator, and suggests them for invitations', async () => {
    const { meeting, indicators } = await klasterIII(t);
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
