import crypto from 'node:crypto';
import fs from 'node:fs';
import { Inflate } from 'fflate';
import { DATABASE_ENTRY, MANIFEST_ENTRY, METADATA_ENTRY, parseMetadata, type BackupMetadata } from './metadata';
import { decodeManifest, MAX_MANIFEST_BYTES, type Manifest } from './evidence-manifest';
import { readSmallEntry, readZipDirectory, ZipFormatError, type ZipEntryInfo } from './zip-entry';

// Takes the database out of a backup zip that may have been crafted to hurt: only the entries
// our writer makes are accepted (metadata, database and, from format 2, the evidence manifest) (a `../` name, a third entry or a duplicate refuses the
// file), sizes are bounded by the metadata and by a hard cap before a byte is inflated, and the
// database is inflated in chunks straight to disk, counting as it goes, so a file that lies about
// its size is stopped at the declared size: memory stays at a few MiB whatever the zip says.

/** No real regency database comes near this; a larger one is refused rather than unpacked. */
export const MAX_DATABASE_BYTES = 2 * 1024 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export type ExtractRefusal = 'notZip' | 'notOurs' | 'unexpectedEntry' | 'tooLarge' | 'checksum' | 'manifest';

export class ExtractError extends Error {
  constructor(
    readonly refusal: ExtractRefusal,
    readonly detail = '',
  ) {
    super(`${refusal} ${detail}`);
  }
}

export interface ExtractOptions {
  /** Cap on the database's size (tests lower it). */
  maxBytes?: number;
  /** Fraction done, 0..1, after each chunk. */
  onProgress?: (fraction: number) => void;
}

interface Listing {
  metadata: BackupMetadata;
  database: ZipEntryInfo;
  manifest: ZipEntryInfo | null;
}

/** Checks names and declared sizes and reads the metadata; nothing is inflated but metadata.json. */
function list(fd: number, maxBytes: number): Listing {
  let entries: ZipEntryInfo[];
  try {
    entries = readZipDirectory(fd);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ExtractError('notZip', error.message);
    throw error;
  }
  const expected = new Set([METADATA_ENTRY, DATABASE_ENTRY, MANIFEST_ENTRY]);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!expected.has(entry.name) || seen.has(entry.name)) throw new ExtractError('unexpectedEntry', entry.name);
    seen.add(entry.name);
    // Encrypted (bit 0) or an unknown method is not what we write.
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) throw new ExtractError('notOurs', entry.name);
  }
  const metaEntry = entries.find((e) => e.name === METADATA_ENTRY);
  const database = entries.find((e) => e.name === DATABASE_ENTRY);
  if (!metaEntry || !database) throw new ExtractError('notOurs', 'missing entry');
  const bytes = readSmallEntry(fd, metaEntry);
  const metadata = bytes ? parseMetadata(bytes) : null;
  if (!metadata) throw new ExtractError('notOurs', 'metadata');
  const manifest = entries.find((e) => e.name === MANIFEST_ENTRY) ?? null;
  if ((manifest !== null) !== (metadata.manifestSha256 !== undefined)) throw new ExtractError('notOurs', MANIFEST_ENTRY);
  if (metadata.databaseBytes > maxBytes || database.uncompressedSize > maxBytes) throw new ExtractError('tooLarge', String(database.uncompressedSize));
  // The directory, the metadata and (below) the inflated bytes must all agree on the size.
  if (database.uncompressedSize !== metadata.databaseBytes) throw new ExtractError('checksum', 'size');
  if (database.method === 0 && database.compressedSize !== database.uncompressedSize) throw new ExtractError('checksum', 'stored size');
  return { metadata, database, manifest };
}

/** The metadata of a backup after the same checks restore makes, without inflating the database. */
export function inspectBackup(file: string, options: ExtractOptions = {}): BackupMetadata {
  const fd = fs.openSync(file, 'r');
  try {
    return list(fd, options.maxBytes ?? MAX_DATABASE_BYTES).metadata;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The evidence manifest of a backup (empty for a format 1 backup), after the same checks as
 * inspectBackup, its hash against the metadata and every entry's bounds. Throws ExtractError.
 */
export function readManifest(file: string, maxFileBytes: number, options: ExtractOptions = {}): Manifest {
  const fd = fs.openSync(file, 'r');
  try {
    const { metadata, manifest } = list(fd, options.maxBytes ?? MAX_DATABASE_BYTES);
    if (!manifest || !metadata.manifestSha256) return { files: [] };
    const bytes = readSmallEntry(fd, manifest, MAX_MANIFEST_BYTES);
    const parsed = bytes ? decodeManifest(bytes, metadata.manifestSha256, maxFileBytes) : null;
    if (!parsed) throw new ExtractError('manifest', MANIFEST_ENTRY);
    if (metadata.evidenceFiles !== undefined && metadata.evidenceFiles !== parsed.files.length) throw new ExtractError('manifest', 'count');
    return parsed;
  } finally {
    fs.closeSync(fd);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inflates the database entry of `file` into `target` (created, fsynced), verifying the size and
 * sha256 the metadata declares. With `target` null it only verifies (a written backup is read
 * back before it enters the rotation). Yields between chunks so the app stays responsive.
 */
export async function extractDatabase(file: string, target: string | null, options: ExtractOptions = {}): Promise<BackupMetadata> {
  const maxBytes = options.maxBytes ?? MAX_DATABASE_BYTES;
  const fd = fs.openSync(file, 'r');
  let out: number | null = null;
  try {
    const { metadata, database } = list(fd, maxBytes);
    const expected = metadata.databaseBytes;
    const hash = crypto.createHash('sha256');
    let written = 0;
    let overflow = false;
    if (target !== null) out = fs.openSync(target, 'wx');
    const sink = (chunk: Uint8Array) => {
      if (overflow) return;
      if (written + chunk.length > expected) {
        overflow = true;
        return;
      }
      written += chunk.length;
      hash.update(chunk);
      if (out !== null) fs.writeSync(out, chunk);
    };
    const inflater = database.method === 8 ? new Inflate(sink) : null;
    const buffer = Buffer.alloc(CHUNK);
    let read = 0;
    while (read < database.compressedSize) {
      const length = Math.min(CHUNK, database.compressedSize - read);
      const n = fs.readSync(fd, buffer, 0, length, database.dataStart + read);
      if (n <= 0) throw new ExtractError('notZip', 'truncated');
      read += n;
      const slice = new Uint8Array(buffer.subarray(0, n));
      const final = read >= database.compressedSize;
      try {
        if (inflater) inflater.push(slice, final);
        else sink(slice);
      } catch (error) {
        throw new ExtractError('checksum', (error as Error).message);
      }
      // A zip bomb is stopped here, at the declared size, not after it has filled the disk.
      if (overflow) throw new ExtractError('tooLarge', 'inflates beyond its declared size');
      options.onProgress?.(database.compressedSize ? read / database.compressedSize : 1);
      await nextTurn();
    }
    if (written !== expected || hash.digest('hex') !== metadata.sha256) throw new ExtractError('checksum', 'content');
    if (out !== null) fs.fsyncSync(out);
    return metadata;
  } finally {
    if (out !== null) fs.closeSync(out);
    fs.closeSync(fd);
  }
}
