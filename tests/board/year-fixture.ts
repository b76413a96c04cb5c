import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// The small regency the board and agency-recap tests compute by hand (money in rupiah x 100):
//   M0 2024-11-01 Rakor 2024 (closed)        review X weak; RTL a0 on X lead Dinkes, due 2025-01-31
//   M1 2025-02-10 Rakor I 2025 (closed)      invites Dinkes, PUPR, DLH; present Dinkes, DLH (PUPR's person absent)
//                                            reviews X 70% weak, Y 90%; RTLs a1 (X, Dinkes + PUPR, due 2025-06-30: overdue),
//                                            a2 (X, PUPR, due 2025-04-30), a3 (Y, DLH, due 2099-12-31, proses); a0 followed up: proses
//   M2 2025-05-20 Rakor II 2025 (closed)     review X 80%; a0 selesai, a2 proses; invites and hosts Dinkes
//   M3 2025-08-15 Rakor III 2025 (reopened)  review X 85%, then after "Buka kembali" 86% (revisi); a2 proses
//   M4 2025-10-01 Rakor IV 2025 (closed)     a2 selesai (a2 reviewed at three rakor)
//   budget 2025: Dinkes X 100 jt / 25 jt, Dinkes Y 50 jt / 50 jt, PUPR X 200 jt / 0; DLH none
//   assignments: Dinkes lead X, support Y; PUPR support X.  PUPR renamed after M1 closed.
// Closing a rakor records a follow-up (status as of then, no notes) for every open RTL it listed.

export const JT = 1_000_000 * 100;

export interface YearFixture {
  t: TestBackend;
  ag: { dinkes: number; pupr: number; dlh: number };
  names: { dinkes: string; puprOld: string; puprNew: string; dlh: string };
  ind: { x: number; y: number };
  m: number[];
  a: number[];
}

export async function buildYearFixture(): Promise<YearFixture> {
  const t = openTestBackend();
  const ag = { dinkes: await agencyId(t, 'Dinkes'), pupr: await agencyId(t, 'PUPR'), dlh: await agencyId(t, 'DLH') };
  const all = await t.call('agency.list', {});
  const nameOf = (id: number) => all.find((a) => a.id === id)!.name;
  const names = { dinkes: nameOf(ag.dinkes), puprOld: nameOf(ag.pupr), puprNew: 'Dinas PUPR dan Pertanahan', dlh: nameOf(ag.dlh) };

  const m0 = await klasterIII(t, '2024-11-01', 'Rakor 2024');
  const ind = { x: m0.indicators[0].id, y: m0.indicators[1].id };
  await t.call('assignment.set', { indicatorId: ind.x, agencyId: ag.dinkes, role: 'lead' });
  await t.call('assignment.set', { indicatorId: ind.y, agencyId: ag.dinkes, role: 'support' });
  await t.call('assignment.set', { indicatorId: ind.x, agencyId: ag.pupr, role: 'support' });
  await t.call('indicatorReview.upsert', { meetingId: m0.meeting.id, indicatorId: ind.x, achievement: 'Capaian 2024', isWeak: true });
  const a0 = (await t.call('actionItem.create', { meetingId: m0.meeting.id, indicatorId: ind.x, description: 'Pendataan ibu hamil', leadAgencyId: ag.dinkes, targetDate: '2025-01-31' })).id;
  await t.call('meeting.close', { id: m0.meeting.id, endTime: '12:00' });

  const m1 = (await klasterIII(t, '2025-02-10', 'Rakor I 2025')).meeting.id;
  await t.call('meeting.setInvitations', { meetingId: m1, agencyIds: [ag.dinkes, ag.pupr, ag.dlh], invited: true });
  await t.call('attendance.create', { meetingId: m1, name: 'dr. Rina', agencyId: ag.dinkes });
  await t.call('attendance.create', { meetingId: m1, name: 'Ir. Budi', agencyId: ag.pupr, present: false });
  await t.call('attendance.create', { meetingId: m1, name: 'Sri', agencyId: ag.dlh });
  await t.call('indicatorReview.upsert', { meetingId: m1, indicatorId: ind.x, achievement: '70%', isWeak: true, problem: 'Data belum lengkap' });
  await t.call('indicatorReview.upsert', { meetingId: m1, indicatorId: ind.y, achievement: '90%' });
  const a1 = (await t.call('actionItem.create', { meetingId: m1, indicatorId: ind.x, description: 'Kelas ibu hamil di tiap desa', leadAgencyId: ag.dinkes, relatedAgencyIds: [ag.pupr], targetDate: '2025-06-30' })).id;
  const a2 = (await t.call('actionItem.create', { meetingId: m1, indicatorId: ind.x, description: 'Rumah tunggu kelahiran', leadAgencyId: ag.pupr, targetDate: '2025-04-30' })).id;
  const a3 = (await t.call('actionItem.create', { meetingId: m1, indicatorId: ind.y, description: 'Taman gizi', leadAgencyId: ag.dlh, targetDate: '2099-12-31', status: 'proses' })).id;
  await t.call('followUp.record', { actionItemId: a0, meetingId: m1, status: 'proses', notes: 'Sedang berjalan' });
  await t.call('budgetLine.create', { agencyId: ag.dinkes, indicatorId: ind.x, fiscalYear: 2025, allocationSen: 100 * JT, realizationSen: 25 * JT, meetingId: m1, activityName: 'Pendampingan ibu hamil', subActivityCode: '1.02.02.2.02.0001', fundingSource: 'APBD murni' });
  await t.call('budgetLine.create', { agencyId: ag.dinkes, indicatorId: ind.y, fiscalYear: 2025, allocationSen: 50 * JT, realizationSen: 50 * JT, meetingId: m1, activityName: 'PMT balita', subActivityCode: '1.02.02.2.02.0002', fundingSource: 'DAK nonfisik' });
  await t.call('budgetLine.create', { agencyId: ag.pupr, indicatorId: ind.x, fiscalYear: 2025, allocationSen: 200 * JT, meetingId: m1, activityName: 'Rumah tunggu' });
  await t.call('meeting.close', { id: m1, endTime: '12:00' });
  await t.edit('agency.update', { id: ag.pupr, name: names.puprNew });

  const m2 = (await klasterIII(t, '2025-05-20', 'Rakor II 2025')).meeting.id;
  await t.call('meeting.setInvitations', { meetingId: m2, agencyIds: [ag.dinkes], invited: true });
  await t.call('attendance.create', { meetingId: m2, name: 'dr. Rina', agencyId: ag.dinkes });
  await t.call('indicatorReview.upsert', { meetingId: m2, indicatorId: ind.x, achievement: '80%' });
  await t.call('followUp.record', { actionItemId: a0, meetingId: m2, status: 'selesai', notes: 'Selesai' });
  await t.call('followUp.record', { actionItemId: a2, meetingId: m2, status: 'proses', notes: 'Survei lokasi' });
  await t.call('meeting.close', { id: m2, endTime: '12:00' });

  const m3 = (await klasterIII(t, '2025-08-15', 'Rakor III 2025')).meeting.id;
  await t.call('indicatorReview.upsert', { meetingId: m3, indicatorId: ind.x, achievement: '85%' });
  await t.call('followUp.record', { actionItemId: a2, meetingId: m3, status: 'proses', notes: 'Lahan siap' });
  await t.call('meeting.close', { id: m3, endTime: '12:00' });

  const m4 = (await klasterIII(t, '2025-10-01', 'Rakor IV 2025')).meeting.id;
  await t.call('followUp.record', { actionItemId: a2, meetingId: m4, status: 'selesai', notes: 'Sudah beroperasi' });
  await t.call('meeting.close', { id: m4, endTime: '12:00' });

  await t.call('meeting.reopen', { id: m3 });
  await t.edit('indicatorReview.upsert', { meetingId: m3, indicatorId: ind.x, achievement: '86% (revisi)' });

  return { t, ag, names, ind, m: [m0.meeting.id, m1, m2, m3, m4], a: [a0, a1, a2, a3] };
}
