import fs from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';

// Writing an exported document where the user chose. The usual failures on an office laptop
// are Word still holding the previous copy open (EBUSY on Windows) and a protected folder; they
// become plain Indonesian messages here, so the Electron shell and the CLI stay thin.

const MESSAGES: Record<string, () => string> = {
  EBUSY: () => t('export.fileBusy'),
  // Windows reports a file locked by Word as EPERM/EACCES as well as a read-only folder;
  // both messages point at what the user can do.
  EPERM: () => t('export.folderNotWritable'),
  EACCES: () => t('export.folderNotWritable'),
  EROFS: () => t('export.folderNotWritable'),
  EISDIR: () => t('export.folderNotWritable'),
  ENOSPC: () => t('export.diskFull'),
  EDQUOT: () => t('export.diskFull'),
  // A file past the drive's limit: FAT32 flash disks take at most 4 GB per file (a paket data
  // dukung of a year of photos can pass it), or a process file-size limit.
  EFBIG: () => t('export.fileTooLarge'),
  ENOENT: () => t('export.folderMissing'),
  ENOTDIR: () => t('export.folderMissing'),
};

/** The user-facing error for a failed write; AppErrors pass through unchanged. */
export function saveError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    const message = MESSAGES[code];
    return new AppError('IO', message ? message() : t('export.saveFailed', { code }));
  }
  return new AppError('IO', t('export.saveFailed', { code: (error as Error)?.message ?? String(error) }));
}

/**
 * Writes the whole file or reports why not (never a half-written document under the real name).
 * The bytes go to "<name>.tmp" beside the target first and replace it by a rename only once
 * all are written: a write cut short (full disk, a USB stick pulled, a file-size limit) leaves
 * the previous copy as it was, and the partial file is removed.
 */
export async function writeExportFile(filePath: string, bytes: Uint8Array): Promise<void> {
  // Beside the target, so the rename stays on one drive (a rename across drives fails).
  const partial = `${filePath}.tmp`;
  try {
    await fs.writeFile(partial, bytes);
    await fs.rename(partial, filePath);
  } catch (error) {
    await fs.unlink(partial).catch(() => undefined);
    throw saveError(error);
  }
}
