import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// The current status of an RTL is its latest event (follow-up/status.ts: LATEST_EVENT, a max over
// one sort key). Ties that the key must break like EVENT_ORDER_DESC: two meetings on one date
// are ordered by start time before id; an outside change on a meeting's date comes before it.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const current = async (id: number) => (await t.call('actionItem.track', { limit: 500 })).rows.find((r) => r.id === id)!.status;

describe('latest status event', () => {
  it('on one date, the later start time wins over the higher id', async () => {
    const a = await klasterIII(t, '2025-01-10', 'Rakor A');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Ruang laktasi' });
    await t.call('meeting.close', { id: a.meeting.id, endTime: '12:00' });
    // Created first (lower id) but held later in the day.
    const afternoon = await klasterIII(t, '2025-02-10', 'Rakor sore');
    await t.call('meeting.update', { id: afternoon.meeting.id, startTime: '13:00', baseRevision: afternoon.meeting.revision });
    const morning = await klasterIII(t, '2025-02-10', 'Rakor pagi');
    await t.call('meeting.update', { id: morning.meeting.id, startTime: '08:00', baseRevision: morning.meeting.revision });
    expect(afternoon.meeting.id).toBeLessThan(morning.meeting.id);
    await t.call('followUp.record', { meetingId: morning.meeting.id, actionItemId: rtl.id, status: 'proses' });
    await t.call('followUp.record', { meetingId: afternoon.meeting.id, actionItemId: rtl.id, status: 'selesai' });
    expect(await current(rtl.id)).toBe('selesai');
  });

  it("a meeting's follow-up on the date of an outside change comes after it", async () => {
    const a = await klasterIII(t, '2025-01-10', 'Rakor A');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Perbup KLA' });
    await t.call('meeting.close', { id: a.meeting.id, endTime: '12:00' });
    await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'selesai', date: '2025-03-01' });
    const b = await klasterIII(t, '2025-03-01', 'Rakor B');
    await t.call('followUp.record', { meetingId: b.meeting.id, actionItemId: rtl.id, status: 'proses' });
    expect(await current(rtl.id)).toBe('proses');
  });
});
