import type { Paper } from './types';

// The document model: a notulen, its lampiran or the blank daftar hadir as plain data, built
// once in the core (src-main/core/export/*-blocks.ts) and rendered by the Word writer and by the
// in-app Pratinjau (which Chromium prints to PDF). Lengths are twips (1/1440 inch, Word's unit),
// font sizes half-points (Arial 12 = 24): both renderers convert from the same numbers, so a
// column is as wide in the preview as in Word. Types only: no behaviour lives here.

export type Twips = number;
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Spacing {
  before?: Twips;
  after?: Twips;
  /** Line height in 240ths of a line (360 = 1.5 lines). */
  line?: number;
}

/**
 * One paragraph. `text` may hold tab characters: with a hanging indent the part before the
 * first tab is the label ("1.", "A.", "Capaian"), set in the hanging space; `tabs` are the stops.
 */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Half-points; absent = the document's body size. */
  size?: number;
  indent?: { left?: Twips; hanging?: Twips };
  tabs?: Twips[];
  spacing?: Spacing;
  /** Stay on the page of the next block (headings, numbered titles). */
  keepNext?: boolean;
}

export interface LabelRow {
  label: string;
  lines: string[];
  /** Numbered lines ("1. Paparan"): wrapped text hangs under the text, not under the number. */
  hanging?: boolean;
}

/** "Hari/Tanggal : Selasa, 26 November 2024": label, colon and value columns without borders. */
export interface LabelTableBlock {
  kind: 'labelTable';
  widths: [Twips, Twips, Twips];
  rows: LabelRow[];
}

export interface TableColumn {
  header: string;
  width: Twips;
  align?: 'left' | 'center' | 'right';
}

/** A cell: text (empty prints "-"), `null` left empty on purpose, or a daftar hadir signature cell. */
export type TableCell = string | null | { sign: number };

/** A bordered table: header repeated on every page, rows never split. */
export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: TableCell[][];
  size: number;
  indent?: Twips;
  /** Minimum body row height (room to sign on the blank daftar hadir). */
  rowHeight?: Twips;
  boldRows?: number[];
}

export interface Signer {
  /** Lines above the role: the place and date, "Mengetahui,". */
  top: string[];
  /** "a.n. Kepala Dinas …", "Pimpinan Rapat,", the jabatan: centred above the signing space. */
  roles: string[];
  name: string;
  rank: string;
  /** Printed as is ("NIP. 19800101 200501 1 001"), '' when unknown. */
  nip: string;
}

/**
 * The closing sentence with the signatures, never split over two pages: `lead` (F. Penutup
 * when short) and `closing` open the block; `rows` hold one or two signers each (a single
 * signer is centred, as "Mengetahui" under the two).
 */
export interface SignaturesBlock {
  kind: 'signatures';
  lead: ParagraphBlock[];
  closing: string;
  indent: Twips;
  rows: Signer[][];
}

/** A picture scaled into the text width, with its caption (Lampiran Dokumentasi). */
export interface ImageBlock {
  kind: 'image';
  dataUrl: string;
  /** The box the picture fills as seen, upright (after `rotation`). */
  width: Twips;
  height: Twips;
  caption: string;
  /**
   * Clockwise turn the picture's own pixels need to stand upright (a camera JPEG's EXIF
   * orientation): the Word writer turns it; a browser does so by itself from the file.
   */
  rotation?: 0 | 90 | 180 | 270;
}

export type DocBlock = ParagraphBlock | LabelTableBlock | TableBlock | SignaturesBlock | ImageBlock;

export interface DocSection {
  orientation: Orientation;
  blocks: DocBlock[];
}

export interface KopLine {
  text: string;
  bold: boolean;
  size: number;
}

export interface Letterhead {
  lines: KopLine[];
  logo: { dataUrl: string; width: number; height: number } | null;
  /** Width of the logo column when there is a logo. */
  logoColumn: Twips;
}

/**
 * A whole document. The first section's first page carries the kop surat and no number; every
 * later page is numbered "- n -" at the top centre, the count running on through all sections.
 */
export interface DocModel {
  paper: Paper;
  font: string;
  size: number;
  title: string;
  description?: string;
  letterhead: Letterhead | null;
  sections: DocSection[];
}

/** Page sizes and margins in twips, shared by both renderers (tata naskah dinas margins). */
const MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * MM);

export const PAPER_SIZE: Record<Paper, { width: Twips; height: Twips }> = {
  A4: { width: mm(210), height: mm(297) },
  F4: { width: mm(215), height: mm(330) },
};

/** 3 cm binding margin on the left, 2.5 cm elsewhere; header at 1.25 cm. */
export const MARGIN = { top: mm(25), right: mm(25), bottom: mm(25), left: mm(30), header: mm(12.5), footer: mm(12.5) };

/** Usable width between the margins, for fixed table layouts. */
export function textWidth(paper: Paper, orientation: Orientation = 'portrait'): Twips {
  const { width, height } = PAPER_SIZE[paper];
  return (orientation === 'landscape' ? height : width) - MARGIN.left - MARGIN.right;
}

/** "- 2 -": the page number as tata naskah dinas prints it. */
export function pageNumberText(n: number): string {
  return `- ${n} -`;
}
