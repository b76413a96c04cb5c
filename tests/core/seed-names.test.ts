import { describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/types';
import { applySeedNames } from '../../src-main/core/agency/seed-names';
import { backendPerTest } from '../support/backend-per-test';

// The seeded agencies take the names of the region type (BNNK "Kabupaten" or "Kota", Polres or
// Polresta) until the user edits them. What matters: a name the user typed is never overwritten,
// a rename never takes an abbreviation another agency already has, and a row already right is
// not touched (its revision would otherwise make an open form see a conflict that is not one).

describe('seeded agency names and the region type', () => {
  const t = backendPerTest();
  const agencies = async (): Promise<Map<string, Agency>> => new Map((await t.call('agency.list', {})).map((a) => [a.abbreviation, a]));

  it('renames from kabupaten to kota those whose names differ, and leaves the others untouched', async () => {
    const before = await agencies();
    expect(applySeedNames(t.backend.db, 'kota')).toBe(3); // DPMD, Polres, BNNK
    const after = await agencies();
    expect(after.get('BNNK')).toMatchObject({ name: 'Badan Narkotika Nasional Kota', revision: before.get('BNNK')!.revision + 1 });
    expect(after.get('Polresta')).toMatchObject({ id: before.get('Polres')!.id, name: 'Kepolisian Resor Kota' });
    expect(after.get('DPM')?.name).toBe('Dinas Pemberdayaan Masyarakat');
    // Same name and abbreviation in a kota: not written at all.
    for (const same of ['Kejari', 'Bag. Hukum', 'PN', 'PA', 'Kemenag']) expect(after.get(same)).toEqual(before.get(same));
    // Already kota: nothing to do.
    expect(applySeedNames(t.backend.db, 'kota')).toBe(0);
  });

  it('leaves a row whose abbreviation alone was edited', async () => {
    const polres = (await agencies()).get('Polres')!;
    await t.edit('agency.update', { id: polres.id, abbreviation: 'Polres Kutai' });
    expect(applySeedNames(t.backend.db, 'provinsi')).toBeGreaterThan(0);
    expect((await agencies()).get('Polres Kutai')).toMatchObject({ id: polres.id, name: 'Kepolisian Resor' });
  });

  it('does not take an abbreviation another agency already has', async () => {
    const polres = (await agencies()).get('Polres')!;
    const other = await t.call('agency.create', { kind: 'vertikal', name: 'Polresta lain', abbreviation: 'polresta' });
    applySeedNames(t.backend.db, 'kota');
    const after = await agencies();
    expect(after.get('Polres')).toEqual(polres);
    expect(after.get('polresta')?.id).toBe(other.id);
  });

  it('skips a row whose seed key it does not know (an older or mended database) instead of failing', async () => {
    const bnn = (await agencies()).get('BNNK')!;
    t.backend.db.prepare(`UPDATE agency SET seed_key = 'tidak_dikenal' WHERE id = ?`).run(bnn.id);
    expect(applySeedNames(t.backend.db, 'kota')).toBe(2);
    expect((await agencies()).get('BNNK')).toEqual(bnn);
  });
});
