import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { statusAsOf } from '../../src-main/core/follow-up/status';
import type { Meeting } from '../../shared/meeting';

// An RTL's status changed outside any meeting (the tracker's inline update) is one more row of
// its append-only history, dated: it counts for every meeting on or after its date, never for
// one before, and never rewrites what a meeting recorded.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

/** The status of each RTL as of each meeting, read straight from the file. */
function asOf(actionId: number, meetings: Meeting[]): string[] {
  const db = new Database(path.join(t.dir, 'rakor-kla.sqlite'), { readonly: true });
  try {
    return meetings.map((m) => statusAsOf(db, actionId, m));
  } finally {
    db.close();
  }
}

describe('status change outside a meeting', () => {
  it('counts for meetings on or after its date only, in an RTL reviewed in three meetings', async () => {
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Perbup KLA', targetDate: '2025-03-01' });
    await t.call('meeting.close', { id: a.meeting.id, endTime: '12:00' });

    const b = await klasterIII(t, '2025-04-15', 'Rakor II');
    let ws = await t.call('meeting.get', { id: b.meeting.id });
    // Due 1 March, still open on 15 April: overdue as of Rakor II.
    expect(ws.previousActions.find((p) => p.id === rtl.id)).toMatchObject({ status: 'belum', overdue: true });
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: b.meeting.id, status: 'proses', notes: 'Draf di bagian hukum' });
    await t.call('meeting.close', { id: b.meeting.id, endTime: '12:00' });

    // Between meetings the secretariat hears it went back to square one.
    const change = await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'belum', notes: 'Draf dikembalikan', date: '2025-05-10' });
    expect(change).toMatchObject({ actionItemId: rtl.id, date: '2025-05-10', status: 'belum', notes: 'Draf dikembalikan' });

    const c = await klasterIII(t, '2025-07-15', 'Rakor III');
    ws = await t.call('meeting.get', { id: c.meeting.id });
    expect(ws.previousActions.find((p) => p.id === rtl.id)).toMatchObject({ status: 'belum', overdue: true, reviewHere: null });
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: c.meeting.id, status: 'proses' });
    await t.call('meeting.close', { id: c.meeting.id, endTime: '12:00' });

    const d = await klasterIII(t, '2025-10-15', 'Rakor IV');
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: d.meeting.id, status: 'selesai', notes: 'Perbup terbit' });
    ws = await t.call('meeting.get', { id: d.meeting.id });
    // Done here: no longer overdue as of Rakor IV.
    expect(ws.previousActions.find((p) => p.id === rtl.id)).toMatchObject({ status: 'selesai', overdue: false });

    // Hand-computed: own belum; B proses; change 10 May belum; C proses; D selesai.
    expect(asOf(rtl.id, [a.meeting, b.meeting, c.meeting, d.meeting])).toEqual(['belum', 'proses', 'proses', 'selesai']);
    // A meeting between the change and Rakor III sees the change.
    const between = await t.call('meeting.create', { title: 'Rakor sela', clusterCodes: ['IV'], date: '2025-06-01', startTime: '09:00' });
    expect(asOf(rtl.id, [between])).toEqual(['belum']);

    expect(await t.call('followUp.statusChanges', { actionItemId: rtl.id })).toEqual([change]);
    // The meeting history is untouched: three reviews.
    expect((await t.call('followUp.history', { actionItemId: rtl.id })).map((u) => u.status)).toEqual(['proses', 'proses', 'selesai']);
  });

  it('counts a change dated on a meeting day for that meeting, before its own review', async () => {
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Ruang laktasi' });
    await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2025-04-15' });
    const b = await klasterIII(t, '2025-04-15', 'Rakor II');
    expect(asOf(rtl.id, [a.meeting, b.meeting])).toEqual(['belum', 'proses']);
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: b.meeting.id, status: 'selesai' });
    expect(asOf(rtl.id, [b.meeting])).toEqual(['selesai']);
  });

  it('leaves a reopened meeting with what it recorded, and the current status with the change', async () => {
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Data terpilah', targetDate: '2025-02-01' });
    const b = await klasterIII(t, '2025-11-01', 'Rakor II');
    await t.call('meeting.close', { id: b.meeting.id, endTime: '12:00' });
    await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'selesai', notes: 'Dashboard data terbit' });
    await t.call('meeting.reopen', { id: b.meeting.id });
    const ws = await t.call('meeting.get', { id: b.meeting.id });
    // Close gave it an explicit follow-up (belum): the change of today comes after it.
    expect(ws.previousActions.find((p) => p.id === rtl.id)).toMatchObject({ status: 'belum', overdue: true, reviewHere: { status: 'belum' } });
    const tracked = await t.call('actionItem.track', {});
    expect(tracked.rows.find((r) => r.id === rtl.id)).toMatchObject({ status: 'selesai', overdue: false, lastUpdateNotes: 'Dashboard data terbit' });
  });

  it('refuses a date before the origin meeting, on or before its last review, or in the future', async () => {
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Perbup KLA' });
    expect(await t.fail('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2025-01-14' })).toEqual({
      code: 'VALIDATION', message: 'Tanggal perubahan status tidak boleh sebelum tanggal rapat asal RTL.',
    });
    expect(await t.fail('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2999-01-01' })).toEqual({
      code: 'VALIDATION', message: 'Tanggal perubahan status tidak boleh melewati hari ini.',
    });
    const b = await klasterIII(t, '2025-04-15', 'Rakor II');
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: b.meeting.id, status: 'proses' });
    expect(await t.fail('followUp.setStatus', { actionItemId: rtl.id, status: 'selesai', date: '2025-04-15' })).toEqual({
      code: 'VALIDATION', message: 'RTL ini sudah ditinjau di rapat tanggal 15 April 2025; perubahan status di luar rapat harus bertanggal sesudahnya.',
    });
    expect(await t.call('followUp.statusChanges', { actionItemId: rtl.id })).toEqual([]);
  });

  it('accepts a change dated on the day of the RTL own rakor', async () => {
    // Agreed in the morning rakor, done by the afternoon of the same day.
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Kirim undangan Forum Anak' });
    const change = await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'selesai', date: '2025-01-15' });
    expect(change).toMatchObject({ actionItemId: rtl.id, date: '2025-01-15', status: 'selesai' });
    expect(await t.call('followUp.statusChanges', { actionItemId: rtl.id })).toEqual([change]);
  });

  it('goes to Terhapus with its RTL and comes back with it', async () => {
    const a = await klasterIII(t, '2025-01-15', 'Rakor I');
    const rtl = await t.call('actionItem.create', { meetingId: a.meeting.id, description: 'Perbup KLA' });
    const change = await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2025-02-01' });
    await t.call('actionItem.delete', { id: rtl.id });
    const [entry] = await t.call('trash.list', {});
    await t.call('trash.restore', { id: entry.id });
    expect(await t.call('followUp.statusChanges', { actionItemId: rtl.id })).toEqual([change]);
  });
});
