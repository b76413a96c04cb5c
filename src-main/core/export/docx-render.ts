import {
  AlignmentType, BorderStyle, Document, Header, ImageRun, Packer, Paragraph, SectionType, Table, TableCell, TableLayoutType,
  TableRow, TabStopType, TextRun, UnderlineType, WidthType, type ISectionOptions,
} from 'docx';
import type {
  DocBlock, DocModel, ImageBlock, LabelTableBlock, Letterhead, ParagraphBlock, Signer, SignaturesBlock,
} from '../../../shared/document';
import { decodeLogo } from './image';
import { pageNumberHeader, pageProperties, textWidth } from './page-setup';
import { DOC_AUTHOR, defaultStyle } from './style';
import { gridTable, layoutTable, NO_BORDERS, TIGHT, tableParagraphStyles } from './tables';

// The Word writer of the document model: every block becomes docx paragraphs and tables, each
// section a Word section (new page, its own orientation); the kop surat is the first page's
// header and "- n -" the header of every other page, so the count runs on through the lampiran.

/**
 * Line spacing in 240ths of a line. Word reads a w:line without w:lineRule as "auto" (a multiple
 * of the font's line), LibreOffice as "at least": 240 became a 12 pt minimum under 9 pt table
 * text. Said explicitly, both lay the lines out alike, and so does the Pratinjau.
 */
export const AUTO = 'auto' as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export function docxParagraph(b: ParagraphBlock): Paragraph {
  return new Paragraph({
    alignment: b.align ? ALIGN[b.align] : undefined,
    keepNext: b.keepNext,
    keepLines: b.keepNext,
    spacing: b.spacing?.line ? { ...b.spacing, lineRule: AUTO } : b.spacing,
    indent: b.indent,
    tabStops: b.tabs?.map((position) => ({ type: TabStopType.LEFT, position })),
    children: [new TextRun({ text: b.text, bold: b.bold, italics: b.italic, size: b.size })],
  });
}

/** Three columns (label, colon, value) so every colon sits on one vertical line. */
function labelTable(b: LabelTableBlock): Table {
  const cell = (text: string, hanging = false) =>
    new Paragraph({
      ...TIGHT,
      spacing: { before: 20, after: 20 },
      // Numbered agenda lines wrap under their text, not under the number.
      indent: hanging ? { left: 340, hanging: 340 } : undefined,
      children: [new TextRun(text)],
    });
  return layoutTable(
    [...b.widths],
    b.rows.map((row) => [[cell(row.label)], [cell(':')], row.lines.map((line) => cell(line, row.hanging))]),
  );
}

const SIGN_SPACE = 1100; // twips of white space to sign in (~1.9 cm), stamp included

function signLine(text: string, options: { bold?: boolean; underline?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 0, after: 0, line: 260, lineRule: AUTO },
    children: text ? [new TextRun({ text, bold: options.bold, underline: options.underline ? { type: UnderlineType.SINGLE } : undefined })] : [],
  });
}

/** One signer as table cells, one per line kind, so the blocks of a row line up line by line. */
function signerCells(s: Signer): Paragraph[][] {
  return [
    s.top.map((line) => signLine(line)),
    s.roles.map((line) => signLine(line)),
    [new Paragraph({ keepNext: true, spacing: { before: SIGN_SPACE, after: 0 }, children: [] })],
    // A blank name still leaves a line to write on by hand.
    [s.name ? signLine(s.name, { bold: true, underline: true }) : signLine('(....................................)')],
    [signLine(s.rank)],
    [signLine(s.nip)],
  ];
}

function signerRow(row: Signer[], width: number): Table {
  if (row.length === 1) {
    // A lone block (Mengetahui) is centred under the two.
    const quarter = Math.floor(width / 4);
    const cells = signerCells(row[0]);
    return layoutTable([quarter, width - 2 * quarter, quarter], cells.map((c) => [[], c, []]), { cantSplit: true, keepNext: true });
  }
  const half = Math.floor(width / 2);
  const [left, right] = row.map(signerCells);
  return layoutTable([half, width - half], left.map((cell, i) => [cell, right[i]]), { cantSplit: true, keepNext: true });
}

/** One signer on the right half of the page (a letter), kept together and with what precedes it. */
export function rightSignerTable(s: Signer, width: number): Table {
  const half = Math.floor(width / 2);
  const cells = signerCells(s).filter((c) => c.length > 0);
  return layoutTable([width - half, half], cells.map((c) => [[], c]), { cantSplit: true, keepNext: true });
}

/**
 * The closing sentence, then the signature blocks, in ONE table row that cannot split: a row
 * moves to the next page whole. (Keep-with-next on paragraphs before a table is honoured
 * differently by Word and LibreOffice; a row that cannot split is honoured by both.)
 */
function signatures(b: SignaturesBlock, width: number): Table {
  const closing = new Paragraph({ spacing: { before: 0, after: 80, line: 360, lineRule: AUTO }, indent: { left: b.indent }, children: [new TextRun(b.closing)] });
  const gap = () => new Paragraph({ spacing: { before: 240, after: 0 }, children: [] });
  // A cell must end with a paragraph; this one is one point high.
  const end = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            children: [...b.lead.map(docxParagraph), closing, ...b.rows.flatMap((row) => [gap(), signerRow(row, width)]), end],
          }),
        ],
      }),
    ],
  });
}

const PX_PER_TWIP = 96 / 1440;

/**
 * A picture in its own paragraph. Whole pixels rounded down: a photo as wide as the text never
 * ends half a pixel past the margin. A turned picture (camera JPEG) keeps its own, unturned size
 * and carries the rotation (a:xfrm rot), which LibreOffice lays out as the turned box.
 */
function image(b: ImageBlock): Paragraph[] {
  const logo = decodeLogo(b.dataUrl);
  if (!logo) return [];
  const width = Math.floor(b.width * PX_PER_TWIP);
  const height = Math.floor(b.height * PX_PER_TWIP);
  const quarter = b.rotation === 90 || b.rotation === 270;
  const run = new ImageRun({
    type: logo.type,
    data: logo.data,
    transformation: { width: quarter ? height : width, height: quarter ? width : height, ...(b.rotation ? { rotation: b.rotation } : {}) },
  });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240, after: 60 },
      children: [run],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [new TextRun({ text: b.caption, italics: true })] }),
  ];
}

export function docxBlocks(blocks: readonly DocBlock[], width: number): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'paragraph': return [docxParagraph(b)];
      case 'labelTable': return [labelTable(b)];
      case 'table': return [gridTable(b)];
      case 'signatures': return [signatures(b, width)];
      case 'image': return image(b);
    }
  });
}

const LOGO_HEIGHT_PX = 92; // about 2.4 cm at 96 dpi

export function letterheadHeader(kop: Letterhead | null, width: number): Header {
  if (!kop) return new Header({ children: [new Paragraph('')] });
  const lines = kop.lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 240, lineRule: AUTO },
        children: [new TextRun({ text: line.text, bold: line.bold, size: line.size })],
      }),
  );
  const rule = new Paragraph({
    spacing: { before: 60, after: 0 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: [],
  });
  const logo = kop.logo ? decodeLogo(kop.logo.dataUrl) : null;
  if (!logo) return new Header({ children: [...lines, rule] });
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: logo.type, data: logo.data, transformation: { width: Math.round((logo.width / logo.height) * LOGO_HEIGHT_PX), height: LOGO_HEIGHT_PX } })],
  });
  // The lines are centred in the space right of the logo, as on printed kop surat; a mirror
  // column to centre them on the page would force the office name onto three lines.
  return new Header({ children: [layoutTable([kop.logoColumn, width - kop.logoColumn], [[[image], lines]]), rule] });
}

export function docxDocument(model: DocModel): Document {
  const sizes = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.size] : [])));
  const sections = model.sections.map((section, i): ISectionOptions => {
    const width = textWidth(model.paper, section.orientation);
    return i === 0
      ? {
        properties: { titlePage: true, page: pageProperties(model.paper, section.orientation) },
        headers: { first: letterheadHeader(model.letterhead, width), default: pageNumberHeader(model.size) },
        children: docxBlocks(section.blocks, width),
      }
      : {
        properties: { type: SectionType.NEXT_PAGE, page: pageProperties(model.paper, section.orientation) },
        headers: { default: pageNumberHeader(model.size) },
        children: docxBlocks(section.blocks, width),
      };
  });
  return new Document({
    ...DOC_AUTHOR,
    title: model.title,
    ...(model.description ? { description: model.description } : {}),
    styles: {
      default: defaultStyle({ font: model.font, size: model.size }),
      paragraphStyles: tableParagraphStyles(sizes),
    },
    sections,
  });
}

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(docxDocument(model)));
}
