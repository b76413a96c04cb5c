import { z } from 'zod';
import { t } from '../messages';
import { MAX_FILE_BASE64 } from './export';

// An uploaded spreadsheet travels as base64, like exported files (see ExportedFile).
export const xlsxBase64 = z
  .string()
  .min(1, { error: t('field.fileData') })
  .max(MAX_FILE_BASE64, { error: t('error.tooLarge') })
  .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0, { error: t('field.fileData') });
