import type { KopLine, Letterhead } from '../../../shared/document';
import type { RegionProfile } from '../../../shared/types';
import { decodeLogo } from './image';
import { cleanText } from './text';
import { fittingSize, textWidthEm } from './text-width';

// The kop surat: the logo on the left, up to five centred lines, a thick-thin rule underneath.
// It sits in the first-page header, so the following pages carry only the page number.

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

/** The kop surat of the document model: its lines sized to fit beside the logo, if any. */
export function letterheadModel(profile: RegionProfile, width: number, size: number): Letterhead | null {
  const lines = letterheadLines(profile);
  const logo = decodeLogo(profile.logoDataUrl);
  if (lines.length === 0 && !logo) return null;
  return {
    lines: kopLines(lines, size, logo ? width - LOGO_COLUMN - CELL_PADDING : width),
    logo: logo ? { dataUrl: profile.logoDataUrl, width: logo.width, height: logo.height } : null,
    logoColumn: LOGO_COLUMN,
  };
}
