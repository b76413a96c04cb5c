import { AlignmentType, BorderStyle, Header, ImageRun, Paragraph, TextRun } from 'docx';
import type { RegionProfile } from '../../../shared/types';
import { decodeLogo } from './image';
import { layoutTable } from './tables';
import { cleanText } from './text';
import { fittingSize } from './text-width';

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

function lineParagraphs(lines: string[], size: number, widthTwips: number): Paragraph[] {
  // Government style: the region in capitals, the office larger and bold, the address smaller.
  // A long office name is set smaller rather than broken over two lines, as secretaries do by hand.
  return lines.map((text, i) => {
    const bold = i < 2;
    const preferred = i === 0 ? size + 2 : i === 1 ? size + 4 : Math.max(16, size - 2);
    const runSize = fittingSize(text, bold, preferred, widthTwips);
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 240 },
      children: [new TextRun({ text, bold, size: runSize })],
    });
  });
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
