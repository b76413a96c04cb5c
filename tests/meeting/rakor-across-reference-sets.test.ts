import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { klasterIII } from '../support/meeting-helpers';
import { backendPerTest } from '../support/backend-per-test';

// A rakor and the indicator set (reference year) its klaster belong to: it keeps the set it was
// made on when a newer set arrives; a copy dated in a year with its own set moves to that set,
// or keeps the original set when that year's set lacks the klaster; Rakor per tahun still shows
// such a rakor, under its own code.

const t = backendPerTest();

/** The seeded 2022 set (in force until a newer one) imported as 2026's, with Klaster III's code renamed K3. */
async function set2026WithoutKlasterIII() {
  const file = await t.call('reference.exportXlsx', { year: 2022 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  workbook.getWorksheet('Indikator')!.eachRow((row) => {
    if (row.getCell(1).value === 'III') row.getCell(1).value = 'K3';
  });
  const base64 = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
  const set = await t.call('reference.importXlsx', { year: 2026, base64 });
  expect(set.clusters.map((c) => c.code)).toEqual(['KL', 'I', 'II', 'K3', 'IV', 'V']);
}

const indicatorIds = async (meetingId: number) => (await t.call('meeting.get', { id: meetingId })).clusters.flatMap((c) => c.indicators.map((i) => i.id));
const setIndicatorIds = async (year: number, code: string) =>
  (await t.call('reference.get', { year })).clusters.find((c) => c.code === code)!.indicators.map((i) => i.id);

describe('the reference set of a rakor', () => {
  it('stays the one its klaster come from when a newer set is added', async () => {
    const { meeting } = await klasterIII(t, '2026-02-02', 'Rakor awal 2026');
    expect(meeting.referenceYear).toBe(2022);
    await t.call('reference.createYear', { year: 2026 });
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.meeting.referenceYear).toBe(2022);
    expect(await indicatorIds(meeting.id)).toEqual(await setIndicatorIds(2022, 'III'));
  });

  it('of a rakor left without klaster rows (an older or hand-mended database) is the set in force for its date', async () => {
    const { meeting } = await klasterIII(t, '2026-02-02', 'Rakor tanpa klaster');
    await t.call('reference.createYear', { year: 2026 });
    // No operation of this version leaves a rakor without klaster; a database can.
    t.backend.db.prepare('DELETE FROM meeting_cluster WHERE meeting_id = ?').run(meeting.id);
    const ws = await t.call('meeting.get', { id: meeting.id });
    expect(ws.meeting).toMatchObject({ clusterCodes: [], referenceYear: 2026 });
  });

  it('of a copy dated in a year with its own set is that year\'s set', async () => {
    const { meeting } = await klasterIII(t, '2025-11-10', 'Rakor November');
    await t.call('reference.createYear', { year: 2026 });
    const copy = await t.call('meeting.duplicate', { id: meeting.id, date: '2026-01-12' });
    expect(copy).toMatchObject({ date: '2026-01-12', referenceYear: 2026, clusterCodes: ['III'] });
    expect(await indicatorIds(copy.id)).toEqual(await setIndicatorIds(2026, 'III'));
  });

  it('of a copy stays the original\'s when the new year\'s set lacks the klaster; Rakor per tahun lists it under its code', async () => {
    const { meeting } = await klasterIII(t, '2025-11-10', 'Rakor November');
    await set2026WithoutKlasterIII();
    const copy = await t.call('meeting.duplicate', { id: meeting.id, date: '2026-01-12' });
    expect(copy).toMatchObject({ date: '2026-01-12', referenceYear: 2022, clusterCodes: ['III'] });
    expect(await indicatorIds(copy.id)).toEqual(await setIndicatorIds(2022, 'III'));

    const year = await t.call('meeting.perYear', { year: 2026 });
    expect(year.clusters.map((c) => [c.code, c.name, c.held, c.notHeld])).toEqual([
      ['KL', 'Kelembagaan', 0, 0], ['I', expect.any(String), 0, 0], ['II', expect.any(String), 0, 0], ['K3', 'Kesehatan Dasar dan Kesejahteraan', 0, 0],
      ['IV', expect.any(String), 0, 0], ['V', expect.any(String), 0, 0], ['III', 'III', 0, 1],
    ]);
    expect(year.clusters[6].meetings).toEqual([{ id: copy.id, title: 'Rakor November', date: '2026-01-12', status: 'draf', held: false }]);
  });
});
