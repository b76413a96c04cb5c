import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';

// Issue 9 at the API level, one test per numbered case: a closed rakor stays what was signed,
// the notulen prints what the screens show, deletes never reach into another meeting, no lost
// updates, idempotent creates, inactive agencies keep their names, unticked clusters hide.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const base = { clusterCodes: ['III'], startTime: '09:00' };

async function notulen(id: number): Promise<string> {
  const file = await t.call('export.minutes', { meetingId: id });
  return docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
}

async function indicatorOf(meetingId: number, index = 0): Promise<number> {
  return (await t.call('meeting.get', { id: meetingId })).clusters[0].indicators[index].id;
}

describe('closed means frozen (case 1)', () => {
  it('exports a closed meeting byte-for-byte the same text after later meetings change RTLs, assignments and budget', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const a = await t.call('meeting.create', { ...base, title: 'Rakor A', date: '2024-11-26' });
    const indicator = await indicatorOf(a.id);
    await t.call('assignment.set', { indicatorId: indicator, agencyId: dinkes, role: 'lead', meetingId: a.id });
    await t.edit('indicatorReview.upsert', { meetingId: a.id, indicatorId: indicator, isWeak: true, problem: 'Cakupan imunisasi rendah' });
    const r1 = await t.call('actionItem.create', { meetingId: a.id, indicatorId: indicator, description: 'Sweeping imunisasi', leadAgencyId: dinkes });
    const r2 = await t.call('actionItem.create', { meetingId: a.id, indicatorId: indicator, description: 'Posyandu keliling', leadAgencyId: dinkes });
    await t.call('budgetLine.create', { meetingId: a.id, agencyId: dinkes, indicatorId: indicator, fiscalYear: 2024, allocationSen: 100_000_00, activityName: 'Imunisasi' });
    await t.call('meeting.close', { id: a.id, endTime: '12:00' });
    const before = await notulen(a.id);
    const wsBefore = await t.call('meeting.get', { id: a.id });
    expect(before).toContain('Sweeping imunisasi');

    const b = await t.call('meeting.create', { ...base, title: 'Rakor B', date: '2025-02-10' });
    await t.edit('followUp.record', { actionItemId: r1.id, meetingId: b.id, status: 'proses' });
    await t.edit('followUp.record', { actionItemId: r2.id, meetingId: b.id, status: 'selesai' });
    await t.call('budgetLine.create', { meetingId: b.id, agencyId: dinkes, indicatorId: indicator, fiscalYear: 2024, allocationSen: 999_000_00, activityName: 'Tambahan B' });
    await t.call('assignment.remove', { indicatorId: indicator, agencyId: dinkes });
    await t.edit('agency.update', { id: dinkes, name: 'Dinas Kesehatan BARU', abbreviation: 'DINKESBARU' });

    const after = await notulen(a.id);
    expect(after).toBe(before);
    expect(after).not.toContain('Tambahan B');
    const wsAfter = await t.call('meeting.get', { id: a.id });
    expect(wsAfter.actions).toEqual(wsBefore.actions);
    expect(wsAfter.agencies).toEqual(wsBefore.agencies);
  });

  it('reopening makes revision 2, printed under the title; revision 1 stays stored', async () => {
    const m = await t.call('meeting.create', { ...base, title: 'Rakor Revisi', date: '2024-11-26' });
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    expect(await notulen(m.id)).not.toContain('Revisi ke-');
    const reopened = await t.call('meeting.reopen', { id: m.id });
    expect(reopened.minutesRevision).toBe(2);
    await t.call('decision.create', { meetingId: m.id, text: 'Keputusan tambahan' });
    // Reopened, the screens and a draft export read the live rows again, not revision 1.
    expect((await t.call('meeting.get', { id: m.id })).decisions.map((d) => d.text)).toEqual(['Keputusan tambahan']);
    expect(await notulen(m.id)).toContain('Keputusan tambahan');
    await t.call('meeting.close', { id: m.id, endTime: '12:30' });
    const text = await notulen(m.id);
    expect(text).toContain('Revisi ke-2');
    expect(text).toContain('Keputusan tambahan');
    const revisions = t.backend.db.prepare(`SELECT revision, length(sha256) AS n FROM meeting_snapshot WHERE meeting_id = ? ORDER BY revision`).all(m.id);
    expect(revisions).toEqual([{ revision: 1, n: 64 }, { revision: 2, n: 64 }]);
  });
});

describe('the notulen prints what the screens show (case 2)', () => {
  it('lists every RTL the Tindak lanjut tab listed, untouched ones with their status before', async () => {
    const a = await t.call('meeting.create', { ...base, title: 'Rakor A', date: '2024-11-26' });
    const rtls = [];
    for (const d of ['RTL satu', 'RTL dua', 'RTL tiga']) rtls.push(await t.call('actionItem.create', { meetingId: a.id, description: d }));
    await t.call('meeting.close', { id: a.id, endTime: '12:00' });
    const b = await t.call('meeting.create', { ...base, title: 'Rakor B', date: '2025-01-15' });
    const listed = (await t.call('meeting.get', { id: b.id })).previousActions;
    expect(listed.map((p) => p.description)).toEqual(['RTL satu', 'RTL dua', 'RTL tiga']);
    await t.edit('followUp.record', { actionItemId: rtls[0].id, meetingId: b.id, status: 'selesai', notes: 'Tuntas' });
    await t.call('meeting.close', { id: b.id, endTime: '12:00' });
    const text = await notulen(b.id);
    for (const d of ['RTL satu', 'RTL dua', 'RTL tiga']) expect(text).toContain(d);
    // Closing made the record explicit: one follow-up per listed RTL.
    const rows = t.backend.db.prepare(`SELECT action_item_id AS id, status FROM action_item_update WHERE meeting_id = ? ORDER BY action_item_id`).all(b.id);
    expect(rows).toEqual([{ id: rtls[0].id, status: 'selesai' }, { id: rtls[1].id, status: 'belum' }, { id: rtls[2].id, status: 'belum' }]);
    // The RTL's own status (set at its own meeting) is never overwritten by a follow-up.
    expect((await t.call('meeting.get', { id: a.id })).actions[0].status).toBe('belum');
  });
});

describe('deletes never reach into another meeting (cases 3, 4)', () => {
  it('refuses to delete an earlier meeting whose RTLs a later closed meeting followed up, naming it', async () => {
    const a = await t.call('meeting.create', { ...base, title: 'Rakor A', date: '2024-11-26' });
    const rtl = await t.call('actionItem.create', { meetingId: a.id, description: 'RTL A' });
    const b = await t.call('meeting.create', { ...base, title: 'Rakor B', date: '2025-01-15' });
    await t.edit('followUp.record', { actionItemId: rtl.id, meetingId: b.id, status: 'proses' });
    await t.call('meeting.close', { id: b.id, endTime: '12:00' });
    const before = await notulen(b.id);
    const preview = await t.call('meeting.deletePreview', { id: a.id });
    expect(preview.blockedBy.map((m) => m.title)).toEqual(['Rakor B']);
    expect(preview.refusal).toContain('"Rakor B" (Rabu, 15 Januari 2025)');
    const error = await t.fail('meeting.delete', { id: a.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('"Rakor B" (Rabu, 15 Januari 2025)');
    expect((await t.fail('actionItem.delete', { id: rtl.id })).message).toContain('Rakor B');
    expect(await notulen(b.id)).toBe(before);
  });

  it('refuses to delete a closed meeting; the preview says what an open one would take', async () => {
    const m = await t.call('meeting.create', { ...base, title: 'Rakor Tutup', date: '2024-11-26', agenda: ['Pembukaan'] });
    await t.call('attendance.create', { meetingId: m.id, name: 'Budi' });
    await t.call('decision.create', { meetingId: m.id, text: 'K1' });
    const preview = await t.call('meeting.deletePreview', { id: m.id });
    expect(preview.counts).toEqual({ attendance: 1, agenda: 1, reviews: 0, actions: 0, budgetLines: 0, decisions: 1, followUps: 0 });
    expect(preview.refusal).toBeNull();
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    const error = await t.fail('meeting.delete', { id: m.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('sudah ditutup') });
    // Reopened, it still carries a signed revision: still refused.
    await t.call('meeting.reopen', { id: m.id });
    expect((await t.fail('meeting.delete', { id: m.id })).message).toContain('revisi 1');
  });

  it('restores a deleted meeting and a deleted row from Terhapus with the original ids', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', { ...base, title: 'Rakor Hapus', date: '2024-11-26', agenda: ['Pembukaan'], invitedAgencyIds: [dinkes] });
    const person = await t.call('attendance.create', { meetingId: m.id, name: 'Budi', agencyId: dinkes });
    const rtl = await t.call('actionItem.create', { meetingId: m.id, description: 'RTL', relatedAgencyIds: [dinkes] });
    const before = await t.call('meeting.get', { id: m.id });

    const gone = await t.call('attendance.delete', { id: person.id });
    expect((await t.call('trash.list', {}))[0]).toMatchObject({ id: gone.trashId, kind: 'attendance', label: 'Peserta: Budi' });
    await t.call('trash.restore', { id: gone.trashId! });
    expect((await t.call('meeting.get', { id: m.id })).attendance).toEqual(before.attendance);

    const deleted = await t.call('meeting.delete', { id: m.id });
    expect((await t.fail('meeting.get', { id: m.id })).code).toBe('NOT_FOUND');
    expect((await t.call('trash.list', {}))[0].label).toBe('Rapat: Rakor Hapus (26 November 2024)');
    await t.call('trash.restore', { id: deleted.trashId! });
    const after = await t.call('meeting.get', { id: m.id });
    expect({ ...after, meeting: { ...after.meeting, updatedAt: '' } }).toEqual({ ...before, meeting: { ...before.meeting, updatedAt: '' } });
    expect(after.actions[0]).toMatchObject({ id: rtl.id, relatedAgencyIds: [dinkes] });
    expect(await t.call('trash.list', {})).toEqual([]);

    // A row of a meeting that is gone cannot come back on its own; purge removes the entry.
    const row = await t.call('decision.create', { meetingId: m.id, text: 'x' });
    const rowGone = await t.call('decision.delete', { id: row.id });
    const meetingGone = await t.call('meeting.delete', { id: m.id });
    expect((await t.fail('trash.restore', { id: rowGone.trashId! })).message).toContain('rapatnya sudah tidak ada');
    await t.call('trash.purge', { id: meetingGone.trashId! });
    expect((await t.call('trash.list', {})).map((e) => e.id)).toEqual([rowGone.trashId]);
  });
});

describe('Terhapus refusals', () => {
  it('refuses a restore whose id was taken again or whose agency is gone, and keeps the entry', async () => {
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    const first = await t.call('attendance.create', { meetingId: m.id, name: 'Budi' });
    const gone = await t.call('attendance.delete', { id: first.id });
    // SQLite hands the highest id out again: the new row takes the deleted one's id.
    const again = await t.call('attendance.create', { meetingId: m.id, name: 'Sari' });
    expect(again.id).toBe(first.id);
    expect((await t.fail('trash.restore', { id: gone.trashId! })).message).toContain('nomor yang sama sudah ada');

    const agency = await t.call('agency.create', { kind: 'opd', name: 'Dinas Sementara', abbreviation: 'DS' });
    const line = await t.call('budgetLine.create', { meetingId: m.id, agencyId: agency.id, fiscalYear: 2024, allocationSen: 100 });
    const lineGone = await t.call('budgetLine.delete', { id: line.id });
    await t.call('agency.delete', { id: agency.id });
    expect((await t.fail('trash.restore', { id: lineGone.trashId! })).message).toContain('sudah dihapus');
    expect((await t.call('trash.list', {})).map((e) => e.id)).toEqual([lineGone.trashId, gone.trashId]);
  });
});

describe('no lost updates (case 5)', () => {
  it('refuses the second of two writes based on the same revision, with the current value', async () => {
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    const first = await t.edit('meeting.update', { id: m.id, baseRevision: m.revision, place: 'Aula A' });
    expect(first.revision).toBe(m.revision + 1);
    const error = await t.fail('meeting.update', { id: m.id, baseRevision: m.revision, place: 'Aula B' });
    expect(error.code).toBe('STALE');
    expect(error.message).toBe('Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.');
    expect(error.current).toMatchObject({ place: 'Aula A', revision: first.revision });
    expect((await t.call('meeting.get', { id: m.id })).meeting.place).toBe('Aula A');

    const item = await t.call('agendaItem.create', { meetingId: m.id, title: 'Agenda' });
    await t.edit('agendaItem.update', { id: item.id, baseRevision: item.revision, notes: 'jendela 1' });
    expect((await t.fail('agendaItem.update', { id: item.id, baseRevision: item.revision, notes: 'jendela 2' })).current).toMatchObject({ notes: 'jendela 1' });
    const indicator = await indicatorOf(m.id);
    const review = await t.edit('indicatorReview.upsert', { meetingId: m.id, indicatorId: indicator, problem: 'satu' });
    await t.edit('indicatorReview.upsert', { meetingId: m.id, indicatorId: indicator, baseRevision: review.revision, problem: 'dua' });
    expect((await t.fail('indicatorReview.upsert', { meetingId: m.id, indicatorId: indicator, baseRevision: review.revision, problem: 'tiga' })).code).toBe('STALE');
    const profile = await t.call('regionProfile.get', {});
    await t.edit('regionProfile.update', { baseRevision: profile.revision, signingPlace: 'Sampit' });
    expect((await t.fail('regionProfile.update', { baseRevision: profile.revision, signingPlace: 'Palangka Raya' })).code).toBe('STALE');
    // A closed meeting answers CONFLICT first: reopening, not reloading, is the way to edit it.
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    expect((await t.fail('meeting.update', { id: m.id, baseRevision: m.revision, place: 'x' })).code).toBe('CONFLICT');
  });
});

describe('creates are idempotent (case 6)', () => {
  it('creates one row for the same requestId sent twice, and refuses it for another op', async () => {
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    const requestId = randomUUID();
    const [x, y] = await Promise.all([
      t.call('attendance.create', { meetingId: m.id, name: 'Budi', requestId }),
      t.call('attendance.create', { meetingId: m.id, name: 'Budi', requestId }),
    ]);
    expect(y).toEqual(x);
    expect((await t.call('meeting.get', { id: m.id })).attendance).toHaveLength(1);
    const copyId = randomUUID();
    const c1 = await t.call('meeting.duplicate', { id: m.id, requestId: copyId });
    const c2 = await t.call('meeting.duplicate', { id: m.id, requestId: copyId });
    expect(c2.id).toBe(c1.id);
    expect(await t.call('meeting.list', {})).toHaveLength(2);
    expect((await t.fail('decision.create', { meetingId: m.id, text: 'x', requestId })).code).toBe('VALIDATION');
  });
});

describe('inactive agencies keep their names (case 7)', () => {
  it('shows a deactivated agency on attendees, RTL owners and budget lines, on screen and in the notulen', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    const indicator = await indicatorOf(m.id);
    await t.call('attendance.create', { meetingId: m.id, name: 'dr. Sari', agencyId: dinkes });
    await t.call('actionItem.create', { meetingId: m.id, indicatorId: indicator, description: 'Sweeping', leadAgencyId: dinkes });
    await t.call('budgetLine.create', { meetingId: m.id, agencyId: dinkes, indicatorId: indicator, fiscalYear: 2024, allocationSen: 5_000_00 });
    const agency = (await t.call('agency.list', {})).find((a) => a.id === dinkes)!;
    await t.edit('agency.update', { id: dinkes, baseRevision: agency.revision, active: false });
    const ws = await t.call('meeting.get', { id: m.id });
    expect(ws.agencies.find((a) => a.id === dinkes)).toMatchObject({ name: agency.name, abbreviation: 'Dinkes', active: false });
    const text = await notulen(m.id);
    expect(text).toContain(agency.name);
    expect(text).toContain('dr. Sari');
  });
});

describe('unticked clusters hide their content (case 8)', () => {
  it('refuses to untick a cluster with content unless confirmed, then neither lists, counts nor prints it', async () => {
    const m = await t.call('meeting.create', { ...base, clusterCodes: ['III', 'IV'], title: 'Rakor', date: '2024-11-26' });
    const ws = await t.call('meeting.get', { id: m.id });
    const iv = ws.clusters.find((c) => c.code === 'IV')!.indicators[0].id;
    await t.edit('indicatorReview.upsert', { meetingId: m.id, indicatorId: iv, isWeak: true, problem: 'Masalah tersembunyi' });
    await t.call('actionItem.create', { meetingId: m.id, indicatorId: iv, description: 'RTL tersembunyi' });
    const error = await t.fail('meeting.setClusters', { id: m.id, clusterCodes: ['III'] });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Menghapus centang Klaster IV');
    expect(error.message).toContain('1 pembahasan indikator, 1 RTL');
    await t.call('meeting.setClusters', { id: m.id, clusterCodes: ['III'], confirmHidden: true });
    const after = await t.call('meeting.get', { id: m.id });
    expect(after.reviews).toEqual([]);
    expect(after.actions).toEqual([]);
    expect((await t.call('meeting.list', {}))[0].actionCount).toBe(0);
    const text = await notulen(m.id);
    expect(text).not.toContain('Masalah tersembunyi');
    expect(text).not.toContain('RTL tersembunyi');
  });
});

describe('stored records stay readable', () => {
  it('reads a minutes snapshot of an older version, filling fields added since with defaults', async () => {
    const { readMinutesSnapshot } = await import('../../src-main/core/export/minutes-snapshot');
    const { renderMinutes } = await import('../../src-main/core/export/minutes-document');
    // As an older build wrote it: no revision on the meeting, no phone on the attendee, no budget list.
    const old = JSON.stringify({
      version: 0,
      data: {
        profile: { regionType: 'kabupaten', regionName: 'Banua', letterheadLines: ['PEMERINTAH KABUPATEN BANUA'] },
        meeting: { id: 1, title: 'Rakor Lama', date: '2024-11-26', startTime: '09:00', endTime: '12:00', timeZone: 'WIB', place: 'Aula',
          chair: { name: 'Ketua' }, notulis: { name: 'Notulis' }, openingNotes: '', closingNotes: '' },
        clusters: [{ code: 'III', name: 'Kesehatan' }], agenda: [], attendees: [{ name: 'Budi', jobTitle: 'Kabid', agency: 'Dinkes' }],
        decisions: ['Keputusan lama'], reviews: [], earlierActions: [], actions: [],
      },
    });
    const data = readMinutesSnapshot(old);
    expect(data.meeting.revision).toBe(1);
    expect(data.meeting.chair).toEqual({ name: 'Ketua', position: '', rank: '', nip: '' });
    expect(data.attendees).toEqual([{ name: 'Budi', nip: '', jobTitle: 'Kabid', agency: 'Dinkes', phone: '' }]);
    expect(data.invitedAgencies).toBe(0);
    expect(data.budget).toEqual([]);
    const text = await docxText(await renderMinutes(data));
    expect(text).toContain('Keputusan lama');
  });

  it('moves an RTL to a new revision when only its related agencies change', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    const rtl = await t.call('actionItem.create', { meetingId: m.id, description: 'RTL' });
    const changed = await t.edit('actionItem.update', { id: rtl.id, baseRevision: rtl.revision, relatedAgencyIds: [dinkes] });
    expect(changed.revision).toBe(rtl.revision + 1);
    expect((await t.fail('actionItem.update', { id: rtl.id, baseRevision: rtl.revision, relatedAgencyIds: [] })).code).toBe('STALE');
  });

  it('forgets create answers after 30 days', async () => {
    const { pruneRequestLog } = await import('../../src-main/core/db/request-log');
    const m = await t.call('meeting.create', { ...base, title: 'Rakor', date: '2024-11-26' });
    await t.call('decision.create', { meetingId: m.id, text: 'x', requestId: randomUUID() });
    expect(pruneRequestLog(t.backend.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(pruneRequestLog(t.backend.db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
  });
});
