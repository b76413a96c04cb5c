import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { timeLimit } from '../support/time-limit';

// The fields of Papan indikator and an indicator's history that year-fixture.ts leaves alone,
// on a small regency with "today" pinned to Monday 30 June 2025 (10:00 WIB):
//   Rakor Maret 2025-03-03 (open, nothing followed up)  review X 60% not weak;
//     RTLs on X: t1 due today, t2 due tomorrow, t3 no date, t4 due yesterday (only t4 is overdue)
//   assignments on X: Dinkes lead, PUPR support; PUPR then set inactive. Y: nobody.

let t: TestBackend;
let x = 0;
let y = 0;
let meeting = 0;
const rtl: number[] = [];
const ag = { dinkes: 0, pupr: 0 };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-06-30T03:00:00Z'));
  t = openTestBackend();
  ag.dinkes = await agencyId(t, 'Dinkes');
  ag.pupr = await agencyId(t, 'PUPR');
  const m = await klasterIII(t, '2025-03-03', 'Rakor Maret');
  meeting = m.meeting.id;
  [x, y] = [m.indicators[0].id, m.indicators[1].id];
  await t.call('indicatorReview.upsert', { meetingId: meeting, indicatorId: x, achievement: '60%', isWeak: false });
  for (const [description, targetDate] of [['Jatuh tempo hari ini', '2025-06-30'], ['Jatuh tempo besok', '2025-07-01'], ['Tanpa tenggat', undefined], ['Lewat kemarin', '2025-06-29']] as const) {
    rtl.push((await t.call('actionItem.create', { meetingId: meeting, indicatorId: x, description, leadAgencyId: ag.dinkes, ...(targetDate ? { targetDate } : {}) })).id);
  }
  await t.call('assignment.set', { indicatorId: x, agencyId: ag.dinkes, role: 'lead' });
  await t.call('assignment.set', { indicatorId: x, agencyId: ag.pupr, role: 'support' });
  await t.edit('agency.update', { id: ag.pupr, active: false });
}, timeLimit(60_000));
afterAll(() => {
  t.close();
  vi.useRealTimers();
});

describe('reference.indicatorHistory details', () => {
  it('flags overdue only past the target date, and shows an RTL nobody followed up as agreed', async () => {
    const h = await t.call('reference.indicatorHistory', { indicatorId: x, year: 2025 });
    expect(h.year).toBe(2025);
    expect(h.meetings).toHaveLength(1);
    const [m] = h.meetings;
    expect([m.meetingId, m.title, m.date, m.fromSnapshot]).toEqual([meeting, 'Rakor Maret', '2025-03-03', false]);
    expect(m.review).toEqual({ achievement: '60%', score: null, isWeak: false, problem: '', recommendation: '' });
    expect(m.followUps).toEqual([]);
    expect(m.actions.map((a) => [a.id, a.description, a.targetDate, a.statusAtMeeting, a.currentStatus, a.overdue, a.events])).toEqual([
      [rtl[0], 'Jatuh tempo hari ini', '2025-06-30', 'belum', 'belum', false, []],
      [rtl[1], 'Jatuh tempo besok', '2025-07-01', 'belum', 'belum', false, []],
      [rtl[2], 'Tanpa tenggat', null, 'belum', 'belum', false, []],
      [rtl[3], 'Lewat kemarin', '2025-06-29', 'belum', 'belum', true, []],
    ]);
  });

  it('answers a year without rakor on the indicator with that year, and no year with null', async () => {
    expect(await t.call('reference.indicatorHistory', { indicatorId: x, year: 2024 })).toMatchObject({ year: 2024, meetings: [] });
    expect(await t.call('reference.indicatorHistory', { indicatorId: y })).toMatchObject({ year: null, meetings: [] });
  });
});

describe('reference.board details', () => {
  it('opens on the current year, marks an inactive agency, and lists nobody on an unassigned indicator', async () => {
    const board = await t.call('reference.board', {});
    expect(board.year).toBe(2025);
    const onX = board.indicators.find((i) => i.indicatorId === x)!;
    expect(onX.agencies.map((a) => [a.agencyId, a.role, a.active])).toEqual([[ag.dinkes, 'lead', true], [ag.pupr, 'support', false]]);
    expect(onX.actions).toEqual({ total: 4, open: 4, overdue: 1, done: 0 });
    expect(board.indicators.find((i) => i.indicatorId === y)!.agencies).toEqual([]);
  });
});
