import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyId, openTestBackend, type TestBackend } from '../support/meeting-helpers';
import ExcelJS from 'exceljs';

// Issue 15: an indicator's "OPD yang biasa mengampu" are links to agencies: set in order,
// following renames, feeding the invitation suggestion of a new rakor; a workbook carries them
// by name and links them again on import.

let t: TestBackend;
beforeEach(() => {
  t = openTestBackend();
});
afterEach(() => t.close());

async function indicator(number: number) {
  const set = await t.call('reference.get', { year: 2024 });
  return set.clusters.flatMap((c) => c.indicators).find((i) => i.number === number)!;
}

describe('usual agencies of an indicator', () => {
  it('are links set in order, refused for an unknown agency, renamed with the agency, dropped with it', async () => {
    const seeded = await indicator(12);
    const dinkes = await agencyId(t, 'Dinkes');
    // Seeded text became links at migration: "Dinkes".
    expect(seeded.usualAgencyIds).toEqual([dinkes]);
    expect(seeded.usualAgencies).toBe('');

    const dp3a = await agencyId(t, 'DP3A');
    const set = await t.call('reference.setUsualAgencies', { indicatorId: seeded.id, agencyIds: [dp3a, dinkes, dp3a] });
    expect(set.usualAgencyIds).toEqual([dp3a, dinkes]);

    const before = await indicator(12);
    const error = await t.fail('reference.setUsualAgencies', { indicatorId: seeded.id, agencyIds: [dinkes, 999999] });
    expect(error.fields).toEqual([{ path: 'agencyIds', message: 'Instansi tidak ditemukan.' }]);
    expect((await indicator(12)).usualAgencyIds).toEqual(before.usualAgencyIds);

    // A rename is followed (the link is the agency's id); the workbook prints the new name.
    await t.edit('agency.update', { id: dp3a, abbreviation: 'DPPPA', name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak' });
    const file = await t.call('reference.exportXlsx', { year: 2024 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Indikator')!;
    const usual: string[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(3).value === 12 && !row.getCell(4).value) usual.push(String(row.getCell(6).value));
    });
    expect(usual).toEqual(['DPPPA, Dinkes']);

    // A new agency used only here can be deleted: the link goes with it.
    const extra = await t.call('agency.create', { kind: 'mitra', partnerType: 'lainnya', name: 'Yayasan Gizi Anak', abbreviation: 'YGA' });
    await t.call('reference.setUsualAgencies', { indicatorId: seeded.id, agencyIds: [dp3a, dinkes, extra.id] });
    await t.call('agency.delete', { id: extra.id });
    expect((await indicator(12)).usualAgencyIds).toEqual([dp3a, dinkes]);
  });

  it('propose the klaster\'s usual agencies for a new rakor, and come back linked from a workbook', async () => {
    const seeded = await indicator(12);
    const bappeda = await agencyId(t, 'Bappeda');
    await t.call('reference.setUsualAgencies', { indicatorId: seeded.id, agencyIds: [bappeda] });
    const draft = await t.call('meeting.draftFor', { clusterCodes: ['III'] });
    expect(draft.invitedAgencyIds).toContain(bappeda);

    // Round trip: the exported names are linked again; an unknown name stays as text to fix.
    const file = await t.call('reference.exportXlsx', { year: 2024 });
    const imported = await t.call('reference.importXlsx', { year: 2031, base64: file.base64 });
    const copy = imported.clusters.flatMap((c) => c.indicators).find((i) => i.number === 12)!;
    expect(copy.usualAgencyIds).toEqual([bappeda]);
    expect(copy.usualAgencies).toBe('');
  });
});
