import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { followUpWindowStart } from '../../src-main/core/follow-up/repository';

// A meeting's Tindak lanjut tab lists the open RTLs of its clusters from the last 12 months
// (plus any it already reviewed), so it stays the same size however long the history is; the
// older ones are in the tracker.

describe('the 12-month window of a meeting Tindak lanjut tab', () => {
  it('starts on the same day a year earlier, clamped to the month end', () => {
    expect(followUpWindowStart('2026-03-10')).toBe('2025-03-10');
    expect(followUpWindowStart('2024-02-29')).toBe('2023-02-28');
    expect(followUpWindowStart('2026-01-01')).toBe('2025-01-01');
    // Always YYYY-MM-DD, as the stored dates it is compared with as text: the year keeps four digits.
    expect(followUpWindowStart('1000-06-15')).toBe('0999-06-15');
  });

  let t: TestBackend;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    t = openTestBackend();
    const before = await klasterIII(t, '2025-03-09', 'Di luar jendela');
    const edge = await klasterIII(t, '2025-03-10', 'Tepat 12 bulan');
    id.out = (await t.call('actionItem.create', { meetingId: before.meeting.id, description: 'Lama' })).id;
    id.outReviewed = (await t.call('actionItem.create', { meetingId: before.meeting.id, description: 'Lama, ditinjau' })).id;
    id.edge = (await t.call('actionItem.create', { meetingId: edge.meeting.id, description: 'Tepat' })).id;
    id.done = (await t.call('actionItem.create', { meetingId: edge.meeting.id, description: 'Sudah selesai', status: 'selesai' })).id;
    const now = await klasterIII(t, '2026-03-10', 'Rapat sekarang');
    id.now = now.meeting.id;
    await t.call('followUp.record', { actionItemId: id.outReviewed, meetingId: now.meeting.id, status: 'proses' });
  });
  afterAll(() => t.close());

  it('lists the open RTLs from the window and the ones reviewed here, not older or done ones', async () => {
    const ws = await t.call('meeting.get', { id: id.now });
    expect(ws.previousActions.map((a) => a.description)).toEqual(['Lama, ditinjau', 'Tepat']);
    // The older one is still in the tracker.
    expect((await t.call('actionItem.track', { clusterCode: 'III', status: 'belum' })).rows.map((r) => r.description)).toContain('Lama');
  });
});
