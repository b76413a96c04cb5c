import { AlignmentType, BorderStyle, Header, ImageRun, Paragraph, TextRun } from 'docx';
import type { RegionProfile } from '../../../shared/types';
import { decodeLogo } from './image';
import { layoutTable } from './tables';
import { cleanText } from './text';
import { fittingSize, textWidthEm } from './text-width';

// The kop surat: the logo on the left, up to five centred lines, a thick-thin rule underneath.
// It sits in the first-page header, so the following pages carry only the page number.

const LOGO_HEIGHT_PX = 92; // about 2.4 cm at 96 dpi
const LOGO_COLUMN = 1500; // twips, about 2.6 cm
/** Left and right cell margins of the layout table, which the text cannot use. */
const CELL_PADDING = 220;

/** The lines of the kop surat, falling back to "PEMERINTAH KABUPATEN X" when none are set. */
export function letterheadLines(profile: RegionProfile): string[] {
  const lines = profile.letterheadLines.map((l) => cleanText(l).trim()).filter((l) => l !== '').slice(0, 5);
  if (lines.length > 0) return lines;
  const region = cleanText(profile.regionName).trim();
  return region ? [`PEMERINTAH ${profile.regionType.toUpperCase()} ${region.toUpperCase()}`] : [];
}

/** Words a kop line should not end on: the name would read as cut off. */
const JOINING = new Set(['DAN', 'SERTA', 'DI', 'KE', 'DARI', 'UNTUK', 'PADA', 'BAGI', '&']);

/**
 * The office name split into two lines of similar width, at a word boundary that does not leave
 * "DAN" or "SERTA" dangling at the end of the first line (nor a comma-less half name).
 */
export function splitOfficeName(text: string): [string, string] | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return null;
  let best: { cut: number; cost: number } | null = null;
  for (let cut = 1; cut < words.length; cut++) {
    const first = words.slice(0, cut).join(' ');
    const second = words.slice(cut).join(' ');
    let cost = Math.max(textWidthEm(first, true), textWidthEm(second, true));
    if (JOINING.has(words[cut - 1].toUpperCase())) cost *= 1.5;
    // A break after a comma follows the name's own structure: prefer it a little.
    if (words[cut - 1].endsWith(',')) cost *= 0.92;
    if (!best || cost < best.cost) best = { cut, cost };
  }
  return best ? [words.slice(0, best.cut).join(' '), words.slice(best.cut).join(' ')] : null;
}

interface KopLine {
  text: string;
  bold: boolean;
  size: number;
}

/**
 * Government style: the region in capitals, the office larger and bold, the address smaller.
 * A long office name is set smaller, but never smaller than the address under it; when it still
 * does not fit it goes over two lines of the same size, split at a sensible word.
 */
export function kopLines(lines: string[], size: number, widthTwips: number): KopLine[] {
  const addressPreferred = Math.max(16, size - 2);
  const addressSizes = lines.slice(2).map((text) => fittingSize(text, false, addressPreferred, widthTwips));
  const floor = Math.max(16, ...addressSizes);
  return lines.flatMap((text, i): KopLine[] => {
    if (i >= 2) return [{ text, bold: false, size: addressSizes[i - 2] }];
    const preferred = i === 0 ? size + 2 : size + 4;
    const fits = fittingSize(text, true, preferred, widthTwips, 1);
    if (fits >= Math.min(floor, preferred)) return [{ text, bold: true, size: fits }];
    const halves = splitOfficeName(text);
    if (!halves) return [{ text, bold: true, size: Math.min(floor, preferred) }];
    const both = Math.min(...halves.map((h) => fittingSize(h, true, preferred, widthTwips, 16)));
    return halves.map((h) => ({ text: h, bold: true, size: both }));
  });
}

function lineParagraphs(lines: string[], size: number, widthTwips: number): Paragraph[] {
  return kopLines(lines, size, widthTwips).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 240 },
        children: [new TextRun({ text: line.text, bold: line.bold, size: line.size })],
      }),
  );
}

export function letterheadHeader(profile: RegionProfile, width: number, size: number): Header {
  const lines = letterheadLines(profile);
  const logo = decodeLogo(profile.logoDataUrl);
  const rule = new Paragraph({
    spacing: { before: 60, after: 0 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: [],
  });
  if (lines.length === 0 && !logo) return new Header({ children: [new Paragraph('')] });
  if (!logo) return new Header({ children: [...lineParagraphs(lines, size, width), rule] });
  const text = lineParagraphs(lines, size, width - LOGO_COLUMN - CELL_PADDING);
  const height = LOGO_HEIGHT_PX;
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.data,
        transformation: { width: Math.round((logo.width / logo.height) * height), height },
      }),
    ],
  });
  // The lines are centred in the space right of the logo, as on printed kop surat; a mirror
  // column to centre them on the page would force the office name onto three lines.
  const table = layoutTable([LOGO_COLUMN, width - LOGO_COLUMN], [[[image], text]]);
  return new Header({ children: [table, rule] });
}
