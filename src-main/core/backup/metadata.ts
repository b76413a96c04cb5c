import { z } from 'zod';
import type { BackupReason } from '../../../shared/api/backup';

// What a backup says about itself. Written as metadata.json next to the database inside the
// zip, read back before any restore: a file without a sound one is not our backup. From format 2
// a third entry, berkas.json, lists the evidence files the database refers to; the files
// themselves live once in the backup folder's shared store (see evidence-store.ts).

export const BACKUP_FORMAT = 'rakor-kla-cadangan';
export const BACKUP_FORMAT_VERSION = 2;
export const METADATA_ENTRY = 'metadata.json';
export const DATABASE_ENTRY = 'rakor-kla.sqlite';
export const MANIFEST_ENTRY = 'berkas.json';

export const backupMetadataSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1).max(BACKUP_FORMAT_VERSION),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  reason: z.enum(['start', 'meeting-closed', 'manual', 'before-restore', 'cli']),
  databaseEntry: z.literal(DATABASE_ENTRY),
  databaseBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  /** Format 2: the manifest's sha256 and totals (absent in format 1 backups, which carry no files). */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  evidenceFiles: z.number().int().min(0).optional(),
  evidenceBytes: z.number().int().min(0).optional(),
});

export type BackupMetadata = z.infer<typeof backupMetadataSchema> & { reason: BackupReason };

export function parseMetadata(bytes: Uint8Array): BackupMetadata | null {
  try {
    const parsed = backupMetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.success) return null;
    // Format 2 always names its manifest; format 1 never has one.
    if ((parsed.data.formatVersion >= 2) !== (parsed.data.manifestSha256 !== undefined)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
