import { describe, expect, it } from 'vitest';
import { agencyId } from '../support/meeting-helpers';
import { backendPerTest } from '../support/backend-per-test';

// What "+ Rapat baru" proposes (meeting.draftFor): with no earlier rakor of the same klaster,
// the profile's people, an empty place, 09:00, the two usual acara and the agencies of the
// klaster's indicators; otherwise the last rakor of exactly those klaster (in any order) gives
// place, time, acara and invitations, and the chair or notulis the profile does not name.

const t = backendPerTest();
const DEFAULT_AGENDA = ['Tindak lanjut rapat sebelumnya', 'Pembahasan indikator'];
const nobody = { Name: '', Position: '', Rank: '', Nip: '' };
const person = (prefix: 'chair' | 'notulis', p: typeof nobody) => Object.fromEntries(Object.entries(p).map(([k, v]) => [`${prefix}${k}`, v]));

/** The indicator of this number in the set in force for 2025 (the seeded 2022 set). */
async function indicatorInForce2025(number: number) {
  return (await t.call('reference.get', { year: 2025 })).clusters.flatMap((c) => c.indicators).find((i) => i.number === number)!;
}

describe('meeting.draftFor', () => {
  it('without an earlier rakor of the klaster: the profile, an empty place, 09:00, the usual acara, the indicators\' agencies', async () => {
    await t.edit('regionProfile.update', { chairName: 'Drs. H. Ahmad', chairPosition: 'Sekretaris Daerah' });
    const [dinkes, pupr, satpol] = [await agencyId(t, 'Dinkes'), await agencyId(t, 'PUPR'), await agencyId(t, 'Satpol PP')];
    // Klaster III's indicators 11 to 16 are usually led by Dinkes, then PUPR (15), then Satpol PP (16).
    expect(await t.call('meeting.draftFor', { clusterCodes: ['III'], date: '2025-03-10' })).toEqual({
      ...person('chair', { ...nobody, Name: 'Drs. H. Ahmad', Position: 'Sekretaris Daerah' }),
      ...person('notulis', nobody),
      place: '', startTime: '09:00', invitedAgencyIds: [dinkes, pupr, satpol], agenda: DEFAULT_AGENDA, sourceMeetingId: null, sourceTitle: null,
    });
  });

  it('suggests the agencies an indicator\'s typed usual-agency text names by abbreviation, in any case, once', async () => {
    const [dinkes, pupr, satpol, dinsos, dpmd] = await Promise.all(['Dinkes', 'PUPR', 'Satpol PP', 'Dinsos', 'DPMD'].map((a) => agencyId(t, a)));
    await t.call('reference.updateIndicator', { id: (await indicatorInForce2025(12)).id, usualAgencies: 'dinsos / DPMD,Dinkes , Dinas Antah' });
    const { invitedAgencyIds } = await t.call('meeting.draftFor', { clusterCodes: ['III'], date: '2025-03-10' });
    // The linked agencies first, as before; then the two the text adds (Dinkes is already there).
    expect(invitedAgencyIds.slice(0, 3)).toEqual([dinkes, pupr, satpol]);
    expect(invitedAgencyIds.slice(3).sort((a, b) => a - b)).toEqual([dinsos, dpmd].sort((a, b) => a - b));
  });

  it('takes the indicators of the set in force in the draft\'s year', async () => {
    const kemenag = await agencyId(t, 'Kemenag');
    const set2026 = await t.call('reference.createYear', { year: 2026 });
    const i12 = set2026.clusters.flatMap((c) => c.indicators).find((i) => i.number === 12)!;
    await t.call('reference.updateIndicator', { id: i12.id, usualAgencies: 'Kemenag' });
    expect((await t.call('meeting.draftFor', { clusterCodes: ['III'], date: '2026-02-02' })).invitedAgencyIds).toContain(kemenag);
    expect((await t.call('meeting.draftFor', { clusterCodes: ['III'], date: '2025-02-03' })).invitedAgencyIds).not.toContain(kemenag);
  });

  it('follows the last rakor of exactly these klaster, in any order, and the profile for the person it names', async () => {
    await t.edit('regionProfile.update', { notulisName: 'Rina', notulisPosition: 'Analis Kebijakan' });
    const [dinsos, dindik] = [await agencyId(t, 'Dinsos'), await agencyId(t, 'Dindik')];
    const pleno = (title: string, date: string, extra: object) =>
      t.call('meeting.create', { title, clusterCodes: ['III', 'IV'], date, startTime: '09:00', ...extra });
    await pleno('Pleno Januari', '2025-01-10', { chairName: 'Lama', place: 'Ruang lama', agenda: ['Lama'], invitedAgencyIds: [dindik] });
    const february = await pleno('Pleno Februari', '2025-02-10', {
      startTime: '13:30', place: 'Aula Bappeda', chairName: 'Budi', chairPosition: 'Sekda', chairNip: '197001011990031005',
      notulisName: 'Tono', agenda: ['Pembukaan', 'Paparan'], invitedAgencyIds: [dinsos],
    });
    // Later, but of Klaster III alone: not the source of a III + IV draft.
    const march = await t.call('meeting.create', { title: 'Rakor III', clusterCodes: ['III'], date: '2025-03-01', startTime: '10:00', place: 'Ruang III' });

    expect(await t.call('meeting.draftFor', { clusterCodes: ['iv', 'III'], date: '2025-04-01' })).toEqual({
      ...person('chair', { Name: 'Budi', Position: 'Sekda', Rank: '', Nip: '197001011990031005' }),
      ...person('notulis', { ...nobody, Name: 'Rina', Position: 'Analis Kebijakan' }),
      place: 'Aula Bappeda', startTime: '13:30', invitedAgencyIds: [dinsos], agenda: ['Pembukaan', 'Paparan'],
      sourceMeetingId: february.id, sourceTitle: 'Pleno Februari',
    });
    // A last rakor without acara leaves the usual two.
    expect(await t.call('meeting.draftFor', { clusterCodes: ['III'], date: '2025-04-01' })).toMatchObject({
      place: 'Ruang III', startTime: '10:00', agenda: DEFAULT_AGENDA, sourceMeetingId: march.id, sourceTitle: 'Rakor III', invitedAgencyIds: [],
    });
  });
});
