import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { numberOption, requireOption } from './export-args';

// What import-nilai and import-referensi share: "<FILE.xlsx> --year Y", the file read as base64.

export function importArgs(argv: string[]): { file: string; base64: string; year: number } {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, year: { type: 'string' } } });
  const year = numberOption(requireOption(values.year, 'year')) as number;
  if (positionals.length !== 1) throw new AppError('VALIDATION', 'Sebutkan satu berkas .xlsx yang akan diimpor.');
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Berkas tidak ditemukan: ${file}`);
  return { file, base64: fs.readFileSync(file).toString('base64'), year };
}
