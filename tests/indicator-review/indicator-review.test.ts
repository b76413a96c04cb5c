import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('indicator review', () => {
  it('creates the review on the first field and patches the rest', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const stunting = indicators.find((i) => i.number === 12)!;
    await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true });
    await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, problem: 'Prevalensi stunting 24,1%' });
    const r = await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: 42.5, achievement: '24,1%' });
    expect(r).toMatchObject({ isWeak: true, problem: 'Prevalensi stunting 24,1%', score: 42.5, achievement: '24,1%', recommendation: '' });
    expect((await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, score: -1 })).fields?.[0].message).toBe('Nilai harus antara 0 dan 1000.');
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.reviews).toHaveLength(1);
  });
});
