import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import { formatDate } from '../../../shared/format';
import { cleanText } from './text';
import type { LampiranCode } from './labels';

// "Lampiran I Notulen Rakor KLA Klaster III tanggal 26 November 2024", set as the usual block
// in the upper right, then the attachment's own centred title.

export function lampiranHeading(code: LampiranCode, meetingTitle: string, date: string, width: number): Paragraph[] {
  const left = Math.round(width * 0.42);
  const label = 1500;
  const tabs = [{ type: TabStopType.LEFT, position: left + label }];
  const para = (text: string) =>
    new Paragraph({
      keepNext: true,
      spacing: { before: 0, after: 0, line: 260 },
      indent: { left: left + label, hanging: label },
      tabStops: tabs,
      children: [new TextRun(text)],
    });
  return [
    para(`Lampiran ${code}\t: Notulen ${cleanText(meetingTitle).trim()}`),
    para(`Tanggal\t: ${formatDate(date)}`),
  ];
}

export function lampiranTitle(lines: string[], size: number): Paragraph[] {
  return lines.map((text, i) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: i === 0 ? 360 : 0, after: i === lines.length - 1 ? 240 : 0 },
      children: [new TextRun({ text: cleanText(text), bold: i === 0, size: i === 0 ? size + 2 : size })],
    }),
  );
}
