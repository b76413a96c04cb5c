import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';

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

describe('indicator review', () => {
  it('creates the review on the first field and patches the rest', async () => {
    const { meeting, indicators } = await klasterIII();
    const stunting = indicators.find((i) => i.number === 12)!;
    await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true });
    await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, problem: 'Prevalensi stunting 24,1%' });
    const r = await t.call('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: 42.5, achievement: '24,1%' });
    expect(r).toMatchObject({ isWeak: true, problem: 'Prevalensi stunting 24,1%', score: 42.5, achievement: '24,1%', recommendation: '' });
    expect((await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: -1 })).fields?.[0].message).toBe('Nilai harus antara 0 dan 1000.');
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.reviews).toHaveLength(1);
  });
});
