import { describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/types';
import { backendPerTest, storedData } from '../support/backend-per-test';

// The region profile form saves one field at a time (and may send the region type again with
// another field). Only a change of region type renames the seeded agencies (BNNK "Kabupaten" or
// "Kota", Polres or Polresta); a save that repeats the type leaves every agency as it is, even one
// the user named like another region type's form. Two windows: the second save is refused with
// the profile as it is now, so the form can show it.

const STALE = 'Data ini sudah diubah di jendela lain. Muat ulang untuk melihat versi terbaru; isian Anda belum disimpan.';

describe('region type and the seeded agency names', () => {
  const t = backendPerTest();
  const agencies = async (): Promise<Agency[]> => t.call('agency.list', { includeInactive: true });

  it('a save without the region type leaves every agency untouched', async () => {
    const before = await agencies();
    const after = await t.edit('regionProfile.update', { letterheadLines: ['PEMERINTAH KABUPATEN BANUA HARAPAN', 'BAPPEDA'] });
    expect(after.letterheadLines).toEqual(['PEMERINTAH KABUPATEN BANUA HARAPAN', 'BAPPEDA']);
    expect(after.regionType).toBe('kabupaten');
    expect(await agencies()).toEqual(before);
  });

  it('repeating the region type renames nothing, even a Polres the user called Polresta', async () => {
    const polres = (await agencies()).find((a) => a.abbreviation === 'Polres')!;
    // A kabupaten may well have a Polresta: the user names it so by hand (it is also the kota form).
    await t.edit('agency.update', { id: polres.id, name: 'Kepolisian Resor Kota', abbreviation: 'Polresta' });
    const before = await agencies();
    const profile = await t.edit('regionProfile.update', { regionType: 'kabupaten', regionName: 'Banua Harapan' });
    expect(profile).toMatchObject({ regionType: 'kabupaten', regionName: 'Banua Harapan' });
    expect(await agencies()).toEqual(before);

    // A real change of type renames the rows still carrying a seeded form.
    await t.edit('regionProfile.update', { regionType: 'provinsi' });
    expect((await agencies()).find((a) => a.id === polres.id)).toMatchObject({ name: 'Kepolisian Daerah', abbreviation: 'Polda' });
  });

  it('refuses a save based on an older profile, answering the profile as it is now, and writes nothing', async () => {
    const seen = await t.call('regionProfile.get', {});
    const now = await t.call('regionProfile.update', { baseRevision: seen.revision, regionName: 'Banua Harapan' });
    const before = storedData(t);
    const error = await t.fail('regionProfile.update', { baseRevision: seen.revision, regionType: 'kota' });
    expect(error).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
  });
});

describe('agency edits from two windows', () => {
  const t = backendPerTest();

  it('refuse the second edit with the agency as it is now, and write nothing', async () => {
    const dinkes = (await t.call('agency.list', { search: 'Dinkes' })).find((a) => a.abbreviation === 'Dinkes')!;
    const now = await t.call('agency.update', { id: dinkes.id, baseRevision: dinkes.revision, name: 'Dinas Kesehatan Kabupaten Banua' });
    const before = storedData(t);
    const error = await t.fail('agency.update', { id: dinkes.id, baseRevision: dinkes.revision, abbreviation: 'Diskes' });
    expect(error).toEqual({ code: 'STALE', message: STALE, current: now });
    expect(storedData(t)).toBe(before);
  });
});
