import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { agencyId } from '../support/meeting-helpers';
import { backendPerTest, storedData } from '../support/backend-per-test';

// The "OPD yang biasa mengampu" column of a reference workbook is text a secretary writes:
// names and abbreviations joined by commas, slashes, brackets, "dan" or "&". On import each
// name that surely names one agency becomes a link; the rest stays as text to fix, written
// back exactly as typed (trimmed, joined by ", ").

const t = backendPerTest();

/** The year's workbook with indicator 12's usual agencies written as `text`. */
async function workbookWithUsualText(year: number, text: string): Promise<string> {
  const file = await t.call('reference.exportXlsx', { year });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  workbook.getWorksheet('Indikator')!.eachRow((row) => {
    if (row.getCell(3).value === 12 && !row.getCell(4).value) row.getCell(6).value = text;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function indicator12(year: number) {
  const set = await t.call('reference.get', { year });
  return set.clusters.flatMap((c) => c.indicators).find((i) => i.number === 12)!;
}

/** Indicator 12's usual-agencies cell of the year's exported workbook. */
async function exportedUsualText(year: number): Promise<string> {
  const file = await t.call('reference.exportXlsx', { year });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.getWorksheet('Indikator')!.eachRow((row) => {
    if (row.getCell(3).value === 12 && !row.getCell(4).value) cells.push(String(row.getCell(6).value ?? ''));
  });
  return cells[0];
}

describe('usual agencies written as text in a workbook', () => {
  it('link every separated name ("dan", "&", brackets, slashes) and keep the unknown ones as text, in order', async () => {
    const [dinkes, dp3a, bappeda, dindik] = await Promise.all(['Dinkes', 'DP3A', 'Bappeda', 'Dindik'].map((a) => agencyId(t, a)));
    const base64 = await workbookWithUsualText(2024, 'Dinkes dan DP3A & Bappeda (Forum Anak); Dindik/Karang Taruna');
    await t.call('reference.importXlsx', { year: 2031, base64 });
    const imported = await indicator12(2031);
    expect(imported.usualAgencyIds).toEqual([dinkes, dp3a, bappeda, dindik]);
    // The names that matched nothing, trimmed and joined again: nothing empty between "(...)" and ";".
    expect(imported.usualAgencies).toBe('Forum Anak, Karang Taruna');
    // The workbook of that year prints the links by abbreviation, then the text still to fix.
    expect(await exportedUsualText(2031)).toBe('Dinkes, DP3A, Bappeda, Dindik, Forum Anak, Karang Taruna');
  });

  it('replace the links of an existing year on import, keeping only unknown text', async () => {
    const bappeda = await agencyId(t, 'Bappeda');
    await t.call('reference.importXlsx', { year: 2024, base64: await workbookWithUsualText(2024, 'Bappeda, Forum Anak') });
    const updated = await indicator12(2024);
    expect(updated.usualAgencyIds).toEqual([bappeda]);
    expect(updated.usualAgencies).toBe('Forum Anak');
    expect(await exportedUsualText(2024)).toBe('Bappeda, Forum Anak');
  });

  it('do not split a name inside a word: "Badan" is not "Ba" + "dan"', async () => {
    const bnnk = await agencyId(t, 'BNNK');
    await t.call('reference.importXlsx', { year: 2031, base64: await workbookWithUsualText(2024, 'Badan Narkotika Nasional Kabupaten') });
    const imported = await indicator12(2031);
    expect(imported.usualAgencyIds).toEqual([bnnk]);
    expect(imported.usualAgencies).toBe('');
  });

  it('link an agency written by its full name even when the name holds "dan"', async () => {
    const dp3a = await agencyId(t, 'DP3A');
    const full = (await t.call('agency.list', { search: 'DP3A' })).find((a) => a.id === dp3a)!.name;
    expect(full).toContain(' dan ');
    await t.call('reference.importXlsx', { year: 2031, base64: await workbookWithUsualText(2024, `${full}, Forum Anak`) });
    const imported = await indicator12(2031);
    expect(imported.usualAgencyIds).toEqual([dp3a]);
    expect(imported.usualAgencies).toBe('Forum Anak');
  });

  it('survive the round trip for an agency without abbreviation whose name holds "dan"', async () => {
    const forum = await t.call('agency.create', { kind: 'mitra', partnerType: 'lainnya', name: 'Forum Anak dan Remaja' });
    const indicator = await indicator12(2024);
    await t.call('reference.setUsualAgencies', { indicatorId: indicator.id, agencyIds: [forum.id] });
    expect(await exportedUsualText(2024)).toBe('Forum Anak dan Remaja');
    const base64 = (await t.call('reference.exportXlsx', { year: 2024 })).base64;
    await t.call('reference.importXlsx', { year: 2031, base64 });
    const imported = await indicator12(2031);
    expect(imported.usualAgencyIds).toEqual([forum.id]);
    expect(imported.usualAgencies).toBe('');
  });
});

describe('setting the usual agencies of an indicator', () => {
  it('an indicator without links reads as none, and a new year copies each indicator\'s links in order', async () => {
    const indicator = await indicator12(2024);
    const [dp3a, dinkes] = [await agencyId(t, 'DP3A'), await agencyId(t, 'Dinkes')];
    await t.call('reference.setUsualAgencies', { indicatorId: indicator.id, agencyIds: [dp3a, dinkes] });
    const other = (await t.call('reference.get', { year: 2024 })).clusters.flatMap((c) => c.indicators).find((i) => i.number === 1)!;
    expect((await t.call('reference.setUsualAgencies', { indicatorId: other.id, agencyIds: [] })).usualAgencyIds).toEqual([]);
    expect((await t.call('reference.get', { year: 2024 })).clusters.flatMap((c) => c.indicators).find((i) => i.number === 1)!.usualAgencyIds).toEqual([]);

    const created = await t.call('reference.createYear', { year: 2031 });
    const copied = created.clusters.flatMap((c) => c.indicators);
    expect(copied.find((i) => i.number === 12)!.usualAgencyIds).toEqual([dp3a, dinkes]);
    expect(copied.find((i) => i.number === 1)!.usualAgencyIds).toEqual([]);
  });

  it('refuses an unknown agency as a validation error on agencyIds, writing nothing', async () => {
    const indicator = await indicator12(2024);
    const before = storedData(t);
    const error = await t.fail('reference.setUsualAgencies', { indicatorId: indicator.id, agencyIds: [await agencyId(t, 'Dinkes'), 999999] });
    expect(error).toEqual({ code: 'VALIDATION', message: 'Instansi tidak ditemukan.', fields: [{ path: 'agencyIds', message: 'Instansi tidak ditemukan.' }] });
    expect(storedData(t)).toBe(before);
  });

  it('refuses an indicator that does not exist, writing nothing', async () => {
    const before = storedData(t);
    const error = await t.fail('reference.setUsualAgencies', { indicatorId: 999999, agencyIds: [await agencyId(t, 'Dinkes')] });
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan. Mungkin sudah dihapus.' });
    expect(storedData(t)).toBe(before);
  });
});
