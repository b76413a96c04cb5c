import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database';

// The evidence files a backup needs, as listed in its berkas.json. The database refers to files
// by their SHA-256; the manifest repeats those hashes with their sizes so that restore knows,
// before it copies a byte, what to fetch from the backup folder's store and how large each file
// may be. A manifest is as hostile as the rest of the zip: only 64 lowercase hex digits name a
// file (never a path, so no `../`), sizes are bounded, and the count and total are capped.

/** What backup and restore need to know about the data folder's evidence (given by the backend). */
export interface EvidenceFiles {
  /** Every file the database refers to (rows and Terhapus entries), once per hash. */
  referenced(db: Db): ReferencedFile[];
  /** Where the data folder keeps the file with this hash. */
  pathOf(dataDir: string, sha256: string): string;
  /** The largest single file the app accepts: anything bigger in a manifest is refused. */
  maxFileBytes: number;
}

export interface ReferencedFile {
  sha256: string;
  bytes: number;
  /** For messages only. */
  title: string;
}

const MAX_FILES = 200_000;
/** 1 TiB: far above any regency's evidence, far below what would overflow anything. */
const MAX_TOTAL_BYTES = 2 ** 40;
/** The manifest entry itself may not be larger than this (about 100 bytes per file). */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

export function manifestSchema(maxFileBytes: number) {
  return z.strictObject({
    files: z
      .array(
        z.strictObject({
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          bytes: z.number().int().min(1).max(maxFileBytes),
          /** The file was already missing or altered in the data folder when the backup was taken. */
          absent: z.literal(true).optional(),
        }),
      )
      .max(MAX_FILES),
  });
}

export type Manifest = z.infer<ReturnType<typeof manifestSchema>>;
export type ManifestFile = Manifest['files'][number];

export function encodeManifest(manifest: Manifest): { bytes: Uint8Array; sha256: string } {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return { bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** The manifest, or null when it is not one we could have written (hash, shape, bounds, duplicates). */
export function decodeManifest(bytes: Uint8Array, expectedSha256: string, maxFileBytes: number): Manifest | null {
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== expectedSha256) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  const parsed = manifestSchema(maxFileBytes).safeParse(value);
  if (!parsed.success) return null;
  const seen = new Set<string>();
  let total = 0;
  for (const f of parsed.data.files) {
    if (seen.has(f.sha256)) return null;
    seen.add(f.sha256);
    total += f.bytes;
  }
  return total <= MAX_TOTAL_BYTES ? parsed.data : null;
}
