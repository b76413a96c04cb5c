import type { ParagraphBlock } from '../../../shared/document';
import { formatDate } from '../../../shared/format';
import { cleanText } from './text';

// "Lampiran I Notulen Rakor KLA Klaster III tanggal 26 November 2024", set as the usual block
// in the upper right, then the attachment's own centred title.

export function lampiranHeading(code: string, meetingTitle: string, date: string, width: number): ParagraphBlock[] {
  const left = Math.round(width * 0.42);
  const label = 1500;
  const para = (text: string): ParagraphBlock => ({
    kind: 'paragraph',
    text,
    keepNext: true,
    spacing: { before: 0, after: 0, line: 260 },
    indent: { left: left + label, hanging: label },
    tabs: [left + label],
  });
  return [
    para(`Lampiran ${code}\t: Notulen ${cleanText(meetingTitle).trim()}`),
    para(`Tanggal\t: ${formatDate(date)}`),
  ];
}

export function lampiranTitle(lines: string[], size: number): ParagraphBlock[] {
  return lines.map((text, i): ParagraphBlock => ({
    kind: 'paragraph',
    text: cleanText(text),
    align: 'center',
    keepNext: true,
    spacing: { before: i === 0 ? 360 : 0, after: i === lines.length - 1 ? 240 : 0 },
    bold: i === 0,
    size: i === 0 ? size + 2 : size,
  }));
}
