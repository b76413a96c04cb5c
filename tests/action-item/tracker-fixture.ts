import ExcelJS from 'exceljs';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// The tracker's fixture, worked out by hand (all Klaster III):
//   Januari 2025-01-10: A (indicator 11, lead Dinkes, related PUPR, due 2025-02-01, "Stunting", APBD murni)
//                       B (no indicator, due 2099-01-01)
//   Maret   2025-03-10: A -> proses "Tahap 1";  C (due 2025-04-01, lead DLH)
//   Juni    2025-06-10: A -> proses "Tahap 2"
//   September 2025-09-10: A -> selesai "Tuntas"; closed (B and C get their as-of status, belum,
//                       no notes), reopened, A changed there to proses "Belum tuntas".
// So A was reviewed in three meetings and a reopened one; now: A proses overdue (last update
// 2025-09-10 "Belum tuntas"), C belum overdue, B belum on time. 2024 holds no RTL.

export async function buildTrackerFixture(): Promise<{ t: TestBackend; id: Record<string, number> }> {
  const t = openTestBackend();
  const id: Record<string, number> = {};
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
  return { t, id };
}

/** The "Tindak lanjut" sheet of an exported .xlsx, read back with ExcelJS. */
export async function trackerSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.getWorksheet('Tindak lanjut')!;
}
