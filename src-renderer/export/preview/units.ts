import { MARGIN, PAPER_SIZE, type Orientation, type Twips } from '../../../shared/document';
import type { Paper } from '../../../shared/types';

// The document model counts in twips (1/1440 inch) and half-points, as Word does; CSS takes
// points (1/72 inch) and millimetres. One twip is 1/20 point.

export const pt = (tw: Twips) => `${tw / 20}pt`;
export const halfPt = (size: number) => `${size / 2}pt`;
/** CSS pixels (96 per inch) of a twips length: what offsetHeight measures in. */
export const px = (tw: Twips) => (tw / 1440) * 96;

/** A single line of Arial (and Liberation Sans) is 1.149 em (ascent, descent and line gap), as Word and LibreOffice set it; `line` counts 240ths of it. */
export const LINE = 1.149;
export const lineHeight = (line: number | undefined) => ((line ?? 240) / 240) * LINE;

export interface PageBox {
  width: Twips;
  height: Twips;
}

export function pageBox(paper: Paper, orientation: Orientation): PageBox {
  const { width, height } = PAPER_SIZE[paper];
  return orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** Height available to the body of a page, in CSS pixels, when it starts `topTw` from the top edge. */
export function bodyHeightPx(box: PageBox, topTw: Twips = MARGIN.top): number {
  return px(box.height - topTw - MARGIN.bottom);
}

/** Lines of a typed text, as the Word writer splits them (blank lines dropped). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n?|\n|\u2028|\u2029/).map((l) => l.trim()).filter((l) => l !== '');
}
