import type { DocSection, ImageBlock, Twips } from '../../../shared/document';
import type { Paper } from '../../../shared/types';
import { MARGIN, PAPER_SIZE, textWidth } from './page-setup';
import { lampiranHeading, lampiranTitle } from './lampiran-heading';
import { cleanText } from './text';

// Lampiran Dokumentasi: photos of the rakor (evidence of the meeting, a signed attendance sheet,
// a site visit), each scaled into the text width and at most about a third of the page body,
// so two fit on a page with their captions, the first page with the heading too. Ready for the evidence screen to feed; the photos
// arrive as data: URLs (PNG or JPEG, what core/evidence accepts as images) with their pixel size.

export interface DocumentationPhoto {
  dataUrl: string;
  /** Pixel size of the image, for its aspect ratio. */
  width: number;
  height: number;
  caption: string;
}

/** Room left on a page for captions, spacing and the lampiran heading. */
const PAGE_SHARE = 0.36;

/** The photo's printed size: its aspect ratio kept, no wider than `maxWidth`, no taller than `maxHeight`. */
export function fitPhoto(width: number, height: number, maxWidth: Twips, maxHeight: Twips): { width: Twips; height: Twips } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.floor(width * scale), height: Math.floor(height * scale) };
}

export function documentationSection(
  photos: readonly DocumentationPhoto[],
  options: { code: string; meetingTitle: string; date: string; paper: Paper; size: number },
): DocSection {
  const width = textWidth(options.paper);
  const body = PAPER_SIZE[options.paper].height - MARGIN.top - MARGIN.bottom;
  const images = photos.map((photo, i): ImageBlock => ({
    kind: 'image',
    dataUrl: photo.dataUrl,
    ...fitPhoto(photo.width, photo.height, width, Math.floor(body * PAGE_SHARE)),
    caption: `Gambar ${i + 1}. ${cleanText(photo.caption).trim()}`.trim().replace(/\.$/, ''),
  }));
  return {
    orientation: 'portrait',
    blocks: [
      ...lampiranHeading(options.code, options.meetingTitle, options.date, width),
      ...lampiranTitle(['DOKUMENTASI', cleanText(options.meetingTitle).trim()], options.size),
      ...images,
    ],
  };
}
