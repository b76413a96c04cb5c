import type { Migration } from './types';

// Corrects the 2022 seed's wording (../shared/DOMAIN.md, verified against the ministry's slides
// and a regency's copy of the instrument): Klaster V's sub-items 21a–e are groups of children
// needing special protection, not kinds of violence, and indicators 1 and 3–6 read as the
// ministry writes them. A row is changed only while its text is still exactly what migration
// 0002 seeded, so a region's own edits stay; a seed sub-item with no place in the new list
// (21f) is removed only if unedited and without scores. Both texts are frozen copies here.

const SEED_YEAR = 2022;

/** [indicator number, text 0002 seeded, corrected text]. */
export const INDICATOR_WORDING: readonly [number, string, string][] = [
  [1, 'Peraturan daerah / kebijakan tentang KLA', 'Peraturan Daerah (Perda) tentang KLA'],
  [3, 'Keterlibatan lembaga masyarakat, dunia usaha dan media',
    'Keterlibatan masyarakat, dunia usaha dan media dalam pemenuhan hak anak dan perlindungan khusus anak'],
  [4, 'Anak yang memiliki kutipan akta kelahiran', 'Kepemilikan kutipan akta kelahiran'],
  [5, 'Fasilitas informasi layak anak (ILA, PISA)', 'Ketersediaan fasilitas informasi layak anak (ILA)'],
  [6, 'Partisipasi anak (Forum Anak)', 'Pelembagaan partisipasi anak'],
  [21, 'Anak korban kekerasan dan eksploitasi yang terlayani', 'Anak yang memerlukan perlindungan khusus yang terlayani'],
];

/** [sub-item code, text 0002 seeded, corrected text]. */
export const SUB_WORDING: readonly [string, string, string][] = [
  ['a', 'Kekerasan fisik', 'Anak korban kekerasan dan penelantaran yang terlayani'],
  ['b', 'Kekerasan psikis', 'Anak yang dibebaskan dari bentuk-bentuk pekerjaan terburuk (pekerja anak)'],
  ['c', 'Kekerasan seksual', 'Anak korban pornografi, NAPZA, dan HIV/AIDS yang terlayani'],
  ['d', 'Eksploitasi ekonomi dan seksual', 'Anak korban bencana dan konflik yang terlayani'],
  ['e', 'Perdagangan orang', 'Anak penyandang disabilitas, kelompok minoritas dan terisolasi yang terlayani'],
];

/** The seed's sub-item that the corrected list no longer has. */
export const REMOVED_SUB: readonly [string, string] = ['f', 'Penelantaran dan perlakuan salah'];

export const migration0005: Migration = {
  version: 5,
  name: 'correct seeded wording of indicators 1, 3–6 and Klaster V sub-items 21a–e',
  up(db) {
    const indicatorId = db.prepare(
      `SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ? AND i.number = ?`,
    );
    const renameIndicator = db.prepare(`UPDATE indicator SET name = ? WHERE id = ? AND name = ?`);
    for (const [number, seeded, corrected] of INDICATOR_WORDING) {
      const row = indicatorId.get(SEED_YEAR, number) as { id: number } | undefined;
      if (row) renameIndicator.run(corrected, row.id, seeded);
    }
    const ind21 = indicatorId.get(SEED_YEAR, 21) as { id: number } | undefined;
    if (!ind21) return;
    const renameSub = db.prepare(`UPDATE sub_indicator SET name = ? WHERE indicator_id = ? AND code = ? AND name = ?`);
    for (const [code, seeded, corrected] of SUB_WORDING) renameSub.run(corrected, ind21.id, code, seeded);
    // Scores are the only rows that point at a sub-item; a scored 21f is the user's data.
    db.prepare(
      `DELETE FROM sub_indicator WHERE indicator_id = ? AND code = ? AND name = ?
         AND NOT EXISTS (SELECT 1 FROM sub_indicator_score s WHERE s.sub_indicator_id = sub_indicator.id)`,
    ).run(ind21.id, REMOVED_SUB[0], REMOVED_SUB[1]);
  },
};
