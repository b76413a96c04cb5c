import { z } from 'zod';
import type { BackupReason } from '../../../shared/api/backup';

// What a backup says about itself. Written as metadata.json next to the database inside the
// zip, read back before any restore: a file without a sound one is not our backup.

export const BACKUP_FORMAT = 'rakor-kla-cadangan';
export const BACKUP_FORMAT_VERSION = 1;
export const METADATA_ENTRY = 'metadata.json';
export const DATABASE_ENTRY = 'rakor-kla.sqlite';

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
});

export type BackupMetadata = z.infer<typeof backupMetadataSchema> & { reason: BackupReason };

export function parseMetadata(bytes: Uint8Array): BackupMetadata | null {
  try {
    const parsed = backupMetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
