import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { timeLimit } from '../support/time-limit';

// Beranda's weak-indicator tile across reference sets, and a budget year without pagu, with
// "today" pinned to 30 June 2025:
//   2025 set: the 2022 set with indicator 11 renamed "Nama 11 versi 2025" and indicator 13 moved
//   from Klaster III to Klaster IV.
//   Rakor 2024-04-01 (2022 set, Klaster III): 13, 12 and 11 weak (recorded in that order).
//   Budget 2025: one line with pagu 0 and realisasi 0.
// The tile names today's indicators: 11 and 12 under III with their 2025 ids (11 by its new name);
// 13 belonged to III when it was weak and is not in III any more, so it shows nowhere.

let t: TestBackend;
let meeting = 0;
const ids2025: Record<number, number> = {};

async function set2025(): Promise<string> {
  const file = await t.call('reference.exportXlsx', { year: 2022 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Indikator')!;
  const ivName = sheet.getColumn(1).values.findIndex((v) => v === 'IV');
  sheet.eachRow((row) => {
    if (row.getCell(3).value === 11 && row.getCell(4).value === '') row.getCell(5).value = 'Nama 11 versi 2025';
    if (row.getCell(3).value === 13) {
      row.getCell(1).value = 'IV';
      row.getCell(2).value = sheet.getRow(ivName).getCell(2).value;
    }
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-06-30T03:00:00Z'));
  t = openTestBackend();
  const m = await klasterIII(t, '2024-04-01', 'Rakor 2024');
  meeting = m.meeting.id;
  for (const n of [13, 12, 11]) {
    await t.call('indicatorReview.upsert', { meetingId: meeting, indicatorId: m.indicators.find((i) => i.number === n)!.id, isWeak: true });
  }
  const set = await t.call('reference.importXlsx', { year: 2025, base64: await set2025() });
  for (const c of set.clusters) for (const i of c.indicators) ids2025[i.number] = i.id;
  expect(set.clusters.find((c) => c.code === 'IV')!.indicators.map((i) => i.number)).toContain(13);
  await t.call('budgetLine.create', { agencyId: await agencyId(t, 'Dinkes'), fiscalYear: 2025, allocationSen: 0, realizationSen: 0 });
}, timeLimit(60_000));
afterAll(() => {
  t.close();
  vi.useRealTimers();
});

describe('dashboard.home', () => {
  it('names weak indicators as today\'s set does, under the klaster they were weak in', async () => {
    const d = await t.call('dashboard.home', {});
    expect(d.weak.find((c) => c.code === 'III')!.indicators).toEqual([
      { indicatorId: ids2025[11], number: 11, name: 'Nama 11 versi 2025', meetingId: meeting, meetingDate: '2024-04-01' },
      expect.objectContaining({ indicatorId: ids2025[12], number: 12, meetingId: meeting }),
    ]);
    expect(d.weak.filter((c) => c.code !== 'III').flatMap((c) => c.indicators)).toEqual([]);
  });

  it('leaves absorption unknown when the year has no pagu', async () => {
    expect((await t.call('dashboard.home', {})).budget).toEqual({ fiscalYear: 2025, lines: 1, allocationSen: 0, realizationSen: 0, absorption: null });
  });
});
