// Width of a line of Arial text, from the Helvetica metrics Arial (and Liberation Sans, which
// LibreOffice substitutes) is built to match, in 1/1000 em. Enough to pick a font size at
// which a kop surat line stays on one line, without shipping or parsing a font file.

const UPPER_REGULAR = [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611];
const UPPER_BOLD = [722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611];
const LOWER_REGULAR = [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500];
const LOWER_BOLD = [556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500];
const PUNCTUATION: Record<string, [number, number]> = {
  ' ': [278, 278], '.': [278, 278], ',': [278, 278], ':': [278, 333], ';': [278, 333], '-': [333, 333],
  '(': [333, 333], ')': [333, 333], '/': [278, 278], '@': [1015, 975], '&': [667, 722], "'": [191, 238], '"': [355, 474],
};
const DEFAULT = 556; // digits and anything unlisted

export function textWidthEm(text: string, bold: boolean): number {
  let total = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) total += (bold ? UPPER_BOLD : UPPER_REGULAR)[code - 65];
    else if (code >= 97 && code <= 122) total += (bold ? LOWER_BOLD : LOWER_REGULAR)[code - 97];
    else total += PUNCTUATION[ch]?.[bold ? 1 : 0] ?? DEFAULT;
  }
  return total / 1000;
}

/**
 * The largest size (half-points, as docx counts) not above `preferred` at which `text` fits in
 * `widthTwips` on one line, but never below `minimum`. A 3% margin absorbs kerning and rounding.
 */
export function fittingSize(text: string, bold: boolean, preferred: number, widthTwips: number, minimum = 16): number {
  const em = textWidthEm(text, bold);
  if (em === 0) return preferred;
  const widthPt = (widthTwips / 20) * 0.97;
  const fits = Math.floor((widthPt / em) * 2);
  return Math.max(minimum, Math.min(preferred, fits));
}

/**
 * Twips a table cell needs so that none of `texts` breaks inside a word: the widest piece
 * between spaces (and after hyphens, where Word and LibreOffice may break) at `sizeHalfPoints`,
 * plus the cell's left and right margins. With `whole`, each text counts as one piece (a phone
 * number must not wrap at all).
 */
export function unbreakableWidth(texts: readonly string[], sizeHalfPoints: number, options: { bold?: boolean; whole?: boolean; cellMargin?: number } = {}): number {
  let widest = 0;
  for (const text of texts) {
    const pieces = options.whole ? [text.trim()] : text.split(/\s+|(?<=-)/);
    for (const piece of pieces) widest = Math.max(widest, textWidthEm(piece, options.bold ?? false));
  }
  // 6% slack for kerning and the renderer's rounding, as fittingSize allows 3% per line.
  return Math.ceil(widest * (sizeHalfPoints / 2) * 20 * 1.06) + (options.cellMargin ?? 120);
}
