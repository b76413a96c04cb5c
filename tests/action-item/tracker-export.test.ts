import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/meeting-helpers';
import { buildTrackerFixture, trackerSheet } from './tracker-fixture';
import { docxText } from '../support/docx-read';
import { todayIso } from '../../shared/format';
import { TRACKER_HEADERS } from '../../src-main/core/export/tracker-workbook';

// The tracker and its exports against the fixture of tracker-fixture.ts (worked out by hand
// there). The command line's export-rtl is in tests/cli/export-rtl.test.ts.

let t: TestBackend;
let id: Record<string, number>;
const today = todayIso('WIB');
const daysSince = (iso: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

beforeAll(async () => {
  ({ t, id } = await buildTrackerFixture());
});
afterAll(() => t.close());

/** A test that writes gets a fixture of its own: the others (and a mutation run's single test)
 * read the shared one as tracker-fixture.ts describes it, in any order. */
async function withOwnFixture(body: (t: TestBackend, id: Record<string, number>) => Promise<void>): Promise<void> {
  const own = await buildTrackerFixture();
  try {
    await body(own.t, own.id);
  } finally {
    own.t.close();
  }
}

/** C marked selesai outside a meeting, today, with the note "Taman dibuka". */
const finishC = (t: TestBackend, id: Record<string, number>) => t.call('followUp.setStatus', { actionItemId: id.C, status: 'selesai', notes: 'Taman dibuka' });

describe('tracker on the hand-computed fixture', () => {
  it('derives each RTL status from its latest record, marks overdue ones, counts per status', async () => {
    const all = await t.call('actionItem.track', {});
    expect(all.rows.map((r) => r.id)).toEqual([id.A, id.C, id.B]);
    expect(all.total).toBe(3);
    expect(all.countsByStatus).toEqual({ belum: 2, proses: 1, selesai: 0 });
    expect(all.overdueCount).toBe(2);
    expect(all.rows[0]).toMatchObject({ status: 'proses', overdue: true, lastUpdateDate: '2025-09-10', lastUpdateNotes: 'Belum tuntas', clusterCode: 'III', indicatorNumber: 11 });
    // Closing September gave B and C an explicit as-of record there (belum, no notes).
    expect(all.rows[1]).toMatchObject({ status: 'belum', overdue: true, lastUpdateDate: '2025-09-10', lastUpdateNotes: '' });
    expect(all.rows[2]).toMatchObject({ status: 'belum', overdue: false, clusterCode: null });
    const history = await t.call('followUp.history', { actionItemId: id.A });
    expect(history.map((u) => [u.meetingDate, u.status, u.notes])).toEqual([
      ['2025-03-10', 'proses', 'Tahap 1'], ['2025-06-10', 'proses', 'Tahap 2'], ['2025-09-10', 'proses', 'Belum tuntas'],
    ]);
  });

  it('answers an empty year with zeros', async () => {
    expect(await t.call('actionItem.track', { year: 2024 })).toEqual({ rows: [], total: 0, countsByStatus: { belum: 0, proses: 0, selesai: 0 }, overdueCount: 0 });
  });

  it('a status set outside a meeting is recorded with its date and ends the overdue mark', () => withOwnFixture(async (t, id) => {
    const change = await finishC(t, id);
    expect(change.date).toBe(today);
    const late = await t.call('actionItem.track', { overdue: true });
    expect(late.rows.map((r) => r.id)).toEqual([id.A]);
    const done = await t.call('actionItem.track', { status: 'selesai' });
    expect(done.rows[0]).toMatchObject({ id: id.C, lastUpdateDate: today, lastUpdateNotes: 'Taman dibuka', overdue: false });
    expect(done.countsByStatus).toEqual({ belum: 1, proses: 1, selesai: 1 });
  }));
});

const readBack = (base64: string) => trackerSheet(Buffer.from(base64, 'base64'));

describe('exports of the filtered list', () => {
  it('.xlsx: one row per RTL in the tracker order, dates as dates and numbers as numbers', async () => {
    const file = await t.call('export.tracker', { format: 'xlsx', clusterCode: 'III', status: 'proses' });
    expect(file.fileName).toBe(`Tindak lanjut RTL ${today}.xlsx`);
    const sheet = await readBack(file.base64);
    expect(sheet.getCell('A2').value).toMatch(/^Klaster III · Status: Proses — keadaan per /);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([...TRACKER_HEADERS]);
    const row = sheet.getRow(5);
    const cells = (row.values as unknown[]).slice(1);
    const indicator = (await t.call('actionItem.track', { indicatorId: id.indicator })).rows[0].indicatorName;
    expect(cells).toEqual([
      1, 'Rakor III Januari', new Date('2025-01-10T00:00:00Z'), 'Klaster III', `11. ${indicator}`, 'Stunting', 'Pelatihan konselor ASI',
      expect.stringMatching(/Kesehatan/), expect.stringMatching(/Pekerjaan Umum/), new Date('2025-02-01T00:00:00Z'), 'APBD murni', 'Proses',
      daysSince('2025-02-01'), new Date('2025-09-10T00:00:00Z'), 'Belum tuntas', '', id.A,
    ]);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(13).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(17).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.rowCount).toBe(5);
  });

  it('.xlsx of an empty year holds the headings only', async () => {
    const sheet = await readBack((await t.call('export.tracker', { format: 'xlsx', year: 2024 })).base64);
    expect(sheet.getCell('A2').value).toMatch(/^Tahun rapat 2024 — /);
    expect(sheet.rowCount).toBe(4);
  });

  it('.docx: the RTL matrix with the origin meeting, overdue rows marked, latest keterangan dated', () => withOwnFixture(async (t, id) => {
    await finishC(t, id);
    const file = await t.call('export.tracker', { format: 'docx', sort: 'originDate' });
    expect(file.fileName).toBe(`Tindak lanjut RTL ${today}.docx`);
    const text = await docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
    expect(text).toContain('MATRIKS RENCANA TINDAK LANJUT (RTL) GUGUS TUGAS KLA');
    expect(text).toContain('Semua RTL');
    expect(text).toContain('3 RTL');
    for (const header of ['Rapat asal', 'Klaster/Indikator', 'Uraian tindak lanjut', 'Penanggung jawab', 'Target waktu', 'Keterangan']) expect(text).toContain(header);
    // Origin order: Januari (A, B), then Maret (C).
    const a = text.indexOf('Pelatihan konselor ASI');
    const b = text.indexOf('Forum anak desa');
    const c = text.indexOf('Taman bermain');
    expect(a).toBeGreaterThan(0);
    expect(a < b && b < c).toBe(true);
    expect(text.slice(a, b)).toContain('Terlambat');
    expect(text.slice(a, b)).toContain('10 September 2025: Belum tuntas');
    expect(text.slice(b, c)).not.toContain('Terlambat');
    expect(text.slice(c)).toContain(`Taman dibuka`);
  }));
});
