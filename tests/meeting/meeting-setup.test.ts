import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { proposeMeetingTitle } from '../../shared/meeting';

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const base = { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' };

describe('meeting setup', () => {
  it('creates a meeting with clusters, agenda, invitations and the profile zone', async () => {
    await t.edit('regionProfile.update', { timeZone: 'WITA' });
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', {
      ...base,
      place: 'Aula Bappeda',
      chairName: 'Drs. H. Ahmad',
      chairNip: '19700101 199003 1 005',
      agenda: ['Pembukaan', 'Pembahasan indikator'],
      invitedAgencyIds: [dinkes],
    });
    expect(m).toMatchObject({ status: 'draf', timeZone: 'WITA', clusterCodes: ['III'], chairNip: '197001011990031005', endTime: null });
    const ws = await t.call('meeting.get', { id: m.id });
    expect(ws.clusters.map((c) => c.code)).toEqual(['III']);
    expect(ws.clusters[0].indicators).toHaveLength(6);
    expect(ws.agenda.map((a) => a.title)).toEqual(['Pembukaan', 'Pembahasan indikator']);
    expect(ws.invitedAgencyIds).toEqual([dinkes]);
    expect(ws.suggestedAgencyIds).toContain(dinkes);
  });

  it('rejects bad input with Indonesian messages next to the field, and saves nothing', async () => {
    const empty = await t.fail('meeting.create', { ...base, title: '  ' });
    expect(empty.fields).toContainEqual({ path: 'title', message: 'Wajib diisi.' });
    const nip17 = await t.fail('meeting.create', { ...base, chairNip: '19700101199003100' });
    expect(nip17.fields).toContainEqual({ path: 'chairNip', message: 'NIP harus 18 digit angka.' });
    const endBefore = await t.fail('meeting.create', { ...base, endTime: '08:30' });
    expect(endBefore.fields).toContainEqual({ path: 'endTime', message: 'Jam selesai tidak boleh sebelum jam mulai.' });
    const noCluster = await t.fail('meeting.create', { ...base, clusterCodes: [] });
    expect(noCluster.fields?.[0]).toMatchObject({ path: 'clusterCodes', message: 'Pilih minimal satu klaster.' });
    const unknownCluster = await t.fail('meeting.create', { ...base, clusterCodes: ['VII'] });
    expect(unknownCluster.fields?.[0].message).toContain('VII');
    expect(await t.call('meeting.list', {})).toEqual([]);
  });

  it('patches one field at a time without touching the others', async () => {
    const m = await t.call('meeting.create', { ...base, place: 'Aula', chairName: 'Budi' });
    await t.edit('meeting.update', { id: m.id, openingNotes: 'Dibuka pukul 09.05 oleh Sekda ' });
    const after = await t.edit('meeting.update', { id: m.id, notulisNip: '198501012010012003' });
    expect(after).toMatchObject({ place: 'Aula', chairName: 'Budi', openingNotes: 'Dibuka pukul 09.05 oleh Sekda ', notulisNip: '198501012010012003' });
    // End time checked against the stored start time, and a start moved past the end too.
    await t.edit('meeting.update', { id: m.id, endTime: '11:00' });
    const endErr = await t.fail('meeting.update', { id: m.id, endTime: '08:00' });
    expect(endErr.fields).toContainEqual({ path: 'endTime', message: 'Jam selesai tidak boleh sebelum jam mulai.' });
    const startErr = await t.fail('meeting.update', { id: m.id, startTime: '12:00' });
    expect(startErr.fields?.[0].path).toBe('startTime');
    const titleErr = await t.fail('meeting.update', { id: m.id, title: '' });
    expect(titleErr.fields?.[0]).toEqual({ path: 'title', message: 'Wajib diisi.' });
    const unknown = await t.fail('meeting.update', { id: m.id, nope: 1 });
    expect(unknown.code).toBe('VALIDATION');
    const ws = await t.call('meeting.get', { id: m.id });
    expect(ws.meeting).toMatchObject({ startTime: '09:00', endTime: '11:00', title: 'Rakor Klaster III' });
  });

  it('lists newest first with search and filters', async () => {
    const a = await t.call('meeting.create', { ...base, title: 'Rakor Kesehatan', date: '2024-05-01' });
    const b = await t.call('meeting.create', { ...base, title: 'Rakor Pendidikan', clusterCodes: ['IV'], date: '2025-02-01', place: 'Ruang Rapat Dindik' });
    const c = await t.call('meeting.create', { ...base, title: 'Pleno', clusterCodes: ['KL', 'I', 'II', 'III', 'IV', 'V'], date: '2025-06-01' });
    await t.call('meeting.close', { id: a.id, endTime: '12:00' });
    expect((await t.call('meeting.list', {})).map((m) => m.id)).toEqual([c.id, b.id, a.id]);
    expect((await t.call('meeting.list', { year: 2025 })).map((m) => m.id)).toEqual([c.id, b.id]);
    expect((await t.call('meeting.list', { clusterCode: 'III' })).map((m) => m.id)).toEqual([c.id, a.id]);
    expect((await t.call('meeting.list', { status: 'selesai' })).map((m) => m.id)).toEqual([a.id]);
    expect((await t.call('meeting.list', { search: 'dindik' })).map((m) => m.id)).toEqual([b.id]);
    expect((await t.call('meeting.list', { search: '100%' }))).toEqual([]);
    expect((await t.call('meeting.list', {}))[0].clusterCodes).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
  });

  it('orders, edits and removes agenda items and decisions', async () => {
    const m = await t.call('meeting.create', { ...base, agenda: ['A', 'B'] });
    const c = await t.call('agendaItem.create', { meetingId: m.id, title: 'C' });
    let ws = await t.call('meeting.get', { id: m.id });
    const [a, b] = ws.agenda;
    await t.edit('agendaItem.update', { id: b.id, notes: 'Catatan B' });
    expect((await t.call('agendaItem.reorder', { meetingId: m.id, ids: [c.id, a.id, b.id] })).map((x) => x.title)).toEqual(['C', 'A', 'B']);
    expect((await t.fail('agendaItem.reorder', { meetingId: m.id, ids: [c.id, a.id] })).message).toContain('Urutan');
    await t.call('agendaItem.delete', { id: a.id });
    const d1 = await t.call('decision.create', { meetingId: m.id, text: 'Satu' });
    const d2 = await t.call('decision.create', { meetingId: m.id, text: 'Dua' });
    await t.edit('decision.update', { id: d1.id, text: 'Satu (diubah)' });
    await t.call('decision.reorder', { meetingId: m.id, ids: [d2.id, d1.id] });
    ws = await t.call('meeting.get', { id: m.id });
    expect(ws.agenda.map((x) => [x.title, x.notes])).toEqual([['C', ''], ['B', 'Catatan B']]);
    expect(ws.decisions.map((x) => x.text)).toEqual(['Dua', 'Satu (diubah)']);
  });

  it('closes with an end time, refuses edits while closed, and reopens', async () => {
    const m = await t.call('meeting.create', base);
    expect((await t.call('meeting.start', { id: m.id })).status).toBe('berlangsung');
    expect((await t.fail('meeting.close', { id: m.id, endTime: '08:59' })).fields?.[0].message).toBe('Jam selesai tidak boleh sebelum jam mulai.');
    const closed = await t.call('meeting.close', { id: m.id, endTime: '11:30' });
    expect(closed).toMatchObject({ status: 'selesai', endTime: '11:30' });
    const err = await t.fail('meeting.update', { id: m.id, place: 'x' });
    expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('sudah ditutup') });
    expect((await t.fail('attendance.create', { meetingId: m.id, name: 'X' })).code).toBe('CONFLICT');
    expect((await t.fail('decision.create', { meetingId: m.id, text: 'X' })).code).toBe('CONFLICT');
    expect((await t.call('meeting.reopen', { id: m.id })).status).toBe('berlangsung');
    await t.edit('meeting.update', { id: m.id, place: 'Aula' });
  });

  it('duplicates as a draft template and deletes with everything in it', async () => {
    const dinkes = await agencyId(t, 'Dinkes');
    const m = await t.call('meeting.create', { ...base, place: 'Aula', chairName: 'Budi', agenda: ['Pembukaan'], invitedAgencyIds: [dinkes] });
    const ws0 = await t.call('meeting.get', { id: m.id });
    await t.edit('agendaItem.update', { id: ws0.agenda[0].id, notes: 'tidak ikut disalin' });
    await t.call('attendance.create', { meetingId: m.id, name: 'dr. Sari', agencyId: dinkes, phone: '0812 3456 7890' });
    await t.call('decision.create', { meetingId: m.id, text: 'Keputusan lama' });
    await t.call('meeting.close', { id: m.id, endTime: '12:00' });
    const copy = await t.call('meeting.duplicate', { id: m.id, date: '2025-06-10' });
    expect(copy).toMatchObject({ status: 'draf', date: '2025-06-10', endTime: null, place: 'Aula', chairName: 'Budi', clusterCodes: ['III'] });
    const ws = await t.call('meeting.get', { id: copy.id });
    expect(ws.agenda.map((a) => [a.title, a.notes])).toEqual([['Pembukaan', '']]);
    expect(ws.invitedAgencyIds).toEqual([dinkes]);
    expect(ws.attendance).toMatchObject([{ name: 'dr. Sari', present: false, agencyId: dinkes }]);
    expect(ws.decisions).toEqual([]);
    // The closed original is a record: it cannot be deleted. The draft copy goes to Terhapus whole.
    expect((await t.fail('meeting.delete', { id: m.id })).code).toBe('CONFLICT');
    await t.call('meeting.delete', { id: copy.id });
    expect((await t.call('meeting.list', {})).map((x) => x.id)).toEqual([m.id]);
    expect((await t.fail('meeting.get', { id: copy.id })).code).toBe('NOT_FOUND');
    expect((await t.call('trash.list', {}))[0].label).toBe('Rapat: Rakor Klaster III (10 Juni 2025)');
  });

  it('keeps its setup after the database is closed and reopened', async () => {
    const m = await t.call('meeting.create', base);
    await t.edit('meeting.update', { id: m.id, closingNotes: 'Ditutup pukul 12.00' });
    const dir = t.dir;
    t.close();
    t = openTestBackend(dir);
    expect((await t.call('meeting.get', { id: m.id })).meeting.closingNotes).toBe('Ditutup pukul 12.00');
  });

  it('proposes titles from the clusters', () => {
    expect(proposeMeetingTitle([{ code: 'III', name: 'Kesehatan Dasar dan Kesejahteraan' }], 6)).toBe(
      'Rapat Koordinasi Gugus Tugas KLA Klaster III Kesehatan Dasar dan Kesejahteraan',
    );
    expect(proposeMeetingTitle([{ code: 'KL', name: 'Kelembagaan' }], 6)).toBe('Rapat Koordinasi Gugus Tugas KLA Kelembagaan');
    expect(proposeMeetingTitle([{ code: 'I', name: 'x' }, { code: 'II', name: 'y' }, { code: 'III', name: 'z' }], 6)).toBe(
      'Rapat Koordinasi Gugus Tugas KLA Klaster I, Klaster II dan Klaster III',
    );
  });
});
