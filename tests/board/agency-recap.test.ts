import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildYearFixture, JT, type YearFixture } from './year-fixture';
import { timeLimit } from '../support/time-limit';

// Rekap per instansi against the hand-computed fixture (year-fixture.ts).

let f: YearFixture;
beforeAll(async () => {
  f = await buildYearFixture();
}, timeLimit(60_000));
afterAll(() => f.t.close());

describe('agency.recap', () => {
  it('Dinkes 2025: its indicators, one overdue RTL, two budget lines, two rakor attended of four', async () => {
    const r = await f.t.call('agency.recap', { agencyId: f.ag.dinkes, year: 2025 });
    expect(r.agency).toMatchObject({ id: f.ag.dinkes, name: f.names.dinkes, abbreviation: 'Dinkes', kind: 'opd', active: true });
    expect(r.indicators.map((i) => [i.indicatorId, i.number, i.role, i.weak, i.latest?.achievement])).toEqual([
      [f.ind.x, 11, 'lead', false, '86% (revisi)'], [f.ind.y, 12, 'support', false, '90%'],
    ]);
    expect(r.actionCounts).toEqual({ total: 1, open: 1, overdue: 1, done: 0 });
    expect(r.actions).toEqual([{
      id: f.a[1], description: 'Kelas ibu hamil di tiap desa', indicatorNumber: 11, meetingId: f.m[1], meetingTitle: 'Rakor I 2025',
      meetingDate: '2025-02-10', role: 'lead', targetDate: '2025-06-30', status: 'belum', overdue: true,
    }]);
    expect(r.budget).toEqual({ lines: 2, allocationSen: 150 * JT, realizationSen: 75 * JT, absorption: 0.5 });
    expect(r.budgetLines.map((b) => [b.subActivityCode, b.indicatorNumber, b.allocationSen, b.realizationSen, b.fundingSource])).toEqual([
      ['1.02.02.2.02.0001', 11, 100 * JT, 25 * JT, 'APBD murni'], ['1.02.02.2.02.0002', 12, 50 * JT, 50 * JT, 'DAK nonfisik'],
    ]);
    expect(r.meetings.map((m) => [m.meetingId, m.invited, m.present])).toEqual([[f.m[1], true, 1], [f.m[2], true, 1]]);
    expect([r.meetingsHeld, r.invitedTo, r.attended]).toEqual([4, 2, 2]);
  });

  it('PUPR 2025: lead and related RTLs, overdue first; invited but absent', async () => {
    const r = await f.t.call('agency.recap', { agencyId: f.ag.pupr, year: 2025 });
    expect(r.agency.name).toBe(f.names.puprNew);
    expect(r.indicators.map((i) => [i.number, i.role])).toEqual([[11, 'support']]);
    expect(r.actionCounts).toEqual({ total: 2, open: 1, overdue: 1, done: 1 });
    expect(r.actions.map((a) => [a.id, a.role, a.status, a.overdue])).toEqual([[f.a[1], 'related', 'belum', true], [f.a[2], 'lead', 'selesai', false]]);
    expect(r.budget).toEqual({ lines: 1, allocationSen: 200 * JT, realizationSen: 0, absorption: 0 });
    expect(r.meetings.map((m) => [m.meetingId, m.invited, m.present])).toEqual([[f.m[1], true, 0]]);
    expect([r.invitedTo, r.attended]).toEqual([1, 0]);
  });

  it('DLH 2025, an agency with no budget: no lines, absorption unknown', async () => {
    const r = await f.t.call('agency.recap', { agencyId: f.ag.dlh, year: 2025 });
    expect(r.indicators).toEqual([]);
    expect(r.budget).toEqual({ lines: 0, allocationSen: 0, realizationSen: 0, absorption: null });
    expect(r.budgetLines).toEqual([]);
    expect(r.actions.map((a) => [a.id, a.status, a.overdue])).toEqual([[f.a[3], 'proses', false]]);
    expect(r.actionCounts).toEqual({ total: 1, open: 1, overdue: 0, done: 0 });
    expect([r.invitedTo, r.attended]).toEqual([1, 1]);
  });

  it('an empty year: the indicators of the set, nothing else', async () => {
    const r = await f.t.call('agency.recap', { agencyId: f.ag.dinkes, year: 2030 });
    expect(r.indicators.map((i) => [i.number, i.latest])).toEqual([[11, null], [12, null]]);
    expect([r.actions, r.budgetLines, r.meetings, r.meetingsHeld, r.actionCounts.total, r.budget.absorption]).toEqual([[], [], [], 0, 0, null]);
    expect((await f.t.fail('agency.recap', { agencyId: 999999, year: 2025 })).code).toBe('NOT_FOUND');
  });
});
