import type { Migration } from './types';

// Klaster V's indicators 22–24 as ../shared/DOMAIN.md lists them. The 2022 seed had shifted them:
// 22 repeated 21b (child labour, now a sub-item of 21), 23 held the ABH text that belongs to 22,
// and 24 folded several 21 groups together. As in migration 5, a row changes only while both its
// name and its usual agencies are still exactly what 0002 seeded, so a region's edits stay. The
// texts are frozen copies here.

const SEED_YEAR = 2022;

interface Wording { number: number; seeded: [string, string]; corrected: [string, string] }

/** [name, usual agencies] as seeded by 0002, and as DOMAIN.md has them. */
export const KLASTER_V_WORDING: readonly Wording[] = [
  {
    number: 22,
    seeded: ['Pekerja anak yang dibebaskan', 'Disnaker'],
    corrected: ['Anak berhadapan dengan hukum (ABH) diselesaikan dengan keadilan restoratif / diversi', 'Polres, Kejari, PN, Bapas'],
  },
  {
    number: 23,
    seeded: ['Anak berhadapan dengan hukum: keadilan restoratif / diversi', 'Polres, Kejari, PN, Bapas'],
    corrected: ['Anak korban jaringan terorisme', 'Kesbangpol, Polres'],
  },
  {
    number: 24,
    seeded: ['Anak korban pornografi, NAPZA, HIV, bencana, terorisme, disabilitas', 'Dinsos, BNN, BPBD'],
    corrected: ['Anak korban stigmatisasi dari pelabelan terkait kondisi orang tuanya', 'Dinsos, DP3A'],
  },
];

export const migration0009: Migration = {
  version: 9,
  name: 'correct seeded wording of Klaster V indicators 22–24',
  up(db) {
    const update = db.prepare(
      `UPDATE indicator SET name = ?, usual_agencies = ?
        WHERE number = ? AND name = ? AND usual_agencies = ?
          AND cluster_id IN (SELECT id FROM cluster WHERE year = ?)`,
    );
    for (const { number, seeded, corrected } of KLASTER_V_WORDING) {
      update.run(corrected[0], corrected[1], number, seeded[0], seeded[1], SEED_YEAR);
    }
  },
};
