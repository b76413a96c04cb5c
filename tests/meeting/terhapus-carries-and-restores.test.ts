import { describe, expect, it, vi } from 'vitest';
import { databasePath } from '../../src-main/core/db/database';
import { captureRows, moveToTrash, restoreFromTrash } from '../../src-main/core/db/trash-store';
import { t as message } from '../../shared/messages';
import { dumpTables } from '../support/backup-helpers';
import { b64, jpegBytes, pngBytes } from '../support/evidence-files';
import { backendPerTest, storedData } from '../support/backend-per-test';
import { agencyId, klasterIII, type TestBackend } from '../support/meeting-helpers';

// Terhapus on a real SQLite file: exactly which rows a deleted rakor or row carries (each once,
// parents before children), that a restore puts back the same rows with the same ids and links
// back what the delete unlinked, the list's labels, owners and order, and purge.

const tables = (t: TestBackend) => dumpTables(databasePath(t.dir));

/** The stored payload of a Terhapus entry: each section's table and how many rows it holds. */
function payloadShape(t: TestBackend, trashId: number): [string, number][] {
  const row = t.backend.db.prepare(`SELECT payload_json AS json FROM trash WHERE id = ?`).get(trashId) as { json: string };
  const payload = JSON.parse(row.json) as { version: number; sections: { table: string; rows: unknown[] }[] };
  expect(payload.version).toBe(1);
  return payload.sections.map((s) => [s.table, s.rows.length]);
}

/** Spare rows so that no id of a row equals the id of its rakor (an id mixed up with another shows). */
async function spareMeetings(t: TestBackend, n: number) {
  for (let i = 0; i < n; i++) await t.call('meeting.create', { title: `Rakor cadangan ${i + 1}`, clusterCodes: ['I'], date: '2025-02-01', startTime: '09:00' });
}

describe('a deleted rakor', () => {
  const t = backendPerTest();

  it('carries every row that goes with it, each once, parents first; a restore puts back exactly what was there', async () => {
    const [dinkes, pupr] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR')];
    const earlier = await klasterIII(t, '2025-01-15', 'Rakor Januari');
    const earlierRtl = await t.call('actionItem.create', { meetingId: earlier.meeting.id, description: 'RTL Januari' });
    const m = await t.call('meeting.create', {
      title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-04-15', startTime: '09:00', agenda: ['Pembukaan', 'Paparan'], invitedAgencyIds: [dinkes, pupr],
    });
    const indicator = (await t.call('meeting.get', { id: m.id })).clusters[0].indicators[0].id;
    await t.call('attendance.create', { meetingId: m.id, name: 'Budi', agencyId: dinkes });
    await t.call('decision.create', { meetingId: m.id, text: 'Disepakati' });
    await t.edit('indicatorReview.upsert', { meetingId: m.id, indicatorId: indicator, achievement: '70%' });
    const line = await t.call('budgetLine.create', { meetingId: m.id, agencyId: dinkes, fiscalYear: 2025, allocationSen: 1_000 });
    const rtl = await t.call('actionItem.create', { meetingId: m.id, description: 'Posyandu keliling', budgetLineId: line.id, relatedAgencyIds: [pupr] });
    await t.call('followUp.setStatus', { actionItemId: rtl.id, status: 'proses', date: '2025-05-02' });
    await t.call('evidence.attach', { meetingId: m.id, fileName: 'foto.jpg', base64: b64(jpegBytes()), evidenceDate: '2025-04-15' });
    await t.call('evidence.attach', { actionItemId: rtl.id, fileName: 'bukti.png', base64: b64(pngBytes()), evidenceDate: '2025-05-02' });
    await t.call('followUp.record', { actionItemId: earlierRtl.id, meetingId: m.id, status: 'selesai' });
    await t.call('assignment.set', { indicatorId: indicator, agencyId: dinkes, role: 'lead', meetingId: m.id });
    const before = tables(t);

    const { trashId } = await t.edit('meeting.delete', { id: m.id });
    expect(payloadShape(t, trashId!)).toEqual([
      ['meeting', 1], ['meeting_cluster', 1], ['meeting_invitation', 2], ['agenda_item', 2], ['attendance', 1], ['decision', 1],
      ['indicator_review', 1], ['indicator_review_agency', 0], ['budget_line', 1], ['evidence', 1],
      ['action_item', 1], ['action_item_agency', 1], ['action_item_update', 0], ['action_status_change', 1], ['evidence', 1],
      ['action_item_update', 1], ['assignment', 1],
    ]);
    const db = t.backend.db;
    const left = (sql: string) => (db.prepare(sql).get(m.id) as { n: number }).n;
    for (const table of ['meeting_cluster', 'meeting_invitation', 'agenda_item', 'attendance', 'decision', 'indicator_review', 'budget_line', 'evidence', 'action_item', 'action_item_update']) {
      expect(left(`SELECT count(*) AS n FROM ${table} WHERE meeting_id = ?`), table).toBe(0);
    }
    expect(left(`SELECT count(*) AS n FROM meeting WHERE id = ?`)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM evidence`).get()).toEqual({ n: 0 });
    // The assignment is the indicator's, not the rakor's: it stays, without its rakor.
    expect(db.prepare(`SELECT meeting_id AS meetingId FROM assignment`).all()).toEqual([{ meetingId: null }]);

    expect(await t.call('trash.restore', { id: trashId! })).toEqual({ id: trashId, kind: 'meeting', meetingId: m.id });
    expect(tables(t)).toEqual(before);
  });

  it('with nothing in it carries only the tables its rows could be in, nothing under an empty one', async () => {
    await spareMeetings(t, 1);
    const { meeting } = await klasterIII(t);
    const { trashId } = await t.edit('meeting.delete', { id: meeting.id });
    expect(payloadShape(t, trashId!)).toEqual([
      ['meeting', 1], ['meeting_cluster', 1], ['meeting_invitation', 0], ['agenda_item', 0], ['attendance', 0], ['decision', 0],
      ['indicator_review', 0], ['budget_line', 0], ['evidence', 0], ['action_item', 0], ['action_item_update', 0], ['assignment', 0],
    ]);
    expect((await t.call('trash.list', {}))[0]).toMatchObject({ id: trashId, kind: 'meeting', meetingId: meeting.id, label: 'Rapat: Rakor Klaster III (10 Maret 2025)' });
  });

  it('captures a row reached by two paths once, so the restore does not trip over its own id', async () => {
    // A follow-up of an RTL at the RTL's own rakor is refused by followUp.record
    // (error.meetingOwnAction), but the delete's own checks allow for one (u.meeting_id <>
    // a.meeting_id): written straight to the file, it is both a follow-up of this rakor and an
    // update of this rakor's RTL.
    const { meeting } = await klasterIII(t);
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, description: 'Sweeping imunisasi' });
    const db = t.backend.db;
    db.prepare(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, 'proses', '', ?)`)
      .run(rtl.id, meeting.id, new Date().toISOString());
    const before = tables(t);

    const sections = captureRows(db, 'meeting', meeting.id);
    const updates = sections.filter((s) => s.table === 'action_item_update').flatMap((s) => s.rows.map((r) => r.id));
    expect(updates).toHaveLength(1);

    const trashId = db.transaction(() => moveToTrash(db, 'meeting', meeting.id))();
    expect(db.prepare(`SELECT count(*) AS n FROM action_item_update`).get()).toEqual({ n: 0 });
    db.transaction(() => restoreFromTrash(db, trashId, () => undefined))();
    expect(tables(t)).toEqual(before);
  });
});

describe('a restored budget line', () => {
  const t = backendPerTest();

  it('links back the RTLs it funded, to itself (not to a row that shares its rakor’s id)', async () => {
    await spareMeetings(t, 1);
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const line = await t.call('budgetLine.create', { meetingId: meeting.id, agencyId: dinkes, fiscalYear: 2025, allocationSen: 1_000 });
    expect(line.id).not.toBe(meeting.id);
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, description: 'PMT balita', budgetLineId: line.id });
    const { trashId } = await t.edit('budgetLine.delete', { id: line.id });
    expect(payloadShape(t, trashId!)).toEqual([['budget_line', 1], ['action_item', 1]]);
    expect((await t.call('meeting.get', { id: meeting.id })).actions[0].budgetLineId).toBeNull();

    expect(await t.call('trash.restore', { id: trashId! })).toEqual({ id: trashId, kind: 'budget_line', meetingId: meeting.id });
    expect((await t.call('meeting.get', { id: meeting.id })).actions).toMatchObject([{ id: rtl.id, budgetLineId: line.id }]);
  });

  it('is the one the RTL needs: an RTL whose line was deleted since is refused, naming the missing reference, nothing written', async () => {
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const line = await t.call('budgetLine.create', { meetingId: meeting.id, agencyId: dinkes, fiscalYear: 2025, allocationSen: 1_000 });
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, description: 'PMT balita', budgetLineId: line.id });
    const { trashId } = await t.edit('actionItem.delete', { id: rtl.id });
    await t.edit('budgetLine.delete', { id: line.id });
    const before = storedData(t);
    expect(await t.fail('trash.restore', { id: trashId })).toEqual({ code: 'CONFLICT', message: message('trash.referenceGone') });
    expect(storedData(t)).toBe(before);
  });
});

describe('the Terhapus list', () => {
  const t = backendPerTest();

  it('names each kind the way the secretary knows it, with its rakor (none for a file), newest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-04-15T02:00:00Z'));
    await spareMeetings(t, 3);
    const { meeting } = await klasterIII(t);
    const dinkes = await agencyId(t, 'Dinkes');
    const m = meeting.id;
    const attendee = await t.call('attendance.create', { meetingId: m, name: 'Budi Santoso' });
    const agenda = await t.call('agendaItem.create', { meetingId: m, title: 'Paparan Dinkes' });
    const spaced = await t.call('decision.create', { meetingId: m, text: '  Disepakati\n jadwal posyandu  ' });
    const blank = await t.call('decision.create', { meetingId: m, text: ' \n ' });
    const rtl = await t.call('actionItem.create', { meetingId: m, description: 'Sweeping imunisasi' });
    const photo = await t.call('evidence.attach', { meetingId: m, fileName: 'IMG_0001.jpg', title: 'Foto rakor', base64: b64(jpegBytes()), evidenceDate: '2025-04-15' });
    const named = await t.call('budgetLine.create', { meetingId: m, agencyId: dinkes, activityName: 'Penyediaan makanan tambahan', subActivityCode: '1.02.02.2.01', fiscalYear: 2025, allocationSen: 1 });
    const coded = await t.call('budgetLine.create', { agencyId: dinkes, activityName: '  ', subActivityCode: '1.02.02.2.02', fiscalYear: 2025, allocationSen: 1 });

    const deleted: number[] = [];
    const at = async (iso: string, remove: () => Promise<{ trashId?: number }>) => {
      vi.setSystemTime(new Date(iso));
      deleted.push((await remove()).trashId!);
    };
    await at('2025-04-15T03:00:00Z', () => t.edit('attendance.delete', { id: attendee.id }));
    await at('2025-04-15T03:01:00Z', () => t.edit('agendaItem.delete', { id: agenda.id }));
    await at('2025-04-15T03:02:00Z', () => t.edit('decision.delete', { id: spaced.id }));
    await at('2025-04-15T03:03:00Z', () => t.edit('decision.delete', { id: blank.id }));
    await at('2025-04-15T03:04:00Z', () => t.edit('actionItem.delete', { id: rtl.id }));
    await at('2025-04-15T03:05:00Z', () => t.call('evidence.delete', { id: photo.id }));
    // Two at the same instant: the later entry first.
    await at('2025-04-15T03:06:00Z', () => t.edit('budgetLine.delete', { id: named.id }));
    await at('2025-04-15T03:06:00Z', () => t.edit('budgetLine.delete', { id: coded.id }));

    const entry = (i: number, kind: string, label: string, meetingId: number | null, deletedAt: string) => ({ id: deleted[i], kind, label, meetingId, deletedAt });
    expect(await t.call('trash.list', {})).toEqual([
      entry(7, 'budget_line', 'Anggaran: 1.02.02.2.02 (Dinkes)', null, '2025-04-15T03:06:00.000Z'),
      entry(6, 'budget_line', 'Anggaran: Penyediaan makanan tambahan (Dinkes)', m, '2025-04-15T03:06:00.000Z'),
      entry(5, 'evidence', 'Data dukung: Foto rakor', null, '2025-04-15T03:05:00.000Z'),
      entry(4, 'action_item', 'RTL: Sweeping imunisasi', m, '2025-04-15T03:04:00.000Z'),
      entry(3, 'decision', 'Kesimpulan: (kosong)', m, '2025-04-15T03:03:00.000Z'),
      entry(2, 'decision', 'Kesimpulan: Disepakati jadwal posyandu', m, '2025-04-15T03:02:00.000Z'),
      entry(1, 'agenda_item', 'Agenda: Paparan Dinkes', m, '2025-04-15T03:01:00.000Z'),
      entry(0, 'attendance', 'Peserta: Budi Santoso', m, '2025-04-15T03:00:00.000Z'),
    ]);
  });
});

describe('purge', () => {
  const t = backendPerTest();

  it('forgets an entry for good and answers with its id; the rows stay gone', async () => {
    const { meeting } = await klasterIII(t);
    const decision = await t.call('decision.create', { meetingId: meeting.id, text: 'Disepakati' });
    const { trashId } = await t.edit('decision.delete', { id: decision.id });
    expect(await t.call('trash.purge', { id: trashId! })).toEqual({ id: trashId });
    expect(await t.call('trash.list', {})).toEqual([]);
    expect((await t.call('meeting.get', { id: meeting.id })).decisions).toEqual([]);
    expect(await t.fail('trash.restore', { id: trashId })).toEqual({ code: 'NOT_FOUND', message: message('trash.notFound') });
  });

  it('refuses an entry that is not there with the Terhapus not-found message, nothing written', async () => {
    const { meeting } = await klasterIII(t);
    const decision = await t.call('decision.create', { meetingId: meeting.id, text: 'Disepakati' });
    const { trashId } = await t.edit('decision.delete', { id: decision.id });
    const before = storedData(t);
    expect(await t.fail('trash.purge', { id: trashId! + 1 })).toEqual({ code: 'NOT_FOUND', message: message('trash.notFound') });
    expect(storedData(t)).toBe(before);
  });
});
