import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath, openDatabase, type Db } from '../../src-main/core/db/database';
import { generateRegency, type RegencySize } from '../generate-regency';

// The set-up every in-process benchmark shares: a generated regency in a fresh data folder, the
// app's backend on it (whole operation path: validation, transaction, mapping), and the
// baseline, a second connection to the same file with the same durability settings.

export interface BenchRegency {
  dataDir: string;
  counts: ReturnType<typeof generateRegency>;
  /** How long generating the data took, in ms. */
  generatedMs: number;
  backend: Backend;
  raw: Db;
  /** One operation through the backend; its data, or a thrown error naming the operation. */
  call(name: string, input: unknown): Promise<unknown>;
  /** Closes both connections and deletes the data folder. */
  close(): void;
}

export interface GeneratedRegency {
  dir: string;
  counts: ReturnType<typeof generateRegency>;
  /** How long generating the data took, in ms. */
  generatedMs: number;
  /** Deletes the data folder (after whatever was opened on it is closed). */
  remove(): void;
}

/**
 * The regency generated into a fresh data folder (its closed meetings with their snapshots);
 * `prepare` runs on the file before anything else opens it (extra rows a bench needs).
 */
export function generateInto(size: RegencySize, prefix: string, prepare?: (db: Db) => void): GeneratedRegency {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openDatabase(databasePath(dir));
  const started = performance.now();
  const counts = generateRegency(db, size);
  const generatedMs = performance.now() - started;
  prepare?.(db);
  db.close();
  return { dir, counts, generatedMs, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `prepare` runs on the generated file before the backend opens it (extra rows a bench needs). */
export function benchRegency(size: RegencySize, prefix: string, prepare?: (db: Db) => void): BenchRegency {
  const { dir: dataDir, counts, generatedMs } = generateInto(size, prefix, prepare);

  const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
  const raw = new Database(databasePath(dataDir));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  return {
    dataDir,
    counts,
    generatedMs,
    backend,
    raw,
    async call(name, input) {
      const result = await backend.invoke(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.data;
    },
    close() {
      backend.close();
      raw.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
