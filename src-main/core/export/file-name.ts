import type { Paper } from '../../../shared/types';
import { cleanText } from './text';

// File names that Windows accepts: no \ / : * ? " < > |, no trailing dot or space, no reserved
// device names (CON, PRN, AUX, NUL, COM1..9, LPT1..9), and short enough for deep folders.

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_STEM = 150;

export function safeFileName(stem: string, extension: string): string {
  let name = cleanText(stem)
    .replace(/[\\/:*?"<>|]/g, ' ')
    // eslint-disable-next-line no-control-regex -- strips control characters from a file name on purpose
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code point: slicing UTF-16 could leave half an emoji.
  const points = Array.from(name);
  if (points.length > MAX_STEM) name = points.slice(0, MAX_STEM).join('').trim();
  name = name.replace(/[. ]+$/, '');
  if (name === '') name = 'Dokumen';
  if (RESERVED.test(name)) name = `_${name}`;
  return `${name}.${extension}`;
}

/** A4 is the national default; an F4 copy is told apart by its name, so neither overwrites the other. */
function paperSuffix(paper: Paper | undefined): string {
  return paper === 'F4' ? ' (F4)' : '';
}

export function minutesFileName(title: string, date: string, paper?: Paper): string {
  const stem = /^notulen\b/i.test(title.trim()) ? title : `Notulen ${title}`;
  return safeFileName(`${stem} ${date}${paperSuffix(paper)}`, 'docx');
}

export function attendanceFileName(title: string, date: string, paper?: Paper): string {
  return safeFileName(`Daftar Hadir ${title} ${date}${paperSuffix(paper)}`, 'docx');
}
