import {
  AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun,
  type ISectionOptions,
} from 'docx';
import type { Paper } from '../../../shared/types';

// Paper, margins and the page-number header shared by the notulen, its lampiran and the blank
// daftar hadir. Sizes in twips (1/1440 inch); F4 is the 215 x 330 mm folio many regions use.

const MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * MM);

export const PAPER_SIZE: Record<Paper, { width: number; height: number }> = {
  A4: { width: mm(210), height: mm(297) },
  F4: { width: mm(215), height: mm(330) },
};

/** Government style: 3 cm binding margin on the left, 2.5 cm elsewhere; header/footer at 1.25 cm. */
export const MARGIN = { top: mm(25), right: mm(25), bottom: mm(25), left: mm(30), header: mm(12.5), footer: mm(12.5) };

export type Orientation = 'portrait' | 'landscape';

/** Usable width between the margins, for fixed table layouts. */
export function textWidth(paper: Paper, orientation: Orientation = 'portrait'): number {
  const { width, height } = PAPER_SIZE[paper];
  return (orientation === 'landscape' ? height : width) - MARGIN.left - MARGIN.right;
}

export function pageProperties(paper: Paper, orientation: Orientation = 'portrait', top: number = MARGIN.top): NonNullable<ISectionOptions['properties']>['page'] {
  const { width, height } = PAPER_SIZE[paper];
  return {
    // docx swaps width and height itself for landscape: always give the portrait size.
    size: { width, height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { ...MARGIN, top },
  };
}

/**
 * Tata naskah dinas: the page number in Arabic numerals centred at the top between dashes,
 * "- 2 -". Sections set it as their default header; the first page of the notulen shows the kop
 * surat instead (titlePage), and lampiran sections continue the count.
 */
export function pageNumberHeader(fontSizeHalfPoints: number): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: fontSizeHalfPoints })],
      }),
    ],
  });
}
