import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildYearFixture, JT, type YearFixture } from './year-fixture';
import { timeLimit } from '../support/time-limit';

// Papan indikator and one indicator's history against the hand-computed fixture (year-fixture.ts).

let f: YearFixture;
beforeAll(async () => {
  f = await buildYearFixture();
}, timeLimit(60_000));
afterAll(() => f.t.close());

describe('reference.board', () => {
  it('shows every indicator of the year with latest capaian, weak flag, agencies, RTLs and budget', async () => {
    const board = await f.t.call('reference.board', { year: 2025 });
    expect(board.year).toBe(2025);
    expect(board.indicators).toHaveLength(24);
    expect(board.clusters.map((c) => c.code)).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    expect(board.years).toEqual(expect.arrayContaining([2024, 2025]));
    const x = board.indicators.find((i) => i.indicatorId === f.ind.x)!;
    // The reopened Rakor III is the latest: its live (revised) row.
    expect(x).toMatchObject({
      clusterCode: 'III', number: 11, weak: false, meetings: 4,
      latest: { meetingId: f.m[3], meetingTitle: 'Rakor III 2025', meetingDate: '2025-08-15', achievement: '86% (revisi)', isWeak: false },
      // a1 open and overdue, a2 done; a0 belongs to 2024.
      actions: { total: 2, open: 1, overdue: 1, done: 1 },
      budget: { lines: 2, allocationSen: 300 * JT, realizationSen: 25 * JT, absorption: 25 / 300 },
    });
    expect(x.agencies.map((a) => [a.agencyId, a.role, a.name])).toEqual([[f.ag.dinkes, 'lead', f.names.dinkes], [f.ag.pupr, 'support', f.names.puprNew]]);
    const y = board.indicators.find((i) => i.indicatorId === f.ind.y)!;
    expect(y).toMatchObject({
      // Agreed at Rakor I, then listed (proses) at the closing of II, III and IV.
      number: 12, weak: false, meetings: 4, latest: { meetingId: f.m[1], achievement: '90%' },
      actions: { total: 1, open: 1, overdue: 0, done: 0 },
      budget: { lines: 1, allocationSen: 50 * JT, realizationSen: 50 * JT, absorption: 1 },
    });
    expect(y.agencies.map((a) => [a.agencyId, a.role])).toEqual([[f.ag.dinkes, 'support']]);
    const others = board.indicators.filter((i) => i.indicatorId !== f.ind.x && i.indicatorId !== f.ind.y);
    expect(others.every((i) => i.latest === null && i.meetings === 0 && i.actions.total === 0 && i.budget.lines === 0)).toBe(true);
  });

  it('reads 2024 on its own: weak X, its RTL a0 done by now, no budget', async () => {
    const x = (await f.t.call('reference.board', { year: 2024 })).indicators.find((i) => i.indicatorId === f.ind.x)!;
    expect(x).toMatchObject({
      weak: true, meetings: 1, latest: { meetingId: f.m[0], achievement: 'Capaian 2024', isWeak: true },
      actions: { total: 1, open: 0, overdue: 0, done: 1 }, budget: { lines: 0, allocationSen: 0, realizationSen: 0, absorption: null },
    });
  });

  it('answers an empty year with every indicator and nothing else', async () => {
    const board = await f.t.call('reference.board', { year: 2030 });
    expect(board.indicators).toHaveLength(24);
    for (const i of board.indicators) {
      expect(i).toMatchObject({ latest: null, weak: false, meetings: 0, actions: { total: 0, open: 0, overdue: 0, done: 0 }, budget: { lines: 0, absorption: null } });
    }
    // Assignments are per indicator of the reference set, so they show in any year using it.
    expect(board.indicators.find((i) => i.indicatorId === f.ind.x)!.agencies).toHaveLength(2);
  });
});

describe('reference.indicatorHistory', () => {
  it('lists every rakor of the year that discussed the indicator, closed ones as signed', async () => {
    const h = await f.t.call('reference.indicatorHistory', { indicatorId: f.ind.x, year: 2025 });
    expect(h.indicator).toMatchObject({ id: f.ind.x, number: 11, clusterCode: 'III' });
    expect(h.meetings.map((m) => [m.meetingId, m.fromSnapshot, m.status, m.minutesRevision])).toEqual([
      [f.m[1], true, 'selesai', 1], [f.m[2], true, 'selesai', 1], [f.m[3], false, 'berlangsung', 2], [f.m[4], true, 'selesai', 1],
    ]);
    const [m1, m2, m3, m4] = h.meetings;
    expect(m1.review).toEqual({ achievement: '70%', score: null, isWeak: true, problem: 'Data belum lengkap', recommendation: '' });
    expect(m1.followUps).toEqual([{ actionItemId: f.a[0], description: 'Pendataan ibu hamil', status: 'proses', notes: 'Sedang berjalan' }]);
    const [a1, a2] = m1.actions;
    // a1: never done, past its target; closing each later rakor recorded "belum" for it.
    expect(a1).toMatchObject({ id: f.a[1], leadAgencyName: f.names.dinkes, statusAtMeeting: 'belum', currentStatus: 'belum', overdue: true });
    expect(a1.events.map((e) => [e.meetingId, e.status])).toEqual([[f.m[2], 'belum'], [f.m[3], 'belum'], [f.m[4], 'belum']]);
    // a2: reviewed at three rakor; its agency's name as the signed rakor recorded it, not today's.
    expect(a2).toMatchObject({ id: f.a[2], leadAgencyName: f.names.puprOld, statusAtMeeting: 'belum', currentStatus: 'selesai', overdue: false });
    expect(a2.events).toEqual([
      { date: '2025-05-20', status: 'proses', notes: 'Survei lokasi', meetingId: f.m[2], meetingTitle: 'Rakor II 2025' },
      { date: '2025-08-15', status: 'proses', notes: 'Lahan siap', meetingId: f.m[3], meetingTitle: 'Rakor III 2025' },
      { date: '2025-10-01', status: 'selesai', notes: 'Sudah beroperasi', meetingId: f.m[4], meetingTitle: 'Rakor IV 2025' },
    ]);
    expect(m2.review?.achievement).toBe('80%');
    expect(m2.actions).toEqual([]);
    expect(m2.followUps.map((u) => [u.actionItemId, u.status, u.notes])).toEqual([[f.a[0], 'selesai', 'Selesai'], [f.a[1], 'belum', ''], [f.a[2], 'proses', 'Survei lokasi']]);
    // The reopened rakor shows what it says now.
    expect(m3.review?.achievement).toBe('86% (revisi)');
    expect(m4.review).toBeNull();
    expect(m4.followUps.map((u) => [u.actionItemId, u.status])).toEqual([[f.a[1], 'belum'], [f.a[2], 'selesai']]);
  });

  it('without a year reaches back to 2024; an unknown indicator is refused', async () => {
    const h = await f.t.call('reference.indicatorHistory', { indicatorId: f.ind.x });
    expect(h.year).toBeNull();
    expect(h.meetings.map((m) => m.meetingId)).toEqual(f.m);
    expect(h.meetings[0].actions.map((a) => [a.id, a.currentStatus, a.overdue])).toEqual([[f.a[0], 'selesai', false]]);
    expect((await f.t.call('reference.indicatorHistory', { indicatorId: f.ind.x, year: 2030 })).meetings).toEqual([]);
    expect((await f.t.fail('reference.indicatorHistory', { indicatorId: 999999 })).code).toBe('NOT_FOUND');
  });
});
