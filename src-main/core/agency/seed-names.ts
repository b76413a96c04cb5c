import type { Db } from '../db/database';
import type { RegionType } from '../../../shared/types';
import { nowIso } from '../db/clock';

// The seeded agencies whose name depends on the region type (migration 0006 gave them a seed
// key). A kota has no desa and a BNN Kota; a province has a Polda, a Kejati, a Biro Hukum.
// Names vary per region (unverified beyond these common forms): only a row still carrying one
// of these names is renamed, so a name the user typed is never overwritten.
type Named = { name: string; abbreviation: string };
export const SEED_NAMES: Record<string, Record<RegionType, Named>> = {
  dpmd: {
    kabupaten: { name: 'Dinas Pemberdayaan Masyarakat dan Desa', abbreviation: 'DPMD' },
    kota: { name: 'Dinas Pemberdayaan Masyarakat', abbreviation: 'DPM' },
    provinsi: { name: 'Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa', abbreviation: 'DPMPD' },
  },
  bag_hukum: {
    kabupaten: { name: 'Bagian Hukum Sekretariat Daerah', abbreviation: 'Bag. Hukum' },
    kota: { name: 'Bagian Hukum Sekretariat Daerah', abbreviation: 'Bag. Hukum' },
    provinsi: { name: 'Biro Hukum Sekretariat Daerah', abbreviation: 'Biro Hukum' },
  },
  polres: {
    kabupaten: { name: 'Kepolisian Resor', abbreviation: 'Polres' },
    kota: { name: 'Kepolisian Resor Kota', abbreviation: 'Polresta' },
    provinsi: { name: 'Kepolisian Daerah', abbreviation: 'Polda' },
  },
  kejari: {
    kabupaten: { name: 'Kejaksaan Negeri', abbreviation: 'Kejari' },
    kota: { name: 'Kejaksaan Negeri', abbreviation: 'Kejari' },
    provinsi: { name: 'Kejaksaan Tinggi', abbreviation: 'Kejati' },
  },
  pn: {
    kabupaten: { name: 'Pengadilan Negeri', abbreviation: 'PN' },
    kota: { name: 'Pengadilan Negeri', abbreviation: 'PN' },
    provinsi: { name: 'Pengadilan Tinggi', abbreviation: 'PT' },
  },
  pa: {
    kabupaten: { name: 'Pengadilan Agama', abbreviation: 'PA' },
    kota: { name: 'Pengadilan Agama', abbreviation: 'PA' },
    provinsi: { name: 'Pengadilan Tinggi Agama', abbreviation: 'PTA' },
  },
  kemenag: {
    kabupaten: { name: 'Kantor Kementerian Agama', abbreviation: 'Kemenag' },
    kota: { name: 'Kantor Kementerian Agama', abbreviation: 'Kemenag' },
    provinsi: { name: 'Kantor Wilayah Kementerian Agama', abbreviation: 'Kanwil Kemenag' },
  },
  bnn: {
    kabupaten: { name: 'Badan Narkotika Nasional Kabupaten', abbreviation: 'BNNK' },
    kota: { name: 'Badan Narkotika Nasional Kota', abbreviation: 'BNNK' },
    provinsi: { name: 'Badan Narkotika Nasional Provinsi', abbreviation: 'BNNP' },
  },
};

/**
 * Gives the seeded agencies the names of this region type. A row is left alone once its name
 * or abbreviation is not one of its seeded forms (the user edited it), and when the new
 * abbreviation is already another agency's.
 */
export function applySeedNames(db: Db, type: RegionType): number {
  const rows = db.prepare(`SELECT id, seed_key AS key, name, abbreviation FROM agency WHERE seed_key <> ''`).all() as ({ id: number; key: string } & Named)[];
  const rename = db.prepare(`UPDATE agency SET name = ?, abbreviation = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`);
  const taken = db.prepare(`SELECT 1 FROM agency WHERE lower(abbreviation) = lower(?) AND id <> ?`);
  let changed = 0;
  for (const row of rows) {
    const forms = SEED_NAMES[row.key];
    if (!forms) continue;
    const unedited = Object.values(forms).some((f) => f.name === row.name && f.abbreviation === row.abbreviation);
    const target = forms[type];
    if (!unedited || (target.name === row.name && target.abbreviation === row.abbreviation)) continue;
    if (taken.get(target.abbreviation, row.id)) continue;
    rename.run(target.name, target.abbreviation, nowIso(), row.id);
    changed++;
  }
  return changed;
}
