import { describe, expect, it, vi } from 'vitest';
import { t as msg } from '../../shared/messages';
import { buildMinutesData, loadMinutesData } from '../../src-main/core/export/minutes-data';
import { agencyId, klasterIII } from '../support/meeting-helpers';
import { backendPerTest, rakorStamp, storedData, twoRakorAtFixedTime } from '../support/backend-per-test';

// Closing, reopening and restoring, and what a draft notulen says of the earlier RTLs a rakor
// lists: the refusals name their field and write nothing, a reopen keeps what the close recorded,
// and an RTL nobody has touched yet still prints with empty cells, not a crash.

const t = backendPerTest();

describe('close and reopen', () => {
  it('refuses an end before the start on the end-time field, writing nothing', async () => {
    const { meeting } = await klasterIII(t);
    const before = storedData(t);
    const message = msg('field.endBeforeStart');
    expect(await t.fail('meeting.close', { id: meeting.id, endTime: '08:30' })).toMatchObject({
      code: 'VALIDATION', fields: [{ path: 'endTime', message }],
    });
    expect(storedData(t)).toBe(before);
  });

  it('a reopen keeps the end time the close recorded; reopening a rakor that was never closed starts no revision', async () => {
    const { meeting } = await klasterIII(t);
    expect((await t.call('meeting.reopen', { id: meeting.id })).minutesRevision).toBe(1);
    await t.call('meeting.close', { id: meeting.id, endTime: '12:15' });
    const reopened = await t.call('meeting.reopen', { id: meeting.id });
    expect(reopened).toMatchObject({ status: 'berlangsung', endTime: '12:15', minutesRevision: 2 });
    expect((await t.call('meeting.reopen', { id: meeting.id })).minutesRevision).toBe(2);
  });
});

describe('Terhapus and the rakor a row belongs to', () => {
  it('restoring a row marks only its rakor as changed', async () => {
    const { meeting, other } = await twoRakorAtFixedTime(t);
    vi.setSystemTime(new Date('2025-03-10T03:00:00Z'));
    const item = await t.call('agendaItem.create', { meetingId: meeting.id, title: 'Paparan' });
    const gone = await t.call('agendaItem.delete', { id: item.id });
    vi.setSystemTime(new Date('2025-03-10T05:00:00Z'));
    expect(gone.trashId).toEqual(expect.any(Number));
    await t.call('trash.restore', { id: Number(gone.trashId) });
    expect(await rakorStamp(t, meeting.id)).toBe('2025-03-10T05:00:00.000Z');
    expect(await rakorStamp(t, other.meeting.id)).toBe('2025-03-10T02:00:00.000Z');
  });

  it('a stale delete of an RTL answers with the RTL as stored', async () => {
    const { meeting } = await klasterIII(t);
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, description: 'Sosialisasi' });
    const now = await t.edit('actionItem.update', { id: rtl.id, description: 'Sosialisasi KLA' });
    expect(await t.fail('actionItem.delete', { id: rtl.id, baseRevision: rtl.revision })).toEqual({
      code: 'STALE', message: msg('error.stale'), current: now,
    });
  });
});

describe('a draft notulen and the earlier RTLs its rakor lists', () => {
  it('prints an RTL nobody has touched with empty lead and notes, and a reviewed one with both', async () => {
    const jan = await klasterIII(t, '2025-01-10', 'Januari');
    const dinkes = await agencyId(t, 'Dinkes');
    await t.call('actionItem.create', { meetingId: jan.meeting.id, description: 'Tanpa pengampu' });
    const led = await t.call('actionItem.create', { meetingId: jan.meeting.id, description: 'Dengan pengampu', leadAgencyId: dinkes });
    const mar = await klasterIII(t, '2025-03-10', 'Maret');
    await t.call('followUp.record', { actionItemId: led.id, meetingId: mar.meeting.id, status: 'proses', notes: 'anggaran cair' });
    const data = loadMinutesData(t.backend.db, mar.meeting.id);
    expect(data.earlierActions.map(({ description, leadAgency, status, notes }) => ({ description, leadAgency, status, notes }))).toEqual([
      { description: 'Tanpa pengampu', leadAgency: '', status: 'belum', notes: '' },
      { description: 'Dengan pengampu', leadAgency: 'Dinkes', status: 'proses', notes: 'anggaran cair' },
    ]);
  });

  it('an export of a rakor that is not there is NOT_FOUND', async () => {
    expect(await t.fail('export.minutes', { meetingId: 999 })).toMatchObject({ code: 'NOT_FOUND', message: msg('error.notFound') });
    // The close reads the live rows directly: the same answer.
    expect(() => buildMinutesData(t.backend.db, 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
