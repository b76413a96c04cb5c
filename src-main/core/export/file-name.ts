import type { Paper } from '../../../shared/types';
import { safeFileName } from '../../../shared/file-name';

// The names of the meeting's Word documents (the rule for any file name: shared/file-name.ts).

/** A4 is the national default; an F4 copy is told apart by its name, so neither overwrites the other. */
export function paperSuffix(paper: Paper | undefined): string {
  return paper === 'F4' ? ' (F4)' : '';
}

export function minutesFileName(title: string, date: string, paper?: Paper): string {
  const stem = /^notulen\b/i.test(title.trim()) ? title : `Notulen ${title}`;
  return safeFileName(stem, 'docx', ` ${date}${paperSuffix(paper)}`);
}

export function attendanceFileName(title: string, date: string, paper?: Paper): string {
  return safeFileName(`Daftar Hadir ${title}`, 'docx', ` ${date}${paperSuffix(paper)}`);
}

/** The PDF of a document is named as its Word file, with the other extension. */
export function pdfFileName(docxName: string): string {
  return docxName.replace(/\.docx$/i, '.pdf');
}
