import {
  AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun,
  type ISectionOptions,
} from 'docx';
import type { Paper } from '../../../shared/types';
import { MARGIN, PAPER_SIZE, type Orientation } from '../../../shared/document';

// Paper, margins and the page-number header shared by the notulen, its lampiran and the blank
// daftar hadir. Sizes in twips (1/1440 inch); F4 is the 215 x 330 mm folio many regions use.

export { MARGIN, PAPER_SIZE, textWidth, type Orientation } from '../../../shared/document';

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
 * "- 2 -" (pageNumberText in shared/document.ts for the preview). Sections set it as their default header; the first page of the notulen shows the kop
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
