import { describe, expect, it, vi } from 'vitest';
import { klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// A follow-up (the review of an earlier rakor's RTL at a later one) as the backend stores it:
// the answer to a write is the row as stored, a window that never saw the row or saw an older
// revision is refused with the row as it is now, the rakor where it was recorded is marked as
// changed (and no other), and the history of an RTL that is gone is NOT_FOUND, not empty.

const t = backendPerTest();
const STALE = 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.';
const NOT_FOUND = { code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' };
/** Straight to the backend: the test helpers would add the stored revision to an edit. */
const invoke = async (input: Record<string, unknown>) => {
  const result = await t.backend.invoke('followUp.record', input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.error;
};

/** An RTL of a January rakor, and the April rakor of the same cluster that reviews it. */
async function rtlAndLaterRakor() {
  const origin = await klasterIII(t, '2025-01-15', 'Rakor Klaster III Januari');
  const rtl = await t.call('actionItem.create', { meetingId: origin.meeting.id, description: 'Terbitkan Perbup ASI eksklusif' });
  const later = await klasterIII(t, '2025-04-15', 'Rakor Klaster III April');
  return { origin: origin.meeting, rtl, later: later.meeting };
}

describe('a follow-up row', () => {
  it('answers each write with the row as stored, the one the RTL history then shows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-04-15T02:30:00Z'));
    const { rtl, later } = await rtlAndLaterRakor();
    const first = await t.call('followUp.record', { actionItemId: rtl.id, meetingId: later.id, status: 'proses' });
    // Created at revision 1 with the RTL's status as of the rakor, then the first edit: 2.
    expect(first).toEqual({
      id: first.id, actionItemId: rtl.id, meetingId: later.id, meetingTitle: 'Rakor Klaster III April', meetingDate: '2025-04-15',
      status: 'proses', notes: '', createdAt: '2025-04-15T02:30:00.000Z', revision: 2,
    });
    const second = await t.call('followUp.record', { actionItemId: rtl.id, meetingId: later.id, baseRevision: 2, notes: 'Draf di Bagian Hukum' });
    expect(second).toEqual({ ...first, notes: 'Draf di Bagian Hukum', revision: 3 });
    expect(await t.call('followUp.history', { actionItemId: rtl.id })).toEqual([second]);
  });

  it('refuses a write that never saw the row or saw an older revision, with the row as stored, writing nothing', async () => {
    const { rtl, later } = await rtlAndLaterRakor();
    const at = { actionItemId: rtl.id, meetingId: later.id };
    const first = await t.call('followUp.record', { ...at, status: 'proses' });
    const now = await t.call('followUp.record', { ...at, baseRevision: first.revision, notes: 'Menunggu tanda tangan bupati' });
    const before = storedData(t);
    // Another window typing into the same review: one that never saw the row, one that saw an older revision.
    expect(await invoke({ ...at, status: 'selesai' })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(await invoke({ ...at, baseRevision: first.revision, status: 'selesai' })).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
    expect(await t.call('followUp.history', { actionItemId: rtl.id })).toEqual([now]);
  });

  it('marks the rakor where it is recorded as changed, not the RTL own rakor nor another', async () => {
    const { meeting: here, other } = await twoRakorAtFixedTime(t);
    const origin = await klasterIII(t, '2025-02-10', 'Rakor Klaster III Februari');
    const rtl = await t.call('actionItem.create', { meetingId: origin.meeting.id, description: 'Data persalinan di faskes per puskesmas' });

    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    await t.call('followUp.record', { actionItemId: rtl.id, meetingId: here.id, status: 'proses' });
    expect(await rakorStamp(t, here.id)).toBe('2025-03-10T03:00:00.000Z');

    vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
    await t.edit('followUp.record', { actionItemId: rtl.id, meetingId: here.id, notes: 'Rekap dari 12 puskesmas' });
    expect(await rakorStamp(t, here.id)).toBe('2025-03-10T04:00:00.000Z');
    expect(await rakorStamp(t, origin.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });

  it('answers the history and status changes of an RTL that is not there, or no longer, with NOT_FOUND', async () => {
    expect(await t.fail('followUp.history', { actionItemId: 99_999 })).toEqual(NOT_FOUND);
    expect(await t.fail('followUp.statusChanges', { actionItemId: 99_999 })).toEqual(NOT_FOUND);

    // Not reviewed at any rakor yet, so it may be deleted; it had a change outside a rakor.
    const { rtl } = await rtlAndLaterRakor();
    await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2025-02-03' });
    await t.call('actionItem.delete', { id: rtl.id });
    // A window still showing the deleted RTL learns it is gone rather than seeing an empty history.
    expect(await t.fail('followUp.history', { actionItemId: rtl.id })).toEqual(NOT_FOUND);
    expect(await t.fail('followUp.statusChanges', { actionItemId: rtl.id })).toEqual(NOT_FOUND);
  });
});
