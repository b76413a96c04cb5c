import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import { formatDate } from '../../../shared/format';
import { formatNip } from '../../../shared/nip';
import type { Signatory } from './minutes-data';
import { layoutTable, NO_BORDERS } from './tables';
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

/**
 * One signature block on the right half of the page (a letter signed by the head of office,
 * dated at its top): the jabatan, room to sign, name, rank, NIP; kept together on one page.
 */
export function singleSignatureBlock(options: { role: string; signatory: Signatory; width: number }): Table {
  const right = lines({ top: '', role: options.role, signatory: options.signatory }).slice(1);
  const half = Math.floor(options.width / 2);
  return layoutTable([options.width - half, half], right.map((cell) => [[], cell]), { cantSplit: true, keepNext: true });
}

export const CLOSING_SENTENCE = 'Demikian notulen rapat ini dibuat untuk dipergunakan sebagaimana mestinya.';

/**
 * The closing sentence, then the two signature blocks, in ONE table row that cannot split: a
 * row moves to the next page whole, so "Demikian ..." and the signatures always share a page
 * and the signatures never start a page alone. (Keep-with-next on paragraphs before a table is
 * honoured differently by Word and LibreOffice; a row that cannot split is honoured by both.)
 */
export function closingWithSignatures(options: Parameters<typeof signatureBlocks>[0] & { indent: number; lead?: Paragraph[] }): Table {
  const closing = new Paragraph({
    spacing: { before: 0, after: 80, line: 360 },
    indent: { left: options.indent },
    children: [new TextRun(CLOSING_SENTENCE)],
  });
  const gap = new Paragraph({ spacing: { before: 240, after: 0 }, children: [] });
  // A cell must end with a paragraph; this one is one point high.
  const end = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] });
  return new Table({
    width: { size: options.width, type: WidthType.DXA },
    columnWidths: [options.width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: options.width, type: WidthType.DXA },
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            children: [...(options.lead ?? []), closing, gap, signatureBlocks(options), end],
          }),
        ],
      }),
    ],
  });
}
