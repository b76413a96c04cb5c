import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, klasterIII, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';

// Issue 15 at province level: a weak indicator is attributed to the kab/kota it is weak in
// (agencies of kind 'kabkota'), in the order chosen, on screen and in the notulen's data; an RTL
// is attributed to a kab/kota through its penanggung jawab or pihak terkait (any agency).

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

const kabkota = (name: string, abbreviation: string) => t.call('agency.create', { kind: 'kabkota', name, abbreviation });

describe('kab/kota of an indicator review', () => {
  it('keeps the order chosen, refuses a non-kab/kota agency without writing, and moves the revision on', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const stunting = indicators.find((i) => i.number === 12)!;
    const [kukar, balikpapan] = [await kabkota('Kabupaten Kutai Kartanegara', 'Kukar'), await kabkota('Kota Balikpapan', 'Bpp')];

    // Refused on the first write: no review row is left behind.
    const refused = await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true, kabkotaAgencyIds: [kukar.id, await agencyId(t, 'Dinkes')] });
    expect(refused.fields).toEqual([{ path: 'kabkotaAgencyIds.1', message: 'Pilih kabupaten/kota dari daftar instansi (jenis Pemerintah kabupaten/kota).' }]);
    expect((await t.call('meeting.get', { id: meeting.id })).reviews).toEqual([]);

    const r = await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true, kabkotaAgencyIds: [balikpapan.id, kukar.id] });
    expect(r).toMatchObject({ isWeak: true, kabkotaAgencyIds: [balikpapan.id, kukar.id] });
    const changed = await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, baseRevision: r.revision, kabkotaAgencyIds: [kukar.id] });
    expect(changed.revision).toBe(r.revision + 1);
    expect((await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, baseRevision: r.revision, kabkotaAgencyIds: [] })).code).toBe('STALE');
    // Refused on a later write: the list stays as it was.
    await t.fail('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, kabkotaAgencyIds: [999_999] });
    expect((await t.call('meeting.get', { id: meeting.id })).reviews[0]).toMatchObject({ kabkotaAgencyIds: [kukar.id], revision: changed.revision });

    await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, kabkotaAgencyIds: [kukar.id, balikpapan.id] });
    expect(loadMinutesData(t.backend.db, meeting.id).reviews[0].kabkota).toEqual(['Kabupaten Kutai Kartanegara', 'Kota Balikpapan']);
    // A kab/kota named by a review is in use: kept (it can be deactivated instead).
    expect((await t.fail('agency.delete', { id: kukar.id })).code).toBe('CONFLICT');

    // An RTL attributed to a kab/kota: its penanggung jawab.
    const rtl = await t.call('actionItem.create', { meetingId: meeting.id, indicatorId: stunting.id, description: 'Verifikasi data balita', leadAgencyId: balikpapan.id });
    expect(loadMinutesData(t.backend.db, meeting.id).actions[0]).toMatchObject({ description: rtl.description, leadAgency: 'Bpp' });
  });

  it('comes back with its meeting from Terhapus and stays in the closed record', async () => {
    const { meeting, indicators } = await klasterIII(t);
    const stunting = indicators.find((i) => i.number === 12)!;
    const kukar = await kabkota('Kabupaten Kutai Kartanegara', 'Kukar');
    await t.edit('indicatorReview.upsert', { meetingId: meeting.id, indicatorId: stunting.id, isWeak: true, kabkotaAgencyIds: [kukar.id] });
    const gone = await t.call('meeting.delete', { id: meeting.id });
    await t.call('trash.restore', { id: gone.trashId! });
    expect((await t.call('meeting.get', { id: meeting.id })).reviews[0].kabkotaAgencyIds).toEqual([kukar.id]);
    await t.call('meeting.close', { id: meeting.id, endTime: '12:00' });
    await t.call('agency.update', { id: kukar.id, baseRevision: kukar.revision, name: 'Kabupaten Kukar (nama baru)' });
    expect(loadMinutesData(t.backend.db, meeting.id).reviews[0].kabkota).toEqual(['Kabupaten Kutai Kartanegara']);
    expect((await t.call('meeting.get', { id: meeting.id })).reviews[0].kabkotaAgencyIds).toEqual([kukar.id]);
  });
});
