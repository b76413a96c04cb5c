import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash-point';
import { fsyncDirAsync } from '../backup/durable';
import type { EvidenceFiles, ReferencedFile } from '../backup/evidence-manifest';
import { MAX_EVIDENCE_BYTES } from '../../../shared/api/evidence';

// The content-addressed store of evidence files in the data folder: files/ab/abcdef… named by
// the SHA-256 of the bytes, so the same file attached twice is stored once and an altered file
// is recognisable. A file is written to a temporary name in files/, fsynced, renamed into place
// and its folder fsynced before the caller commits the row that names it (attach-group.ts does
// this for several files at once): a crash leaves either the row and its file, or no row (a
// stored file without a row is invisible, and the same content attached later reuses it).
// Files are never deleted here: a row, a Terhapus entry, a closed notulen's snapshot or a backup
// may still refer to them.

export const STORE_FOLDER = 'files';
export const TEMP_PREFIX = '.tmp-';

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function storedPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(dataDir, STORE_FOLDER, sha256.slice(0, 2), sha256);
}

/** True when the stored file exists and its bytes hash to its name. */
export function storedFileIntact(dataDir: string, sha256: string): 'ok' | 'missing' | 'altered' {
  const file = storedPath(dataDir, sha256);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return 'missing';
  }
  return sha256Of(bytes) === sha256 ? 'ok' : 'altered';
}

/** A file written and fsynced under a temporary name, not yet published under its hash. */
export interface StagedFile {
  sha256: string;
  /** null when the store already held these bytes intact: nothing to publish. */
  temp: string | null;
}

export async function sha256Async(bytes: Uint8Array): Promise<string> {
  // WebCrypto's digest runs on libuv's thread pool: the main thread (Electron's, the web
  // runtime's server) keeps answering while a 4 MB photo is hashed.
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

async function storedIntactAsync(dataDir: string, sha256: string): Promise<boolean> {
  try {
    return (await sha256Async(await fsp.readFile(storedPath(dataDir, sha256)))) === sha256;
  } catch {
    return false;
  }
}

/**
 * First half of putting bytes into the store, all on the thread pool (async fs), so several
 * files are hashed, written and fsynced at once: the hash is computed while the bytes are
 * written to a temporary name in files/, then the temp is fsynced, unless the store already
 * holds the same content intact (then the temp is dropped). Published by publishStaged.
 */
export async function stageFile(dataDir: string, bytes: Uint8Array): Promise<StagedFile> {
  const root = path.join(dataDir, STORE_FOLDER);
  await fsp.mkdir(root, { recursive: true });
  const temp = path.join(root, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const handle = await fsp.open(temp, 'w');
  try {
    const [sha256] = await Promise.all([sha256Async(bytes), handle.writeFile(bytes)]);
    if (await storedIntactAsync(dataDir, sha256)) {
      await handle.close();
      await fsp.rm(temp, { force: true });
      return { sha256, temp: null };
    }
    await handle.sync();
    await handle.close();
    crashPoint('evidence:temp-written');
    return { sha256, temp };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Second half, for a whole group of staged files: each temp renamed to its hash (replacing a
 * copy that was altered on disk), then every folder that got a new name fsynced once, in
 * parallel, so the renames are on disk before the caller commits the rows that name them.
 */
export async function publishStaged(dataDir: string, staged: readonly StagedFile[]): Promise<void> {
  const folders = new Set<string>();
  await Promise.all(
    staged.map(async ({ sha256, temp }) => {
      if (!temp) return;
      const target = storedPath(dataDir, sha256);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      try {
        await fsp.rename(temp, target);
      } catch (error) {
        await fsp.rm(temp, { force: true });
        throw error;
      }
      folders.add(path.dirname(target));
    }),
  );
  await Promise.all([...folders].map((folder) => fsyncDirAsync(folder)));
  crashPoint('evidence:renamed');
}

/** Puts one file into the store durably (staged and published) and returns its hash: for benches and tests that fill a store. */
export async function putFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const staged = await stageFile(dataDir, bytes);
  await publishStaged(dataDir, [staged]);
  return staged.sha256;
}

/** Removes temps of a group that will not be published (the attach failed after staging). */
export async function dropStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map(({ temp }) => (temp ? fsp.rm(temp, { force: true }) : undefined)));
}

export function readStoredFile(dataDir: string, sha256: string): Buffer | null {
  try {
    return fs.readFileSync(storedPath(dataDir, sha256));
  } catch {
    return null;
  }
}

/** The stored bytes if present and intact (hashing to their name), else null. */
export function readIntactFile(dataDir: string, sha256: string): Buffer | null {
  const bytes = readStoredFile(dataDir, sha256);
  return bytes && sha256Of(bytes) === sha256 ? bytes : null;
}

/** Temporary files of attaches killed half-way; removed at start while we hold the lock. */
export function cleanStoreLeftovers(dataDir: string): string[] {
  const root = path.join(dataDir, STORE_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const removed = names.filter((n) => n.startsWith(TEMP_PREFIX));
  for (const name of removed) fs.rmSync(path.join(root, name), { force: true });
  return removed;
}

/** Every stored hash (for tests and the store's size). */
export function listStoredHashes(dataDir: string): string[] {
  const root = path.join(dataDir, STORE_FOLDER);
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const prefix of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of fs.readdirSync(path.join(root, prefix))) if (/^[0-9a-f]{64}$/.test(name)) out.push(name);
  }
  return out.sort();
}

/**
 * What backups need to know about evidence: the files a database refers to (rows, Terhapus
 * entries, which can be put back, and the photos of closed notulen) and where they are stored.
 * Given to the backup feature by the backend, so backups do not depend on this feature.
 */
export const evidenceFiles: EvidenceFiles = {
  referenced: (db) =>
    // A database from before evidence existed (schema 7 and older) refers to none.
    db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'evidence'`).get() === undefined ? [] :
    db
      .prepare(
        `SELECT sha256, max(bytes) AS bytes, coalesce(min(title), sha256) AS title FROM (
           SELECT sha256, size_bytes AS bytes, title FROM evidence
           UNION ALL
           SELECT json_extract(r.value, '$.sha256'), json_extract(r.value, '$.size_bytes'), json_extract(r.value, '$.title')
           FROM trash t, json_each(t.payload_json, '$.sections') s, json_each(s.value, '$.rows') r
           WHERE json_extract(s.value, '$.table') = 'evidence'
           UNION ALL
           -- The photos a closed notulen printed (its snapshot names them by hash): the record
           -- needs them even after the evidence row is deleted for good or another photo chosen.
           SELECT json_extract(p.value, '$.sha256'), json_extract(p.value, '$.sizeBytes'), json_extract(p.value, '$.title')
           FROM meeting_snapshot n, json_each(n.minutes_json, '$.data.documentation') p
           WHERE json_valid(n.minutes_json)
         )
         -- Rows are checked by the table; a Terhapus payload is JSON: only what names a file counts.
         WHERE length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*' AND typeof(bytes) = 'integer' AND bytes > 0
         GROUP BY sha256 ORDER BY sha256`,
      )
      .all() as ReferencedFile[],
  pathOf: storedPath,
  maxFileBytes: MAX_EVIDENCE_BYTES,
};
