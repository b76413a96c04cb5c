import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportedFile } from '../../../shared/api/export';
import { writeExportFile } from '../../core/export/save-file';

// What export-notulen and export-daftar-hadir share: option parsing, and writing the file the
// backend's export operation answered.

export function requireOption(value: string | undefined, option: string): string {
  if (!value) throw new AppError('VALIDATION', `Opsi --${option} wajib diisi.`);
  return value;
}

/** "7" -> 7; anything else is left for the operation's schema to refuse in Indonesian. */
export function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return (/^\d+$/.test(value.trim()) ? Number(value) : value) as number;
}

/** Writes an exported document; returns the absolute path and the size in bytes. */
export async function writeExported(out: string, file: ExportedFile): Promise<{ target: string; size: number }> {
  const target = path.resolve(out);
  const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
  await writeExportFile(target, bytes);
  return { target, size: bytes.byteLength };
}
