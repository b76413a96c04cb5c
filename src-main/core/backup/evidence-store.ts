import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durable';

// The backup folder's shared store of evidence files: berkas/ab/abcdef… named by SHA-256, one
// copy however many backups need it, so a backup after adding one photo copies one photo. Files
// enter it like the data folder's store: written to a temporary name, fsynced, renamed, folder
// fsynced, before the zip that needs them is written; so a backup in the folder never refers to
// a file that is not there. Rotation removes the files no kept backup lists any more.

export const BACKUP_STORE = 'berkas';
const TEMP_PREFIX = '.tmp-';
const CHUNK = 4 * 1024 * 1024;
/** Another computer sharing the folder may have copied files for a zip it has not written yet. */
export const STORE_GRACE_MS = 10 * 60_000;

export function backupStorePath(folder: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(folder, BACKUP_STORE, sha256.slice(0, 2), sha256);
}

export type CopyOutcome = 'ok' | 'missing' | 'altered';

/**
 * Copies `source` to `target` through a temporary file in `tempDir`, hashing as it reads: the
 * copy is renamed into place only when the bytes are exactly `bytes` long and hash to `sha256`.
 * Reads at most one byte more than declared, so a file that lies about its size costs nothing.
 */
export async function copyVerified(source: string, target: string, sha256: string, bytes: number, tempDir: string, onBytes?: (n: number) => void): Promise<CopyOutcome> {
  let input: fs.promises.FileHandle;
  try {
    input = await fs.promises.open(source, 'r');
  } catch {
    return 'missing';
  }
  const temp = path.join(tempDir, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  let output: fs.promises.FileHandle | null = null;
  try {
    // Inside the try: a store folder that cannot be made must still close the source (an open
    // handle keeps the evidence file locked on Windows).
    fs.mkdirSync(tempDir, { recursive: true });
    output = await fs.promises.open(temp, 'wx');
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, bytes + 1 - total), null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > bytes) break;
      const slice = buffer.subarray(0, bytesRead);
      hash.update(slice);
      await output.write(slice);
      onBytes?.(bytesRead);
    }
    if (total !== bytes || hash.digest('hex') !== sha256) return 'altered';
    await output.sync();
    await output.close();
    output = null;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return 'ok';
  } finally {
    await input.close();
    if (output) await output.close();
    fs.rmSync(temp, { force: true });
  }
}

/** True when `file` holds exactly these bytes (hashing it: used where a wrong file would be restored). */
export async function fileMatches(file: string, sha256: string, bytes: number): Promise<boolean> {
  try {
    if ((await fs.promises.stat(file)).size !== bytes) return false;
    const hash = crypto.createHash('sha256');
    for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  } catch {
    return false;
  }
}

/**
 * Removes store files that no backup in `needed` lists, and temporary files of killed copies,
 * when untouched for the grace period (a backup reusing a file touches it first). Returns the
 * hashes removed.
 */
export function collectStore(folder: string, needed: ReadonlySet<string>, now: number, graceMs = STORE_GRACE_MS): string[] {
  const root = path.join(folder, BACKUP_STORE);
  let prefixes: string[];
  try {
    prefixes = fs.readdirSync(root);
  } catch {
    return [];
  }
  const old = (file: string) => {
    try {
      return now - fs.statSync(file).mtimeMs >= graceMs;
    } catch {
      return false;
    }
  };
  const removed: string[] = [];
  for (const prefix of prefixes) {
    const dir = path.join(root, prefix);
    if (prefix.startsWith(TEMP_PREFIX)) {
      if (old(dir)) fs.rmSync(dir, { force: true });
      continue;
    }
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^[0-9a-f]{64}$/.test(name) || needed.has(name) || !old(path.join(dir, name))) continue;
      try {
        fs.rmSync(path.join(dir, name));
        removed.push(name);
      } catch {
        /* read-only or gone: next time */
      }
    }
  }
  return removed;
}
