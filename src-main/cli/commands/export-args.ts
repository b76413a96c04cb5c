import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { fieldErrorsOf } from '../../../shared/api/validate';
import { databasePath, openDatabase, type Db } from '../../core/db/database';
import { writeExportFile } from '../../core/export/save-file';

// What export-notulen and export-daftar-hadir share: the input checked by the same schema as
// the app's operation, the database opened for reading, the file written with plain errors.

export function checkInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = fieldErrorsOf(result.error).map((f) => `  --${f.path.split('.')[0]}: ${f.message}`).join('\n');
    throw new AppError('VALIDATION', `${t('error.validation')}\n${details}`);
  }
  return result.data;
}

export function requireOption(value: string | undefined, option: string): string {
  if (!value) throw new AppError('VALIDATION', `Opsi --${option} wajib diisi.`);
  return value;
}

/** "7" -> 7; anything else is left for the schema to refuse in Indonesian. */
export function numberOption(value: string | undefined): number | undefined | string {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/**
 * Opens the data folder's database without taking the app's lock: exporting only reads, and
 * WAL lets it read while the desktop app keeps writing.
 */
export function withDatabase<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const file = databasePath(dataDir);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Basis data tidak ditemukan: ${file}`);
  const db = openDatabase(file);
  return fn(db).finally(() => db.close());
}

export async function writeOutput(out: string, bytes: Uint8Array): Promise<string> {
  const target = path.resolve(out);
  await writeExportFile(target, bytes);
  return target;
}
