import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('rencana tindak lanjut (action items)', () => {
  it('adds RTLs with lead and related agencies and edits them in place', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const [dinkes, pupr, bappeda] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'Bappeda')];
    const a = await t.call('actionItem.create', {
      meetingId: meeting.id, indicatorId: indicators[4].id, problem: 'Akses air minum 78%', description: 'Usulkan SPAM perdesaan',
      leadAgencyId: pupr, relatedAgencyIds: [dinkes, bappeda], targetDate: '2025-12-31',
    });
    // Pihak terkait keep the order chosen.
    expect(a).toMatchObject({ status: 'belum', relatedAgencyIds: [dinkes, bappeda] });
    const u = await t.edit('actionItem.update', { id: a.id, status: 'proses', relatedAgencyIds: [dinkes] });
    expect(u).toMatchObject({ status: 'proses', relatedAgencyIds: [dinkes], description: 'Usulkan SPAM perdesaan' });
    expect((await t.fail('actionItem.create', { meetingId: meeting.id, description: ' ' })).fields?.[0].path).toBe('description');
    expect((await t.fail('actionItem.update', { id: a.id, targetDate: '2025-02-30' })).fields?.[0].message).toBe('Tanggal tidak valid.');
    expect((await t.call('meeting.list', {}))[0].actionCount).toBe(1);
    await t.call('actionItem.delete', { id: a.id });
    expect((await t.call('meeting.get', { id: meeting.id })).actions).toEqual([]);
  });
});
