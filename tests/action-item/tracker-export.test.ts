import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';
import { todayIso } from '../../shared/format';
import { TRACKER_HEADERS } from '../../src-main/core/export/tracker-workbook';

// The tracker and its exports against a small fixture worked out by hand (all Klaster III):
//   Januari 2025-01-10: A (indicator 11, lead Dinkes, related PUPR, due 2025-02-01, "Stunting", APBD murni)
//                       B (no indicator, due 2099-01-01)
//   Maret   2025-03-10: A -> proses "Tahap 1";  C (due 2025-04-01, lead DLH)
//   Juni    2025-06-10: A -> proses "Tahap 2"
//   September 2025-09-10: A -> selesai "Tuntas"; closed (B and C get their as-of status, belum,
//                       no notes), reopened, A changed there to proses "Belum tuntas".
// So A was reviewed in three meetings and a reopened one; now: A proses overdue (last update
// 2025-09-10 "Belum tuntas"), C belum overdue, B belum on time. 2024 holds no RTL.

let t: TestBackend;
const id: Record<string, number> = {};
const today = todayIso('WIB');
const daysSince = (iso: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

beforeAll(async () => {
  t = openTestBackend();
  const [dinkes, pupr, dlh] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'DLH')];
  const jan = await klasterIII(t, '2025-01-10', 'Rakor III Januari');
  id.jan = jan.meeting.id;
  id.indicator = jan.indicators[0].id;
  id.A = (await t.call('actionItem.create', {
    meetingId: jan.meeting.id, indicatorId: id.indicator, problem: 'Stunting', description: 'Pelatihan konselor ASI',
    leadAgencyId: dinkes, relatedAgencyIds: [pupr], targetDate: '2025-02-01', fundingSource: 'APBD murni',
  })).id;
  id.B = (await t.call('actionItem.create', { meetingId: jan.meeting.id, description: 'Forum anak desa', targetDate: '2099-01-01' })).id;
  const mar = await klasterIII(t, '2025-03-10', 'Rakor III Maret');
  await t.call('followUp.record', { actionItemId: id.A, meetingId: mar.meeting.id, status: 'proses', notes: 'Tahap 1' });
  id.C = (await t.call('actionItem.create', { meetingId: mar.meeting.id, description: 'Taman bermain', leadAgencyId: dlh, targetDate: '2025-04-01' })).id;
  const jun = await klasterIII(t, '2025-06-10', 'Rakor III Juni');
  await t.call('followUp.record', { actionItemId: id.A, meetingId: jun.meeting.id, status: 'proses', notes: 'Tahap 2' });
  const sep = await klasterIII(t, '2025-09-10', 'Rakor III September');
  id.sep = sep.meeting.id;
  await t.call('followUp.record', { actionItemId: id.A, meetingId: sep.meeting.id, status: 'selesai', notes: 'Tuntas' });
  await t.call('meeting.close', { id: sep.meeting.id, endTime: '12:00' });
  await t.call('meeting.reopen', { id: sep.meeting.id });
  await t.edit('followUp.record', { actionItemId: id.A, meetingId: sep.meeting.id, status: 'proses', notes: 'Belum tuntas' });
});
afterAll(() => t.close());

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

  it('a status set outside a meeting is recorded with its date and ends the overdue mark', async () => {
    const change = await t.call('followUp.setStatus', { actionItemId: id.C, status: 'selesai', notes: 'Taman dibuka' });
    expect(change.date).toBe(today);
    const late = await t.call('actionItem.track', { overdue: true });
    expect(late.rows.map((r) => r.id)).toEqual([id.A]);
    const done = await t.call('actionItem.track', { status: 'selesai' });
    expect(done.rows[0]).toMatchObject({ id: id.C, lastUpdateDate: today, lastUpdateNotes: 'Taman dibuka', overdue: false });
    expect(done.countsByStatus).toEqual({ belum: 1, proses: 1, selesai: 1 });
  });
});

async function readBack(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.getWorksheet('Tindak lanjut')!;
}

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

  it('.docx: the RTL matrix with the origin meeting, overdue rows marked, latest keterangan dated', async () => {
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
  });
});

describe('CLI export-rtl', () => {
  const root = path.resolve(__dirname, '../..');
  const cli = (...args: string[]) => spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('writes the filtered list as .xlsx and .docx, and refuses a wrong filter in Indonesian', async () => {
    t.backend.close();
    const xlsx = path.join(t.dir, 'rtl.xlsx');
    const run = cli('export-rtl', '--data-dir', t.dir, '--out', xlsx, '--terlambat', '--klaster', 'iii');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Daftar tindak lanjut disimpan');
    const sheet = await readBack(fs.readFileSync(xlsx).toString('base64'));
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(5).getCell(17).value).toBe(id.A);
    const docx = path.join(t.dir, 'rtl.docx');
    expect(cli('export-rtl', '--data-dir', t.dir, '--out', docx, '--rapat', String(id.jan)).status).toBe(0);
    const text = await docxText(new Uint8Array(fs.readFileSync(docx)));
    expect(text).toContain('Rapat asal: Rakor III Januari (10 Januari 2025)');
    expect(text).not.toContain('Taman bermain');
    const bad = cli('export-rtl', '--data-dir', t.dir, '--out', xlsx, '--status', 'tuntas');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr + bad.stdout).toMatch(/status/i);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const wrongName = cli('export-rtl', '--data-dir', t.dir, '--out', path.join(t.dir, 'rtl.pdf'));
    expect(wrongName.status).not.toBe(0);
    expect(wrongName.stderr + wrongName.stdout).toContain('.xlsx atau .docx');
  });
});
