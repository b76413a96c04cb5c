import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import { cleanText } from '../export/text';

// The Word layout of the Rekap per instansi letter (letter.ts holds its text): spacing, indents,
// tab stops and the two columns of the head. Pure Word styling, like the notulen's style files,
// and outside the mutation score for the same reason (stryker.config.mjs, WORD_LAYOUT); the
// LibreOffice render test checks that the letter stays on one page.

/** Left indent of the numbered points and of the RTL table under point 2, in twips. */
export const POINT_INDENT = 400;
/** Width of the "Nomor", "Sifat", … labels of the head, in twips. */
const HEAD_LABEL = 1300;
const BODY = { before: 0, after: 60, line: 276 } as const;

function paragraph(text: string, options: { indent?: number; hanging?: number; justify?: boolean; after?: number; lead?: string }): Paragraph {
  return new Paragraph({
    spacing: { ...BODY, after: options.after ?? BODY.after },
    alignment: options.justify ? AlignmentType.JUSTIFIED : undefined,
    indent: options.indent !== undefined ? { left: options.indent, hanging: options.hanging } : undefined,
    tabStops: options.hanging ? [{ type: TabStopType.LEFT, position: options.indent ?? 0 }] : undefined,
    // The lead ("1." and a tab) is ours: cleanText would turn its tab into a space.
    children: [new TextRun(`${options.lead ?? ''}${cleanText(text)}`)],
  });
}

/** A paragraph of the letter's body, justified; `closing` leaves room above the signature. */
export const bodyParagraph = (text: string, closing = false) => paragraph(text, { justify: true, after: closing ? 200 : undefined });

/** "1.<tab>Indikator: …", hanging under its number. */
export const numberedPoint = (n: number, text: string) => paragraph(text, { indent: POINT_INDENT, hanging: POINT_INDENT, lead: `${n}.\t` });

/** A line under a numbered point, aligned with its text ("dan 7 RTL lainnya …"). */
export const pointNote = (text: string) => paragraph(text, { indent: POINT_INDENT });

/** "Nomor<tab>: …" in the head's left column. */
export function headLabel(name: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 260 },
    indent: { left: HEAD_LABEL, hanging: HEAD_LABEL },
    tabStops: [{ type: TabStopType.LEFT, position: HEAD_LABEL }],
    children: [new TextRun(`${name}\t: ${cleanText(value)}`)],
  });
}

/** A line of the head's right column: place and date, "Kepada Yth.", the addressee (bold), "di",
 * "Tempat" (indented); `gapAfter` separates the date from the address and the address from the body. */
export function headLine(text: string, o: { bold?: boolean; indented?: boolean; gapAfter?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: o.gapAfter ? 160 : 0, line: 260 },
    indent: o.indented ? { left: POINT_INDENT } : undefined,
    children: [new TextRun({ text: cleanText(text), bold: o.bold })],
  });
}

/** The head's two columns: labels on the left, the address block on the right (46%). */
export function headColumns(width: number): [number, number] {
  const address = Math.round(width * 0.46);
  return [width - address, address];
}
