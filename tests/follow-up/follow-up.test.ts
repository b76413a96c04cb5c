import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

describe('tindak lanjut of earlier RTLs', () => {
  it('brings open RTLs of earlier meetings of the same cluster up for review and keeps the history', async () => {
    const first = await klasterIII(t, '2025-01-15', 'Rakor I');
    const other = await t.call('meeting.create', { title: 'Rakor IV', clusterCodes: ['IV'], date: '2025-01-20', startTime: '09:00' });
    const open1 = await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL terbuka 1' });
    const open2 = await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL terbuka 2', status: 'proses' });
    await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'RTL sudah selesai', status: 'selesai' });
    await t.call('actionItem.create', { meetingId: other.id, description: 'RTL klaster lain' });
    // An RTL of a pleno on a Klaster III indicator belongs to Klaster III too.
    const pleno = await t.call('meeting.create', { title: 'Pleno', clusterCodes: ['KL', 'IV'], date: '2025-01-25', startTime: '09:00' });
    const byIndicator = await t.call('actionItem.create', { meetingId: pleno.id, indicatorId: first.indicators[0].id, description: 'RTL indikator 11' });
    await t.call('meeting.close', { id: first.meeting.id, endTime: '12:00' });

    const second = await klasterIII(t, '2025-04-15', 'Rakor II');
    let ws = await t.call('meeting.get', { id: second.meeting.id });
    expect(ws.previousActions.map((a) => a.description)).toEqual(['RTL terbuka 1', 'RTL terbuka 2', 'RTL indikator 11']);
    expect(ws.previousActions[0]).toMatchObject({ meetingTitle: 'Rakor I', meetingDate: '2025-01-15', updates: [], reviewHere: null });

    await t.edit('followUp.record', { actionItemId: open1.id, meetingId: second.meeting.id, status: 'selesai' });
    await t.edit('followUp.record', { actionItemId: open1.id, meetingId: second.meeting.id, notes: 'Sudah terbit SK' });
    await t.edit('followUp.record', { actionItemId: open2.id, meetingId: second.meeting.id, notes: 'Menunggu anggaran perubahan' });
    ws = await t.call('meeting.get', { id: second.meeting.id });
    // Closed here, so still listed here (with this meeting's review) ...
    expect(ws.previousActions.find((a) => a.id === open1.id)).toMatchObject({ status: 'selesai', reviewHere: { status: 'selesai', notes: 'Sudah terbit SK' } });
    expect(ws.previousActions.find((a) => a.id === open2.id)).toMatchObject({ status: 'proses', reviewHere: { status: 'proses', notes: 'Menunggu anggaran perubahan' } });
    expect(ws.previousActions.find((a) => a.id === byIndicator.id)?.reviewHere).toBeNull();

    // ... and no longer open at the next one, where the history shows what changed when.
    const third = await klasterIII(t, '2025-07-15', 'Rakor III');
    await t.edit('followUp.record', { actionItemId: open2.id, meetingId: third.meeting.id, status: 'selesai', notes: 'Selesai' });
    ws = await t.call('meeting.get', { id: third.meeting.id });
    expect(ws.previousActions.map((a) => a.id)).toEqual([open2.id, byIndicator.id]);
    expect(ws.previousActions[0].updates.map((u) => [u.meetingTitle, u.status, u.notes])).toEqual([
      ['Rakor II', 'proses', 'Menunggu anggaran perubahan'],
      ['Rakor III', 'selesai', 'Selesai'],
    ]);
    expect((await t.call('followUp.history', { actionItemId: open2.id }))).toHaveLength(2);

    // Reviewing at the original meeting or at an earlier one is refused.
    expect(await t.fail('followUp.record', { actionItemId: byIndicator.id, meetingId: pleno.id, status: 'selesai' })).toEqual({
      code: 'VALIDATION', message: 'RTL ini berasal dari rapat ini; ubah statusnya langsung di daftar RTL.',
    });
    expect((await t.fail('followUp.record', { actionItemId: byIndicator.id, meetingId: first.meeting.id, status: 'selesai' })).code).toBe('CONFLICT');
    const earlier = await klasterIII(t, '2024-12-01', 'Rakor lama');
    expect(await t.fail('followUp.record', { actionItemId: open1.id, meetingId: earlier.meeting.id, status: 'belum' })).toEqual({
      code: 'VALIDATION', message: 'RTL hanya dapat ditinjau di rapat yang lebih baru dari rapat asalnya.',
    });
    // The original meeting is closed, but its RTLs are still reviewed elsewhere.
    expect((await t.fail('actionItem.update', { id: open1.id, status: 'belum' })).code).toBe('CONFLICT');
  });
  it('marks an RTL overdue at a rakor held after its target date, not at one held on that date', async () => {
    const first = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: first.meeting.id, description: 'SK tim PUSPAGA', targetDate: '2025-04-15' });
    const onTheDay = await klasterIII(t, '2025-04-15', 'Rakor II');
    const dayAfter = await klasterIII(t, '2025-04-16', 'Rakor III');
    const listed = async (meetingId: number) => (await t.call('meeting.get', { id: meetingId })).previousActions.find((a) => a.id === rtl.id);
    expect(await listed(onTheDay.meeting.id)).toMatchObject({ targetDate: '2025-04-15', status: 'belum', overdue: false });
    expect(await listed(dayAfter.meeting.id)).toMatchObject({ targetDate: '2025-04-15', status: 'belum', overdue: true });
  });
});
