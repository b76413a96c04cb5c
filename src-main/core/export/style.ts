import type { Paper, RegionProfile } from '../../../shared/types';

// What every part of a document needs to know about the page and the type it is set in.
export interface DocStyle {
  paper: Paper;
  font: string;
  /** Body size in half-points (Word's unit): Arial 12 = 24. */
  size: number;
  /** Dense tables: two points smaller than the body (10 pt under Arial 12), never below 8 pt. */
  tableSize: number;
}

export function docStyle(profile: RegionProfile, paper: Paper = profile.paper): DocStyle {
  const size = Math.round(profile.fontSizePt * 2);
  return { paper, font: profile.fontFamily || 'Arial', size, tableSize: Math.max(16, size - 4) };
}

/** The landscape lampiran (ten-column RTL matrix, budget): one point smaller again. */
export function smallTableSize(style: DocStyle): number {
  return Math.max(16, style.tableSize - 2);
}

/** Body paragraphs: 1.5 line spacing, the usual setting of a notulen. */
export const BODY_SPACING = { before: 0, after: 80, line: 360 } as const;

/** The language Word spell-checks the text in, set on the default run style. */
export const LANGUAGE = 'id-ID';

/** Package properties every export shares: who wrote it (never Word's "Un-named"). */
export const DOC_AUTHOR = { creator: 'Rakor KLA', lastModifiedBy: 'Rakor KLA' } as const;

/** The default run and paragraph style of a document set in `style`: font, size and language. */
export function defaultStyle(style: Pick<DocStyle, 'font' | 'size'>) {
  return {
    document: {
      run: { font: style.font, size: style.size, language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE } },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
  };
}
