import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src-main/core/db/database';
import { openChecked } from '../../src-main/core/db/open-checked';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { INDICATOR_WORDING, REMOVED_SUB, SUB_WORDING } from '../../src-main/core/db/migrations/0005_seed_wording';
import { KLASTER_V_WORDING } from '../../src-main/core/db/migrations/0009_seed_wording_klaster_v';
import { tempDir } from '../support/backup-helpers';

// Migrations 4 (four score stages, rebuilt tables) and 5 (seed wording corrected only where the
// user has not edited it), run on databases left by the 2022-seed schema (version 2).

const v2 = MIGRATIONS.filter((m) => m.version <= 2);

function databaseAtV2(): { file: string; db: Database.Database } {
  const file = path.join(tempDir('rakor-migrasi-skor-'), 'rakor-kla.sqlite');
  return { file, db: openDatabase(file, v2) };
}

function upgrade(file: string): Database.Database {
  const result = openChecked(file);
  if (result.kind !== 'ok') throw new Error(`not opened: ${result.kind}`);
  return result.db;
}

const indicatorName = (db: Database.Database, n: number) =>
  (db.prepare(`SELECT i.name FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = 2022 AND i.number = ?`).get(n) as { name: string }).name;
const subs21 = (db: Database.Database) =>
  db.prepare(`SELECT s.code, s.name FROM sub_indicator s JOIN indicator i ON i.id = s.indicator_id JOIN cluster c ON c.id = i.cluster_id
    WHERE c.year = 2022 AND i.number = 21 ORDER BY s.code`).all() as { code: string; name: string }[];

describe('migration 4: verifikasi pusat', () => {
  it('keeps every score while allowing the PUSAT stage, and adds award year and current predikat', () => {
    const { file, db } = databaseAtV2();
    const ind = (db.prepare(`SELECT id FROM indicator LIMIT 1`).get() as { id: number }).id;
    db.prepare(`INSERT INTO year_score (year, stage, total) VALUES (2023, 'EM', 721), (2023, 'VA', 588.4), (2023, 'FINAL', 600)`).run();
    db.prepare(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (2023, ?, 'EM', 30.5), (2023, ?, 'VA', 20)`).run(ind, ind);
    expect(() => db.prepare(`INSERT INTO year_score (year, stage, total) VALUES (2023, 'PUSAT', 1)`).run()).toThrow(/CHECK/);
    db.close();

    const after = upgrade(file);
    try {
      expect(after.prepare(`SELECT year, stage, total FROM year_score ORDER BY stage`).all()).toEqual([
        { year: 2023, stage: 'EM', total: 721 }, { year: 2023, stage: 'FINAL', total: 600 }, { year: 2023, stage: 'VA', total: 588.4 },
      ]);
      expect(after.prepare(`SELECT stage, score FROM indicator_score ORDER BY stage`).all()).toEqual([{ stage: 'EM', score: 30.5 }, { stage: 'VA', score: 20 }]);
      after.prepare(`INSERT INTO year_score (year, stage, total) VALUES (2023, 'PUSAT', 640)`).run();
      after.prepare(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (2023, ?, 'PUSAT', 25)`).run(ind);
      expect(() => after.prepare(`INSERT INTO year_score (year, stage, total) VALUES (2023, 'X', 1)`).run()).toThrow(/CHECK/);
      expect(after.prepare(`SELECT current_predikat, current_predikat_year FROM region_profile`).get()).toEqual({ current_predikat: '', current_predikat_year: null });
      expect(after.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});

describe('migration 5: seed wording', () => {
  it('corrects an untouched database: indicators 1, 3–6, 21 and sub-items 21a–e; 21f removed', () => {
    const { file, db } = databaseAtV2();
    expect(subs21(db).map((s) => s.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    db.close();
    const after = upgrade(file);
    try {
      for (const [n, , corrected] of INDICATOR_WORDING) expect(indicatorName(after, n)).toBe(corrected);
      expect(indicatorName(after, 2)).toBe('Penguatan kelembagaan KLA (Gugus Tugas, RAD KLA, profil anak, kecamatan/desa layak anak)');
      expect(subs21(after)).toEqual(SUB_WORDING.map(([code, , name]) => ({ code, name })));
      expect(subs21(after)[0].name).toBe('Anak korban kekerasan dan penelantaran yang terlayani');
    } finally {
      after.close();
    }
  });

  it('leaves what the user edited: renamed rows stay, an edited 21f stays', () => {
    const { file, db } = databaseAtV2();
    db.prepare(`UPDATE indicator SET name = 'Perda KLA Kabupaten (versi kami)' WHERE number = 1`).run();
    db.prepare(`UPDATE indicator SET name = 'Forum Anak aktif' WHERE number = 6`).run();
    db.prepare(`UPDATE sub_indicator SET name = 'Kekerasan seksual (termasuk daring)' WHERE code = 'c'`).run();
    db.prepare(`UPDATE sub_indicator SET name = 'Penelantaran (catatan kami)' WHERE code = 'f'`).run();
    db.prepare(`UPDATE indicator SET max_points = 40 WHERE number = 4`).run(); // points are not wording
    db.close();
    const after = upgrade(file);
    try {
      expect(indicatorName(after, 1)).toBe('Perda KLA Kabupaten (versi kami)');
      expect(indicatorName(after, 6)).toBe('Forum Anak aktif');
      expect(indicatorName(after, 3)).toBe(INDICATOR_WORDING[1][2]);
      expect(indicatorName(after, 4)).toBe('Kepemilikan kutipan akta kelahiran');
      expect(subs21(after)).toEqual([
        { code: 'a', name: SUB_WORDING[0][2] },
        { code: 'b', name: SUB_WORDING[1][2] },
        { code: 'c', name: 'Kekerasan seksual (termasuk daring)' },
        { code: 'd', name: SUB_WORDING[3][2] },
        { code: 'e', name: SUB_WORDING[4][2] },
        { code: 'f', name: 'Penelantaran (catatan kami)' },
      ]);
    } finally {
      after.close();
    }
  });

  it('keeps an unedited 21f that already has scores (from a database upgraded through 4 first)', () => {
    const { file, db } = databaseAtV2();
    db.close();
    // Stop after migration 4, score 21f, then let migration 5 run.
    const at4 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 4));
    const f = at4.prepare(`SELECT id FROM sub_indicator WHERE code = ? AND name = ?`).get(...REMOVED_SUB) as { id: number };
    at4.prepare(`INSERT INTO sub_indicator_score (year, sub_indicator_id, stage, score) VALUES (2024, ?, 'EM', 5)`).run(f.id);
    at4.close();
    const after = upgrade(file);
    try {
      expect(subs21(after).map((s) => s.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    } finally {
      after.close();
    }
  });

  it('runs on a seed the user cut down: indicators 4 and 21 deleted, the rest corrected', () => {
    const { file, db } = databaseAtV2();
    const ids = db.prepare(`SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = 2022 AND i.number IN (4, 21)`).pluck().all();
    for (const id of ids) {
      db.prepare(`DELETE FROM sub_indicator WHERE indicator_id = ?`).run(id);
      db.prepare(`DELETE FROM indicator WHERE id = ?`).run(id);
    }
    db.close();
    const after = upgrade(file);
    try {
      expect(indicatorName(after, 3)).toBe(INDICATOR_WORDING[1][2]);
      expect(indicatorName(after, 5)).toBe(INDICATOR_WORDING.find(([n]) => n === 5)?.[2]);
      expect(after.prepare(`SELECT count(*) FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = 2022 AND i.number IN (4, 21)`).pluck().get()).toBe(0);
    } finally {
      after.close();
    }
  });

  it('changes nothing in a year set other than the 2022 seed', () => {
    const { file, db } = databaseAtV2();
    db.prepare(`INSERT INTO evaluation_year (year) VALUES (2025)`).run();
    const c = db.prepare(`INSERT INTO cluster (year, code, name, position) VALUES (2025, 'KL', 'Kelembagaan', 0)`).run().lastInsertRowid;
    db.prepare(`INSERT INTO indicator (cluster_id, number, name) VALUES (?, 1, 'Peraturan daerah / kebijakan tentang KLA')`).run(c);
    db.close();
    const after = upgrade(file);
    try {
      expect((after.prepare(`SELECT i.name FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = 2025`).get() as { name: string }).name)
        .toBe('Peraturan daerah / kebijakan tentang KLA');
    } finally {
      after.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

/**
 * The usual agencies of an indicator by name, in alphabetical order: since migration 11 those
 * that name an agency are links (printed by abbreviation) and only the rest stays as text.
 */
const usualAgencies = (db: Database.Database, n: number) => {
  const row = db.prepare(`SELECT i.id, i.usual_agencies AS a FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = 2022 AND i.number = ?`).get(n) as { id: number; a: string };
  const linked = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'indicator_agency'`).get()
    ? (db.prepare(`SELECT coalesce(nullif(a.abbreviation, ''), a.name) AS label FROM indicator_agency x JOIN agency a ON a.id = x.agency_id WHERE x.indicator_id = ?`).all(row.id) as { label: string }[]).map((r) => r.label)
    : [];
  return [...linked, ...row.a.split(',').map((s) => s.trim()).filter(Boolean)].sort((x, y) => x.localeCompare(y)).join(', ');
};

describe('migration 9: Klaster V indicators 22–24', () => {
  it('rewords an untouched seed as DOMAIN.md lists it: ABH, terorisme, stigmatisasi', () => {
    const { file, db } = databaseAtV2();
    expect(indicatorName(db, 22)).toBe(KLASTER_V_WORDING[0].seeded[0]);
    db.close();
    const after = upgrade(file);
    try {
      expect(indicatorName(after, 22)).toBe('Anak berhadapan dengan hukum (ABH) diselesaikan dengan keadilan restoratif / diversi');
      expect(indicatorName(after, 23)).toBe('Anak korban jaringan terorisme');
      expect(indicatorName(after, 24)).toBe('Anak korban stigmatisasi dari pelabelan terkait kondisi orang tuanya');
      expect(usualAgencies(after, 23)).toBe('Kesbangpol, Polres');
      // Child labour lives on as sub-item 21b, not as an indicator of its own.
      expect(subs21(after).find((s) => s.code === 'b')?.name).toMatch(/pekerja anak/);
    } finally {
      after.close();
    }
  });

  it('leaves a row whose name or usual agencies the user changed', () => {
    const { file, db } = databaseAtV2();
    db.prepare(`UPDATE indicator SET name = 'ABH: diversi di Polres dan Kejari' WHERE number = 23`).run();
    db.prepare(`UPDATE indicator SET usual_agencies = 'Dinsos' WHERE number = 24`).run();
    db.close();
    const after = upgrade(file);
    try {
      expect(indicatorName(after, 22)).toBe(KLASTER_V_WORDING[0].corrected[0]);
      expect(indicatorName(after, 23)).toBe('ABH: diversi di Polres dan Kejari');
      expect(indicatorName(after, 24)).toBe(KLASTER_V_WORDING[2].seeded[0]);
      expect(usualAgencies(after, 24)).toBe('Dinsos');
    } finally {
      after.close();
    }
  });
});
