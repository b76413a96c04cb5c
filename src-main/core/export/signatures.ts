import { AlignmentType, Paragraph, TextRun, UnderlineType, type Table } from 'docx';
import { formatDate } from '../../../shared/format';
import { formatNip } from '../../../shared/nip';
import type { Signatory } from './minutes-data';
import { layoutTable } from './tables';
import { cleanText } from './text';

// The two signature blocks side by side: pimpinan rapat on the left, notulis on the right.
// Each line is its own table row so the names, ranks and NIPs of both blocks line up even when
// one jabatan wraps over two lines; the rows are kept together on one page.

const SIGN_SPACE = 1100; // twips of white space to sign in (~1.9 cm), stamp included

interface Block {
  top: string;
  role: string;
  signatory: Signatory;
}

function p(text: string, options: { bold?: boolean; underline?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: options.before ?? 0, after: 0, line: 260 },
    children: text ? [new TextRun({ text, bold: options.bold, underline: options.underline ? { type: UnderlineType.SINGLE } : undefined })] : [],
  });
}

function lines(b: Block): Paragraph[][] {
  const s = b.signatory;
  const name = cleanText(s.name).trim();
  const rank = cleanText(s.rank).trim();
  const nip = cleanText(s.nip).trim();
  return [
    [p(b.top)],
    [p(b.role), ...(cleanText(s.position).trim() ? [p(cleanText(s.position).trim())] : [])],
    [new Paragraph({ keepNext: true, spacing: { before: SIGN_SPACE, after: 0 }, children: [] })],
    // A blank name still leaves a line to write on by hand.
    [name ? p(name, { bold: true, underline: true }) : p('(....................................)')],
    [p(rank)],
    [p(nip ? `NIP. ${formatNip(nip)}` : '')],
  ];
}

export function signatureBlocks(options: {
  place: string;
  date: string;
  chair: Signatory;
  notulis: Signatory;
  width: number;
}): Table {
  const place = cleanText(options.place).trim();
  const placeDate = place ? `${place}, ${formatDate(options.date)}` : formatDate(options.date);
  const left = lines({ top: 'Mengetahui,', role: 'Pimpinan Rapat,', signatory: options.chair });
  const right = lines({ top: placeDate, role: 'Notulis,', signatory: options.notulis });
  const half = Math.floor(options.width / 2);
  return layoutTable(
    [half, options.width - half],
    left.map((cell, i) => [cell, right[i]]),
    { cantSplit: true, keepNext: true },
  );
}

/** The paragraph before the signatures: some space, kept with the block. */
export function signatureGap(): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 240, after: 0 }, children: [] });
}
