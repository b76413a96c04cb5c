import { describe, expect, it } from 'vitest';
import { backendPerTest } from '../support/backend-per-test';

// Two rakor of one cluster on one day (a morning and an afternoon session): the RTLs of the one
// held first come up for review at the other, never the other way round. Which one was held
// first follows the start times, whatever order the secretariat entered them in; at the same
// start time the one entered first counts as held first.

const t = backendPerTest();
const DAY = '2025-03-10';
const LATER_ONLY = { code: 'VALIDATION', message: 'RTL hanya dapat ditinjau di rapat yang lebih baru dari rapat asalnya.' };

const rakor = (title: string, startTime: string) => t.call('meeting.create', { title, clusterCodes: ['III'], date: DAY, startTime });
const rtl = (meetingId: number, description: string) => t.call('actionItem.create', { meetingId, description });
const listedAt = async (meetingId: number) => (await t.call('meeting.get', { id: meetingId })).previousActions.map((a) => a.description);

type Rakor = { id: number; title: string };

/** `earlier` held before `later`: its RTL is listed and reviewable at `later`, not the other way round. */
async function expectReviewedOnlyLater(earlier: Rakor, later: Rakor) {
  const fromEarlier = await rtl(earlier.id, `RTL ${earlier.title}`);
  const fromLater = await rtl(later.id, `RTL ${later.title}`);
  expect(await listedAt(later.id)).toEqual([`RTL ${earlier.title}`]);
  expect(await listedAt(earlier.id)).toEqual([]);
  expect(await t.call('followUp.record', { actionItemId: fromEarlier.id, meetingId: later.id, status: 'proses' }))
    .toMatchObject({ actionItemId: fromEarlier.id, meetingId: later.id, meetingTitle: later.title, status: 'proses' });
  expect(await t.fail('followUp.record', { actionItemId: fromLater.id, meetingId: earlier.id, status: 'proses' })).toEqual(LATER_ONLY);
  expect(await t.call('followUp.history', { actionItemId: fromLater.id })).toEqual([]);
}

describe('reviewing an RTL at another rakor of the same day', () => {
  it('follows the start times, not the order the rakor were entered in', async () => {
    // The afternoon session was entered first, the morning one afterwards.
    const afternoon = await rakor('Rakor Klaster III sesi siang', '13:00');
    const morning = await rakor('Rakor Klaster III sesi pagi', '09:00');
    await expectReviewedOnlyLater(morning, afternoon);
  });

  it('takes the rakor entered first as held first when both start at the same time', async () => {
    const first = await rakor('Rakor Klaster III', '09:00');
    const second = await rakor('Rakor Klaster III lanjutan', '09:00');
    await expectReviewedOnlyLater(first, second);
  });
});
