import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// Tindak lanjut across all meetings, against a small fixture computed by hand:
//   r1  Rakor 2024 (III)      lead Dinkes, due 2024-06-01, belum; outside change 2025-02-01 proses -> proses, overdue
//   r2  Rakor I 2025 (III)    lead PUPR + Dinkes, due 2025-03-01; Rakor II 2025 follow-up selesai -> selesai
//   r3  Rakor I 2025 (III)    lead DLH, due 2099-12-31, proses, notes "taman bermain" -> proses
//   r4  Rakor I 2025 (III)    no lead, no indicator, no date -> belum
//   r5  Rakor IV 2025 (IV)    no lead, no indicator, no date -> belum

let t: TestBackend;
const r: Record<string, number> = {};
const names: Record<string, string> = {};
let meetingI2025 = 0;
let indicator = 0;

beforeAll(async () => {
  t = openTestBackend();
  const [dinkes, pupr, dlh] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'DLH')];
  for (const a of await t.call('agency.list', {})) names[a.id] = a.name;
  names.dinkes = names[dinkes];
  names.pupr = names[pupr];
  names.dlh = names[dlh];
  const m2024 = await klasterIII(t, '2024-03-01', 'Rakor 2024');
  indicator = m2024.indicators[0].id;
  r.r1 = (await t.call('actionItem.create', { meetingId: m2024.meeting.id, indicatorId: indicator, description: 'Pelatihan konselor', problem: 'Angka stunting tinggi', leadAgencyId: dinkes, targetDate: '2024-06-01' })).id;
  await t.call('meeting.close', { id: m2024.meeting.id, endTime: '12:00' });
  const m1 = await klasterIII(t, '2025-01-15', 'Rakor I 2025');
  meetingI2025 = m1.meeting.id;
  const ind2025 = m1.indicators[0].id;
  r.r2 = (await t.call('actionItem.create', { meetingId: m1.meeting.id, indicatorId: ind2025, description: 'Perbup KLA', leadAgencyId: pupr, relatedAgencyIds: [dinkes], targetDate: '2025-03-01' })).id;
  r.r3 = (await t.call('actionItem.create', { meetingId: m1.meeting.id, indicatorId: ind2025, description: 'Ruang bermain ramah anak', leadAgencyId: dlh, targetDate: '2099-12-31', status: 'proses', notes: 'Lokasi taman bermain' })).id;
  r.r4 = (await t.call('actionItem.create', { meetingId: m1.meeting.id, description: 'Forum anak desa' })).id;
  const m4 = await t.call('meeting.create', { title: 'Rakor IV 2025', clusterCodes: ['IV'], date: '2025-02-01', startTime: '09:00' });
  r.r5 = (await t.call('actionItem.create', { meetingId: m4.id, description: 'PAUD HI' })).id;
  await t.call('followUp.setStatus', { actionItemId: r.r1, status: 'proses', notes: 'Sosialisasi', date: '2025-02-01' });
  const m2 = await klasterIII(t, '2025-04-15', 'Rakor II 2025');
  await t.call('followUp.record', { actionItemId: r.r2, meetingId: m2.meeting.id, status: 'selesai', notes: 'Perbup terbit' });
});
afterAll(() => t.close());

const ids = (page: { rows: { id: number }[] }) => page.rows.map((row) => row.id);

describe('RTL tracker (actionItem.track)', () => {
  it('lists every RTL with its current status, counts and overdue flag', async () => {
    const all = await t.call('actionItem.track', {});
    expect(all.total).toBe(5);
    expect(all.countsByStatus).toEqual({ belum: 2, proses: 2, selesai: 1 });
    expect(all.overdueCount).toBe(1);
    // Default sort: target date, undated last.
    expect(ids(all)).toEqual([r.r1, r.r2, r.r3, r.r4, r.r5]);
    expect(all.rows[0]).toMatchObject({
      status: 'proses', overdue: true, meetingTitle: 'Rakor 2024', meetingDate: '2024-03-01', leadAgencyName: names.dinkes,
      relatedAgencyNames: [], lastUpdateDate: '2025-02-01', lastUpdateNotes: 'Sosialisasi', indicatorNumber: 11,
    });
    expect(all.rows[1]).toMatchObject({
      status: 'selesai', overdue: false, leadAgencyName: names.pupr, relatedAgencyNames: [names.dinkes],
      lastUpdateDate: '2025-04-15', lastUpdateNotes: 'Perbup terbit', meetingTitle: 'Rakor I 2025',
    });
    expect(all.rows[3]).toMatchObject({ status: 'belum', overdue: false, leadAgencyName: null, lastUpdateDate: null, indicatorNumber: null });
  });

  it('filters by year, and answers an empty year with zeros', async () => {
    const y2025 = await t.call('actionItem.track', { year: 2025 });
    expect(y2025.total).toBe(4);
    expect(y2025.countsByStatus).toEqual({ belum: 2, proses: 1, selesai: 1 });
    expect(await t.call('actionItem.track', { year: 2030 })).toEqual({ rows: [], total: 0, countsByStatus: { belum: 0, proses: 0, selesai: 0 }, overdueCount: 0 });
  });

  it('filters by status (counts stay those of the other filters), overdue, agency, meeting, klaster, indicator, text', async () => {
    const proses = await t.call('actionItem.track', { status: 'proses' });
    expect(ids(proses)).toEqual([r.r1, r.r3]);
    expect(proses.total).toBe(2);
    expect(proses.countsByStatus).toEqual({ belum: 2, proses: 2, selesai: 1 });
    const late = await t.call('actionItem.track', { overdue: true });
    expect([ids(late), late.total]).toEqual([[r.r1], 1]);
    expect((await t.call('actionItem.track', { overdue: true, status: 'belum' })).total).toBe(0);
    // Lead or related.
    expect(ids(await t.call('actionItem.track', { agencyId: await agencyId(t, 'Dinkes') }))).toEqual([r.r1, r.r2]);
    expect(ids(await t.call('actionItem.track', { meetingId: meetingI2025 }))).toEqual([r.r2, r.r3, r.r4]);
    // An RTL without indicator belongs to its meeting's klaster.
    expect(ids(await t.call('actionItem.track', { clusterCode: 'IV' }))).toEqual([r.r5]);
    expect(ids(await t.call('actionItem.track', { clusterCode: 'III' }))).toEqual([r.r1, r.r2, r.r3, r.r4]);
    // 2024 and 2025 share the reference set: one indicator.
    expect(ids(await t.call('actionItem.track', { indicatorId: indicator }))).toEqual([r.r1, r.r2, r.r3]);
    expect(ids(await t.call('actionItem.track', { search: 'STUNTING' }))).toEqual([r.r1]);
    expect(ids(await t.call('actionItem.track', { search: 'taman' }))).toEqual([r.r3]);
    expect((await t.call('actionItem.track', { search: '%' })).total).toBe(0);
  });

  it('sorts and pages', async () => {
    const page = await t.call('actionItem.track', { limit: 2, offset: 2 });
    expect([ids(page), page.total]).toEqual([[r.r3, r.r4], 5]);
    // Past the end: no rows, the same counts.
    expect(await t.call('actionItem.track', { offset: 10 })).toEqual({ rows: [], total: 5, countsByStatus: { belum: 2, proses: 2, selesai: 1 }, overdueCount: 1 });
    const lateProses = await t.call('actionItem.track', { status: 'proses', overdue: true, limit: 1 });
    expect([ids(lateProses), lateProses.total, lateProses.overdueCount]).toEqual([[r.r1], 1, 1]);
    expect(ids(await t.call('actionItem.track', { sort: 'originDate', descending: true }))).toEqual([r.r5, r.r2, r.r3, r.r4, r.r1]);
    expect(ids(await t.call('actionItem.track', { sort: 'status' }))).toEqual([r.r4, r.r5, r.r1, r.r3, r.r2]);
    const byLead = [
      [names.dinkes, r.r1], [names.pupr, r.r2], [names.dlh, r.r3],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map((x) => x[1]);
    expect(ids(await t.call('actionItem.track', { sort: 'agency' }))).toEqual([...byLead, r.r4, r.r5]);
  });
});
