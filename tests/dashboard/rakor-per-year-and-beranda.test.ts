import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { todayIso } from '../../shared/format';

// Rakor per tahun and Beranda on a small fixture with hand-computed expectations: an empty year,
// a reopened meeting (held once, counted once), a pleno (counts for each of its klaster), RTLs
// overdue, done at their meeting, done outside a meeting, and due later.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('rakor per tahun', () => {
  it('counts held meetings per klaster: a reopened meeting once, a pleno for each klaster, drafts apart', async () => {
    const m1 = await klasterIII(t, '2025-01-10', 'Rakor III Januari');
    await t.call('meeting.close', { id: m1.meeting.id, endTime: '12:00' });
    const m2 = await klasterIII(t, '2025-03-10', 'Rakor III Maret');
    await t.call('meeting.close', { id: m2.meeting.id, endTime: '12:00' });
    await t.call('meeting.reopen', { id: m2.meeting.id });
    const pleno = await t.call('meeting.create', { title: 'Pleno', clusterCodes: ['KL', 'III'], date: '2025-05-10', startTime: '09:00' });
    await t.call('meeting.close', { id: pleno.id, endTime: '12:00' });
    const draft = await klasterIII(t, '2025-07-10', 'Rakor III Juli');
    const lastYear = await t.call('meeting.create', { title: 'Rakor II', clusterCodes: ['II'], date: '2024-12-31', startTime: '09:00' });
    await t.call('meeting.close', { id: lastYear.id, endTime: '12:00' });

    const y = await t.call('meeting.perYear', { year: 2025 });
    expect(y.expected).toBe(5);
    expect(y.heldTotal).toBe(3);
    expect(y.years).toEqual([2025, 2024]);
    expect(y.clusters.map((c) => [c.code, c.held, c.notHeld])).toEqual([['KL', 1, 0], ['I', 0, 0], ['II', 0, 0], ['III', 3, 1], ['IV', 0, 0], ['V', 0, 0]]);
    const iii = y.clusters.find((c) => c.code === 'III')!;
    expect(iii.meetings.map((m) => [m.id, m.status, m.held])).toEqual([
      [m1.meeting.id, 'selesai', true], [m2.meeting.id, 'berlangsung', true], [pleno.id, 'selesai', true], [draft.meeting.id, 'draf', false],
    ]);
    expect(iii.meetsExpectation).toBe(false);

    // Two more held: five, more than four a year, meets the instrument's expectation.
    for (const date of ['2025-09-10', '2025-11-10']) {
      const m = await klasterIII(t, date);
      await t.call('meeting.close', { id: m.meeting.id, endTime: '12:00' });
    }
    const after = (await t.call('meeting.perYear', { year: 2025 })).clusters.find((c) => c.code === 'III')!;
    expect([after.held, after.meetsExpectation]).toEqual([5, true]);
  });

  it('answers an empty year with every klaster at zero', async () => {
    const y = await t.call('meeting.perYear', { year: 2030 });
    expect(y.heldTotal).toBe(0);
    expect(y.years).toEqual([]);
    expect(y.clusters).toHaveLength(6);
    expect(y.clusters.every((c) => c.held === 0 && c.notHeld === 0 && c.meetings.length === 0 && !c.meetsExpectation)).toBe(true);
  });
});

describe('Beranda (dashboard.home)', () => {
  it('is empty and says so on a fresh install', async () => {
    const d = await t.call('dashboard.home', {});
    expect(d.score).toBeNull();
    expect(d.budget).toBeNull();
    expect(d.upcoming).toEqual([]);
    expect(d.actions).toEqual({ open: 0, overdue: 0, byStatus: { belum: 0, proses: 0, selesai: 0 } });
    expect(d.weak.flatMap((c) => c.indicators)).toEqual([]);
    expect(d.noMeetings).toBe(true);
    expect(d.today).toBe(todayIso('WIB'));
  });

  it('counts open and overdue RTLs, lists upcoming deadlines, weak indicators, budget absorption and the latest score', async () => {
    const today = todayIso('WIB');
    const Y = Number(today.slice(0, 4));
    await t.edit('regionProfile.update', { targetPredikat: 'Nindya', targetYear: Y + 1 });
    const a = await klasterIII(t, `${Y}-01-10`, 'Rakor A');
    const [i11, i12] = a.indicators;
    const dinkes = await agencyId(t, 'Dinkes');
    const rtl = (description: string, targetDate: string, status: 'belum' | 'proses' | 'selesai' = 'belum') =>
      t.call('actionItem.create', { meetingId: a.meeting.id, description, targetDate, status, indicatorId: i11.id, leadAgencyId: dinkes });
    await rtl('Terlambat', `${Y - 1}-12-01`);
    await rtl('Selesai di rapat', `${Y - 1}-12-01`, 'selesai');
    const later = await rtl('Nanti belum', `${Y + 1}-02-01`);
    const soon = await rtl('Nanti proses', `${Y + 1}-01-15`, 'proses');
    const doneOutside = await rtl('Nanti tapi sudah selesai', `${Y + 1}-01-01`);
    await t.call('indicatorReview.upsert', { meetingId: a.meeting.id, indicatorId: i11.id, isWeak: true });
    await t.call('indicatorReview.upsert', { meetingId: a.meeting.id, indicatorId: i12.id, isWeak: true });
    await t.call('meeting.close', { id: a.meeting.id, endTime: '12:00' });
    await t.call('followUp.setStatus', { actionItemId: doneOutside.id, status: 'selesai', date: today });
    // A later rakor finds indicator 12 no longer weak: only 11 stays on the tile.
    const b = await klasterIII(t, `${Y}-02-10`, 'Rakor B');
    await t.call('indicatorReview.upsert', { meetingId: b.meeting.id, indicatorId: i12.id, isWeak: false });
    await t.call('budgetLine.create', { agencyId: dinkes, fiscalYear: Y, allocationSen: 100_000_000_00, realizationSen: 25_000_000_00 });
    await t.call('budgetLine.create', { agencyId: dinkes, fiscalYear: Y, allocationSen: 50_000_000_00, realizationSen: 50_000_000_00 });
    await t.call('budgetLine.create', { agencyId: dinkes, fiscalYear: Y - 1, allocationSen: 10_00, realizationSen: 0 });
    await t.call('score.set', { year: Y - 1, stage: 'EM', total: 650 });

    const d = await t.call('dashboard.home', {});
    expect(d.actions).toEqual({ open: 3, overdue: 1, byStatus: { belum: 2, proses: 1, selesai: 2 } });
    // The same counts as the tracker's own (Beranda reads them without the tracker's joins).
    const tracked = await t.call('actionItem.track', {});
    expect([tracked.countsByStatus, tracked.overdueCount]).toEqual([d.actions.byStatus, d.actions.overdue]);
    expect(d.upcoming.map((u) => [u.id, u.description, u.status, u.indicatorNumber, u.leadAgencyName])).toEqual([
      [soon.id, 'Nanti proses', 'proses', 11, 'Dinas Kesehatan'],
      [later.id, 'Nanti belum', 'belum', 11, 'Dinas Kesehatan'],
    ]);
    const weak = d.weak.find((c) => c.code === 'III')!;
    expect(weak.indicators.map((w) => [w.number, w.meetingId])).toEqual([[11, a.meeting.id]]);
    expect(d.weak.filter((c) => c.code !== 'III').flatMap((c) => c.indicators)).toEqual([]);
    expect(d.budget).toEqual({ fiscalYear: Y, lines: 2, allocationSen: 150_000_000_00, realizationSen: 75_000_000_00, absorption: 0.5 });
    expect(d.score).toMatchObject({ year: Y - 1, awardYear: Y, latest: { stage: 'EM', total: 650, predikat: 'Madya' }, gap: { target: 'Nindya', targetMin: 701, gap: 51, reached: false } });
    expect(d.rakor.clusters.find((c) => c.code === 'III')).toMatchObject({ held: 1, notHeld: 1 });
    expect(d.noMeetings).toBe(false);
  });
});
