import type { Db } from './database';
import { schemaVersionOf } from './database';

/** Our own tables (not SQLite's), sorted: for counts in `check` and in backup metadata. */
export function userTables(db: Db): string[] {
  return (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
}

export function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of userTables(db)) {
    // Table names come from sqlite_master, quoted; never from input.
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }
  return counts;
}

export interface HealthReport {
  ok: boolean;
  schemaVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  counts: Record<string, number>;
}

/** Full integrity and foreign-key check: slower than quick_check, for `check` and before backups. */
export function checkHealth(db: Db): HealthReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems === 0;
  return { ok, schemaVersion: schemaVersionOf(db), integrity, foreignKeyProblems, counts: rowCounts(db) };
}
