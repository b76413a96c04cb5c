import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { timeLimit } from '../support/time-limit';

// Tindak lanjut filters combined and spelled oddly, on a fixture computed by hand:
//   Rakor 2024 (III, 2024-05-02)   s1 "Cakupan 100% desa", indicator 11, lead Dinkes, due 2024-12-31, belum
//   Rakor 2025 (III, 2025-05-02)   s2 "Cakupan 1000 desa", indicator 11, lead Dinkes, due 2025-01-31, selesai
//                                  s3 "Kode_A posyandu",   indicator 12, lead PUPR, due 2099-12-31, proses
//                                  s4 "Forum anak",        no indicator, lead Dinkes, no date, belum

let t: TestBackend;
const s: Record<string, number> = {};
let dinkes = 0;
let meeting2025 = 0;

beforeAll(async () => {
  t = openTestBackend();
  dinkes = await agencyId(t, 'Dinkes');
  const pupr = await agencyId(t, 'PUPR');
  const m24 = await klasterIII(t, '2024-05-02', 'Rakor 2024');
  const [i11, i12] = m24.indicators;
  s.s1 = (await t.call('actionItem.create', { meetingId: m24.meeting.id, indicatorId: i11.id, description: 'Cakupan 100% desa', leadAgencyId: dinkes, targetDate: '2024-12-31' })).id;
  const m25 = (await klasterIII(t, '2025-05-02', 'Rakor 2025')).meeting.id;
  meeting2025 = m25;
  s.s2 = (await t.call('actionItem.create', { meetingId: m25, indicatorId: i11.id, description: 'Cakupan 1000 desa', leadAgencyId: dinkes, targetDate: '2025-01-31', status: 'selesai' })).id;
  s.s3 = (await t.call('actionItem.create', { meetingId: m25, indicatorId: i12.id, description: 'Kode_A posyandu', leadAgencyId: pupr, targetDate: '2099-12-31', status: 'proses' })).id;
  s.s4 = (await t.call('actionItem.create', { meetingId: m25, description: 'Forum anak', leadAgencyId: dinkes })).id;
}, timeLimit(60_000));
afterAll(() => t.close());

const ids = (page: { rows: { id: number }[] }) => page.rows.map((row) => row.id);

describe('actionItem.track filters', () => {
  it('combines a year with an agency, in the counts as in the rows', async () => {
    const page = await t.call('actionItem.track', { year: 2025, agencyId: dinkes });
    expect(ids(page)).toEqual([s.s2, s.s4]);
    expect([page.total, page.countsByStatus, page.overdueCount]).toEqual([2, { belum: 1, proses: 0, selesai: 1 }, 0]);
  });

  it('keeps the status order within a year (belum, proses, selesai)', async () => {
    expect(ids(await t.call('actionItem.track', { year: 2025, sort: 'status' }))).toEqual([s.s4, s.s3, s.s2]);
    expect(ids(await t.call('actionItem.track', { meetingId: meeting2025, sort: 'status' }))).toEqual([s.s4, s.s3, s.s2]);
  });

  it('filters by indicator number across years', async () => {
    expect(ids(await t.call('actionItem.track', { indicatorNumber: 11 }))).toEqual([s.s1, s.s2]);
    expect(ids(await t.call('actionItem.track', { indicatorNumber: 12 }))).toEqual([s.s3]);
  });

  it('searches the words as typed: % and _ literal, spaces around ignored', async () => {
    expect(ids(await t.call('actionItem.track', { search: '100%' }))).toEqual([s.s1]);
    expect(ids(await t.call('actionItem.track', { search: '  Cakupan 100%  ' }))).toEqual([s.s1]);
    expect(ids(await t.call('actionItem.track', { search: 'e_A' }))).toEqual([s.s3]);
    expect(ids(await t.call('actionItem.track', { search: 'Kod_' }))).toEqual([]);
  });
});
