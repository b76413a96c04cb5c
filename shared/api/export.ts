import { z } from 'zod';
import { op, query } from './define';
import { id } from '../schemas/common';
import { t } from '../messages';
import type { DocModel } from '../document';
import { trackerFilter } from './action-item';

// Word documents of a rakor (notulen with its lampiran, the blank daftar hadir) and saving a
// file through the desktop app's save dialog. Documents travel as base64 so the same answer
// works over IPC and HTTP; the renderer downloads it (web) or hands it to 'file.save' (Electron).

export const LAMPIRAN_CODES = ['I', 'II', 'III', 'IV'] as const;
export type LampiranCode = (typeof LAMPIRAN_CODES)[number];
export const LAMPIRAN_LABEL: Record<LampiranCode, string> = {
  I: 'Lampiran I — Daftar hadir',
  II: 'Lampiran II — Matriks rencana tindak lanjut',
  III: 'Lampiran III — Rekapitulasi anggaran',
  // Printed only when photos were chosen in the meeting's Data dukung tab.
  IV: 'Lampiran IV — Dokumentasi (foto yang dipilih di tab Data dukung; tidak dicetak bila belum ada)',
};

/** A Word matrix longer than this (about 150 pages) is refused: filter first, or take the .xlsx. */
export const TRACKER_DOCX_MAX = 3000;

export const BLANK_ROWS = { min: 1, max: 300, default: 40 } as const;
/** About 30 MB of document; a notulen with all lampiran is well under 1 MB. */
export const MAX_FILE_BASE64 = 40_000_000;

export interface ExportedFile {
  /** Suggested name, already safe for Windows, e.g. "Notulen Rakor KLA Klaster III 2024-11-26.docx". */
  fileName: string;
  base64: string;
}

export interface SavedFile {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  path?: string;
}

const paper = z.enum(['A4', 'F4']);

const blankRows = z
  .number({ error: t('field.blankRows', BLANK_ROWS) })
  .int({ error: t('field.blankRows', BLANK_ROWS) })
  .min(BLANK_ROWS.min, { error: t('field.blankRows', BLANK_ROWS) })
  .max(BLANK_ROWS.max, { error: t('field.blankRows', BLANK_ROWS) });

/** Which document of a rakor: the notulen (with the lampiran chosen) or the blank daftar hadir. */
export const PREVIEW_DOCUMENTS = ['notulen', 'daftarHadir'] as const;
export type PreviewDocument = (typeof PREVIEW_DOCUMENTS)[number];

const documentChoice = {
  meetingId: id,
  document: z.enum(PREVIEW_DOCUMENTS).default('notulen'),
  paper: paper.optional(),
  lampiran: z.array(z.enum(LAMPIRAN_CODES)).max(LAMPIRAN_CODES.length).default([...LAMPIRAN_CODES]),
  rows: blankRows.optional(),
};

export const exportOps = {
  /** Paper defaults to the region profile's; lampiran default to all (pass [] for none); IV prints only when photos were chosen. */
  'export.minutes': query<ExportedFile>()(
    z.strictObject({
      meetingId: id,
      paper: paper.optional(),
      lampiran: z.array(z.enum(LAMPIRAN_CODES)).max(LAMPIRAN_CODES.length).default([...LAMPIRAN_CODES]),
    }),
  ),
  'export.attendanceSheet': query<ExportedFile>()(
    z.strictObject({
      meetingId: id,
      rows: blankRows
        // Absent: one row per invited agency plus spares, never fewer than the default.
        .optional(),
      paper: paper.optional(),
    }),
  ),
  /**
   * The document model of a notulen or blank daftar hadir, exactly what the .docx writer
   * renders: the Pratinjau draws its pages from it and Chromium prints those pages to PDF.
   */
  'export.preview': query<DocModel>()(z.strictObject(documentChoice)),
  /**
   * The same document as PDF, printed by the desktop app's own Chromium from the Pratinjau and
   * saved through the save dialog. The browser mode prints the Pratinjau with window.print().
   */
  'export.pdf': op<SavedFile>()(z.strictObject(documentChoice)),
  /**
   * The tracker's filtered list (every row, in the tracker's order) as a landscape RTL matrix
   * (.docx, up to TRACKER_DOCX_MAX rows) or a workbook with real dates and numbers (.xlsx).
   */
  'export.tracker': query<ExportedFile>()(
    z.strictObject({
      ...trackerFilter.shape,
      format: z.enum(['docx', 'xlsx']),
      paper: paper.optional(),
    }),
  ),
  'file.save': op<SavedFile>()(
    z.strictObject({
      fileName: z
        .string()
        .trim()
        .min(1, { error: t('field.required') })
        .max(200, { error: t('field.tooLong', { max: 200 }) })
        // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not contain
        .refine((v) => !/[\\/:*?"<>|\u0000-\u001f]/.test(v), { error: t('field.fileName') }),
      dataBase64: z
        .string()
        .max(MAX_FILE_BASE64, { error: t('error.tooLarge') })
        .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0, { error: t('field.fileData') }),
    }),
  ),
};
