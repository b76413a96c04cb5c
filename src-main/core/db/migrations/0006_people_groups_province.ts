import type Database from 'better-sqlite3';
import type { Migration } from './types';

// The connection type from the driver, not from ../database (which imports every migration).
type Db = Database.Database;

// Issue 15 (quicker in the room):
// - the region profile holds the head of office and the usual chair and notulis;
// - a region may be a Provinsi (its CHECK rebuilt), and an agency may be a Pemerintah
//   Kabupaten/Kota (`kabkota`, the agency CHECK rebuilt) so a province can invite its kab/kota;
// - the agencies seeded by 0002 get a seed key, so their names can follow the region type while
//   the user has not edited them;
// - named groups of agencies for inviting in one step.
// Self-contained: only SQL and a frozen copy of 0002's seed names. The two rebuilt tables are
// read from sqlite_master, so every column a later-merged migration added (e.g. `revision`)
// is kept, with its order, and only the CHECK list changes.

/** FROZEN: 0002's seeded agencies (kind, name, abbreviation) and the key each one gets. */
const SEEDED: [key: string, kind: string, name: string, abbreviation: string][] = [
  ['dpmd', 'opd', 'Dinas Pemberdayaan Masyarakat dan Desa', 'DPMD'],
  ['bag_hukum', 'opd', 'Bagian Hukum Sekretariat Daerah', 'Bag. Hukum'],
  ['polres', 'vertikal', 'Kepolisian Resor', 'Polres'],
  ['kejari', 'vertikal', 'Kejaksaan Negeri', 'Kejari'],
  ['pn', 'vertikal', 'Pengadilan Negeri', 'PN'],
  ['pa', 'vertikal', 'Pengadilan Agama', 'PA'],
  ['kemenag', 'vertikal', 'Kantor Kementerian Agama', 'Kemenag'],
  ['bnn', 'vertikal', 'Badan Narkotika Nasional Kabupaten', 'BNNK'],
];

/** The CREATE TABLE text of `table` with the IN list of `column`'s CHECK replaced; throws if not found. */
function withCheckList(db: Db, table: string, column: string, values: string[]): string {
  const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined;
  if (!row) throw new Error(`migration 0006: table ${table} missing`);
  const pattern = new RegExp(`(CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\()[^)]*(\\)\\s*\\))`, 'i');
  if (!pattern.test(row.sql)) throw new Error(`migration 0006: CHECK on ${table}.${column} not found`);
  return row.sql.replace(pattern, `$1${values.map((v) => `'${v}'`).join(',')}$2`);
}

/** Indexes and triggers of a table, to recreate after it is rebuilt. */
function dependentsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index','trigger') AND sql IS NOT NULL`).all(table) as { sql: string }[]).map((r) => r.sql);
}

/**
 * Rebuilds `table` from `createSql` keeping every row and id. Foreign keys stay on (a migration
 * runs inside a transaction, where the pragma cannot change): the children's references are
 * only checked at commit (defer_foreign_keys), by which time every parent row is back.
 */
function rebuild(db: Db, table: string, createSql: string) {
  for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]) {
    for (const fk of db.prepare(`SELECT "table" AS parent, on_delete AS onDelete FROM pragma_foreign_key_list(?)`).all(t.name) as { parent: string; onDelete: string }[]) {
      // A CASCADE or SET NULL child would lose data when the old table is dropped.
      if (fk.parent === table && fk.onDelete !== 'NO ACTION') throw new Error(`migration 0006: ${t.name} references ${table} ON DELETE ${fk.onDelete}`);
    }
  }
  const dependents = dependentsOf(db, table);
  db.pragma('defer_foreign_keys = ON');
  db.exec(`CREATE TEMP TABLE rebuild_0006 AS SELECT * FROM "${table}"`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(createSql);
  db.exec(`INSERT INTO "${table}" SELECT * FROM temp.rebuild_0006`);
  db.exec(`DROP TABLE temp.rebuild_0006`);
  for (const sql of dependents) db.exec(sql);
}

const PERSON_COLUMNS = ['head', 'chair', 'notulis'].flatMap((who) => ['name', 'position', 'rank', 'nip'].map((f) => `${who}_${f}`));

export const migration0006: Migration = {
  version: 6,
  name: 'profile people, provinsi and kab/kota agencies, agency groups',
  up(db) {
    rebuild(db, 'region_profile', withCheckList(db, 'region_profile', 'region_type', ['kabupaten', 'kota', 'provinsi']));
    for (const column of PERSON_COLUMNS) db.exec(`ALTER TABLE region_profile ADD COLUMN ${column} TEXT NOT NULL DEFAULT ''`);

    rebuild(db, 'agency', withCheckList(db, 'agency', 'kind', ['opd', 'vertikal', 'mitra', 'kabkota']));
    // Set only on a seeded row still carrying its seeded name: the names of those may follow the region type.
    db.exec(`ALTER TABLE agency ADD COLUMN seed_key TEXT NOT NULL DEFAULT ''`);
    const mark = db.prepare(`UPDATE agency SET seed_key = ? WHERE kind = ? AND name = ? AND abbreviation = ? AND seed_key = ''`);
    for (const [key, kind, name, abbreviation] of SEEDED) mark.run(key, kind, name, abbreviation);

    db.exec(`
      CREATE TABLE agency_group (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX agency_group_name ON agency_group(lower(name));
      -- Membership goes with the group; agency.delete removes an agency's memberships itself
      -- (NO ACTION towards agency, so a later rebuild of agency cannot cascade into groups).
      CREATE TABLE agency_group_member (
        group_id  INTEGER NOT NULL REFERENCES agency_group(id) ON DELETE CASCADE,
        agency_id INTEGER NOT NULL REFERENCES agency(id),
        PRIMARY KEY (group_id, agency_id)
      ) STRICT;
      CREATE INDEX agency_group_member_agency ON agency_group_member(agency_id);
    `);
  },
};
