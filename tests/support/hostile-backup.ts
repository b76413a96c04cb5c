import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { tempDir } from './backup-helpers';

// Builds backups an attacker could hand a user on a USB stick: a real backup's database,
// changed with SQLite itself (defensive mode off, as a hostile tool would), re-zipped with
// metadata whose checksum matches, so that only the deeper checks can refuse it.

export interface Parts {
  metadata: Record<string, unknown>;
  database: Uint8Array;
  /** berkas.json, the evidence manifest (format 2). */
  manifest?: Uint8Array;
}

export function partsOf(zipFile: string): Parts {
  const entries = unzipSync(fs.readFileSync(zipFile));
  return {
    metadata: JSON.parse(new TextDecoder().decode(entries['metadata.json'])) as Record<string, unknown>,
    database: entries['rakor-kla.sqlite'],
    manifest: entries['berkas.json'],
  };
}

/** Runs `change` on a copy of the database (each step on its own connection) and returns the bytes. */
export function alterDatabase(database: Uint8Array, ...steps: ((db: Database.Database) => void)[]): Uint8Array {
  const file = path.join(tempDir('rakor-hostile-'), 'x.sqlite');
  fs.writeFileSync(file, database);
  for (const step of steps) {
    const db = new Database(file);
    db.unsafeMode(true);
    db.pragma('journal_mode = DELETE');
    try {
      step(db);
    } finally {
      db.close();
    }
  }
  return fs.readFileSync(file);
}

/** A zip with metadata that matches the database bytes (size, sha256), plus any extra entries. */
export function backupZip(parts: Parts, metadataPatch: Record<string, unknown> = {}, extra: Zippable = {}): Uint8Array {
  const metadata = {
    ...parts.metadata,
    databaseBytes: parts.database.length,
    sha256: crypto.createHash('sha256').update(parts.database).digest('hex'),
    ...metadataPatch,
  };
  const manifest: Zippable = parts.manifest ? { 'berkas.json': parts.manifest } : {};
  return zipSync({ 'metadata.json': strToU8(JSON.stringify(metadata)), ...manifest, ...extra, 'rakor-kla.sqlite': parts.database });
}

/** Rewrites the declared uncompressed size of one entry in both its local and central headers. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.readUInt16LE(i + 26) === nameBytes.length && out.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, i + 22);
    }
    if (sig === 0x02014b50 && out.readUInt16LE(i + 28) === nameBytes.length && out.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, i + 24);
    }
  }
  return out;
}

/** Where the central and local headers of the entry called `name` begin (each -1 when absent). */
export function headersOf(zip: Uint8Array, name: string): { central: number; local: number } {
  const bytes = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  let central = -1;
  let local = -1;
  for (let i = 0; i + 30 <= bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50 && local < 0 && bytes.readUInt16LE(i + 26) === nameBytes.length && bytes.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) local = i;
    if (sig === 0x02014b50 && central < 0 && i + 46 <= bytes.length && bytes.readUInt16LE(i + 28) === nameBytes.length && bytes.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) central = i;
  }
  return { central, local };
}

/** A copy of `zip` with the central directory header of `name` changed (offsets as in the zip format). */
export function patchCentral(zip: Uint8Array, name: string, change: (bytes: Buffer, header: number) => void): Buffer {
  const out = Buffer.from(zip);
  const { central } = headersOf(out, name);
  if (central < 0) throw new Error(`no entry ${name}`);
  change(out, central);
  return out;
}

/** The end-of-central-directory record's offset (no zip comment). */
export function endRecordOf(zip: Uint8Array): number {
  return Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}
