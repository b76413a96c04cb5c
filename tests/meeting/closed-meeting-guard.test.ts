import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadOp, OP_NAMES, type OpName } from '../../shared/api/contract';
import { t as message } from '../../shared/messages';
import { databasePath } from '../../src-main/core/db/database';
import { dataChecksum } from '../support/backup-helpers';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';

// A closed meeting is the signed record: every write operation of the contract that can touch
// a meeting's rows must refuse it (CONFLICT, "rapat sudah selesai") and change nothing. The
// inputs are written by hand, one per operation, each aimed at the closed meeting's own rows;
// a write operation added to the contract without an entry here (or a reason to leave it out)
// fails the first test.

interface Ids {
  meeting: number;
  /** A Terhapus entry of the meeting, deleted while it was open. */
  trashedAttendee: number;
  agenda: number;
  attendee: number;
  decision: number;
  action: number;
  budgetLine: number;
  indicator: number;
  earlierAction: number;
  dinkes: number;
  pupr: number;
}

const INPUTS: Partial<Record<OpName, (ids: Ids) => unknown>> = {
  'trash.restore': (x) => ({ id: x.trashedAttendee }),
  'meeting.update': (x) => ({ id: x.meeting, place: 'Ruang lain' }),
  'meeting.setClusters': (x) => ({ id: x.meeting, clusterCodes: ['III', 'IV'] }),
  'meeting.start': (x) => ({ id: x.meeting }),
  'meeting.close': (x) => ({ id: x.meeting, endTime: '13:00' }),
  'meeting.setInvitation': (x) => ({ meetingId: x.meeting, agencyId: x.pupr, invited: true }),
  'meeting.setInvitations': (x) => ({ meetingId: x.meeting, agencyIds: [x.pupr], invited: true }),
  'agendaItem.create': (x) => ({ meetingId: x.meeting, title: 'Agenda tambahan' }),
  'agendaItem.update': (x) => ({ id: x.agenda, notes: 'Catatan baru' }),
  'agendaItem.delete': (x) => ({ id: x.agenda }),
  'agendaItem.reorder': (x) => ({ meetingId: x.meeting, ids: [x.agenda] }),
  'attendance.create': (x) => ({ meetingId: x.meeting, name: 'Peserta terlambat' }),
  'attendance.update': (x) => ({ id: x.attendee, present: false }),
  'attendance.delete': (x) => ({ id: x.attendee }),
  'attendance.reorder': (x) => ({ meetingId: x.meeting, ids: [x.attendee] }),
  'indicatorReview.upsert': (x) => ({ meetingId: x.meeting, indicatorId: x.indicator, problem: 'Masalah baru' }),
  'assignment.set': (x) => ({ indicatorId: x.indicator, agencyId: x.pupr, role: 'support', meetingId: x.meeting }),
  'budgetLine.create': (x) => ({ meetingId: x.meeting, agencyId: x.dinkes, fiscalYear: 2025, allocationSen: 100 }),
  'budgetLine.update': (x) => ({ id: x.budgetLine, realizationSen: 50 }),
  'budgetLine.delete': (x) => ({ id: x.budgetLine }),
  'actionItem.create': (x) => ({ meetingId: x.meeting, description: 'RTL tambahan' }),
  'actionItem.update': (x) => ({ id: x.action, status: 'selesai' }),
  'actionItem.delete': (x) => ({ id: x.action }),
  'followUp.record': (x) => ({ actionItemId: x.earlierAction, meetingId: x.meeting, status: 'selesai' }),
  'decision.create': (x) => ({ meetingId: x.meeting, text: 'Kesimpulan tambahan' }),
  'decision.update': (x) => ({ id: x.decision, text: 'Kesimpulan diubah' }),
  'decision.delete': (x) => ({ id: x.decision }),
  'decision.reorder': (x) => ({ meetingId: x.meeting, ids: [x.decision] }),
  // Its notulen's Lampiran Dokumentasi was frozen at close with the rest of the minutes.
  'evidence.setDocumentation': (x) => ({ meetingId: x.meeting, photos: [] }),
};

/** Write operations that do not write a meeting's rows, or must work on a closed meeting. */
const NOT_MEETING_WRITES: Partial<Record<OpName, string>> = {
  'followUp.setStatus': 'a status change outside any meeting: appended to the RTL history, counted only for meetings on or after its date, never rewriting what a meeting recorded',
  'agency.create': 'master list of agencies, not part of any meeting',
  'agency.update': 'master list of agencies, not part of any meeting',
  'agency.delete': 'master list; an agency a meeting uses is refused by its own rule',
  'reference.updateCluster': 'reference data per evaluation year, not a meeting',
  'reference.updateIndicator': 'reference data per evaluation year, not a meeting',
  'reference.createSubIndicator': 'reference data per evaluation year, not a meeting',
  'reference.updateSubIndicator': 'reference data per evaluation year, not a meeting',
  'reference.deleteSubIndicator': 'reference data per evaluation year, not a meeting',
  'reference.setBands': 'reference data per evaluation year, not a meeting',
  'reference.setUsualAgencies': 'reference data per evaluation year (the usual agencies of an indicator), not a meeting',
  'reference.createYear': 'reference data per evaluation year, not a meeting',
  'score.set': "the region's KLA scores per year, not a meeting",
  'score.setIndicator': "the region's KLA scores per year, not a meeting",
  'score.setAwardYear': 'which award an evaluation year leads to, not a meeting',
  'score.import': "the region's KLA scores per year from a workbook, not a meeting",
  'reference.importXlsx': 'reference data per evaluation year from a workbook, not a meeting',
  'regionProfile.update': 'the region profile, not a meeting',
  'agencyGroup.create': 'saved invitation groups, a shortcut outside any meeting',
  'agencyGroup.update': 'saved invitation groups, a shortcut outside any meeting',
  'agencyGroup.delete': 'saved invitation groups, a shortcut outside any meeting',
  'assignment.remove': 'an assignment belongs to the indicator; its input names no meeting',
  'backup.create': 'copies the whole database, changes no row',
  'backup.restore': 'replaces the whole database on purpose (with a safety backup)',
  'backup.settings.set': 'where backups go, not a meeting',
  'backup.recovery.startFresh': 'recovery from a damaged file, not a meeting',
  'file.save': 'writes an exported file to disk, not the database',
  'export.pdf': 'prints the Pratinjau to a PDF file on disk; writes nothing to the database',
  // Scans of the signed daftar hadir and notulen arrive after the close: data dukung is the
  // meeting's evidence, not its record, and never changes the frozen minutes.
  'evidence.attach': 'data dukung arrives after the close (signed scans, photos); not part of the frozen minutes',
  'evidence.update': 'title, date and notes of a data dukung file, not part of the frozen minutes',
  'evidence.delete': 'a data dukung file to Terhapus, not part of the frozen minutes',
  'evidence.open': 'hands a verified copy of a data dukung file to the system viewer; changes no row',
  'evidence.savePackage': 'writes the year\'s paket data dukung (.zip) outside the data folder; changes no row',
  'meeting.reopen': 'the one way to edit a closed meeting again (asked for in the UI)',
  'meeting.duplicate': 'reads the closed meeting and creates a new draft',
  'trash.purge': 'forgets a Terhapus entry for good; no row of the meeting changes',
  'meeting.delete': 'refused for a closed meeting with its own message (tested below)',
  'meeting.create': 'creates a new meeting; there is no closed one to target',
};

let t: TestBackend;
let ids: Ids;

beforeAll(async () => {
  t = openTestBackend();
  const [dinkes, pupr] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR')];
  const earlier = await t.call('meeting.create', { title: 'Rakor sebelumnya', clusterCodes: ['III'], date: '2025-01-15', startTime: '09:00' });
  const earlierAction = await t.call('actionItem.create', { meetingId: earlier.id, description: 'RTL terbuka' });
  const m = await t.call('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-04-15', startTime: '09:00', agenda: ['Pembukaan'], invitedAgencyIds: [dinkes] });
  const ws = await t.call('meeting.get', { id: m.id });
  const indicator = ws.clusters[0].indicators[0].id;
  const attendee = await t.call('attendance.create', { meetingId: m.id, name: 'Budi', agencyId: dinkes });
  const removed = await t.call('attendance.create', { meetingId: m.id, name: 'Salah ketik', agencyId: dinkes });
  const trashedAttendee = (await t.call('attendance.delete', { id: removed.id })).trashId as number;
  const decision = await t.call('decision.create', { meetingId: m.id, text: 'Kesimpulan' });
  const action = await t.call('actionItem.create', { meetingId: m.id, description: 'RTL rapat ini', indicatorId: indicator });
  const line = await t.call('budgetLine.create', { meetingId: m.id, agencyId: dinkes, fiscalYear: 2025, allocationSen: 1_000 });
  await t.edit('indicatorReview.upsert', { meetingId: m.id, indicatorId: indicator, achievement: '70%' });
  await t.call('assignment.set', { indicatorId: indicator, agencyId: dinkes, role: 'lead', meetingId: m.id });
  await t.call('meeting.close', { id: m.id, endTime: '12:00' });
  ids = { meeting: m.id, trashedAttendee, agenda: ws.agenda[0].id, attendee: attendee.id, decision: decision.id, action: action.id, budgetLine: line.id, indicator, earlierAction: earlierAction.id, dinkes, pupr };
});
afterAll(() => t?.close());

describe('a closed meeting', () => {
  it('has an input here, or a stated reason, for every write operation of the contract', () => {
    const writes = OP_NAMES.filter((name) => !isReadOp(name)).sort();
    const covered = [...Object.keys(INPUTS), ...Object.keys(NOT_MEETING_WRITES)].sort();
    expect(covered).toEqual(writes);
    expect(Object.keys(INPUTS).filter((name) => name in NOT_MEETING_WRITES)).toEqual([]);
  });

  it.each(Object.entries(INPUTS))('refuses %s and leaves every row as it was', async (name, input) => {
    const file = databasePath(t.dir);
    const before = dataChecksum(file);
    const error = await t.fail(name as OpName, input(ids));
    expect(error).toMatchObject({ code: 'CONFLICT', message: message('error.meetingClosed') });
    expect(dataChecksum(file)).toBe(before);
  });

  it('refuses to delete it (a signed record) and leaves every row as it was', async () => {
    const before = dataChecksum(databasePath(t.dir));
    const error = await t.fail('meeting.delete', { id: ids.meeting });
    expect(error).toMatchObject({ code: 'CONFLICT', message: message('error.meetingClosedDelete') });
    expect(dataChecksum(databasePath(t.dir))).toBe(before);
  });
});
