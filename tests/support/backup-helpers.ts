import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'rakor-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every user table's rows, ordered, as JSON text: equal dumps mean equal data. */
export function dumpTables(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const out: Record<string, string> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
      out[table] = JSON.stringify(rows);
    }
    return out;
  } finally {
    db.close();
  }
}

/** A checksum of the data (not the file bytes, which WAL checkpoints move around). */
export function dataChecksum(file: string): string {
  return crypto.createHash('sha256').update(JSON.stringify(dumpTables(file))).digest('hex');
}

export function fileSha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
