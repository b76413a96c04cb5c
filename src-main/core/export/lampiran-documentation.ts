import type { DocBlock, DocSection, Twips } from '../../../shared/document';
import type { Paper } from '../../../shared/types';
import { t } from '../../../shared/messages';
import { MARGIN, PAPER_SIZE, textWidth } from './page-setup';
import { lampiranHeading, lampiranTitle } from './lampiran-heading';
import { decodeLogo, jpegRotation } from './image';
import type { MinutesPhoto } from './minutes-model';
import { cleanText } from './text';

// Lampiran Dokumentasi: photos of the rakor (chosen in the meeting's Data dukung tab), each scaled
// into the text width and at most about a third of the page body, so two fit on a page with
// their captions, the first page with the heading too. The photos arrive as data: URLs (PNG or
// JPEG, what core/evidence accepts as images) with their pixel size; a photo whose file is gone,
// altered or unreadable prints a message in its place, never stops the notulen.

export interface DocumentationPhoto {
  dataUrl: string;
  /** Pixel size of the image as seen upright (after `rotation`), for its aspect ratio. */
  width: number;
  height: number;
  caption: string;
  /** Clockwise turn the stored pixels need (EXIF orientation of a camera JPEG). */
  rotation?: 0 | 90 | 180 | 270;
  /** Why the photo cannot be printed (the message takes its place); absent when it can. */
  problem?: string;
}

/** The verified bytes of a stored file by its content hash; null when missing or altered. */
export type StoredFileReader = (sha256: string) => Uint8Array | null;

/** Room left on a page for captions, spacing and the lampiran heading. */
const PAGE_SHARE = 0.36;

/** The photo's printed size: its aspect ratio kept, no wider than `maxWidth`, no taller than `maxHeight`. */
export function fitPhoto(width: number, height: number, maxWidth: Twips, maxHeight: Twips): { width: Twips; height: Twips } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.floor(width * scale), height: Math.floor(height * scale) };
}

/** The chosen photos read from the store, each with its pixel size, or the reason it cannot print. */
export function documentationPhotos(photos: readonly MinutesPhoto[], read: StoredFileReader): DocumentationPhoto[] {
  return photos.map((photo) => {
    const failed = (key: 'export.photoMissing' | 'export.photoUnreadable'): DocumentationPhoto =>
      ({ dataUrl: '', width: 0, height: 0, caption: photo.caption, problem: t(key, { name: cleanText(photo.title).trim() }) });
    const bytes = read(photo.sha256);
    if (!bytes) return failed('export.photoMissing');
    const type = photo.mediaType === 'image/png' ? 'png' : photo.mediaType === 'image/jpeg' ? 'jpeg' : null;
    const dataUrl = type ? `data:image/${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}` : '';
    const image = type ? decodeLogo(dataUrl) : null;
    if (!image) return failed('export.photoUnreadable');
    const rotation = image.type === 'jpg' ? jpegRotation(image.data) : 0;
    const turned = rotation === 90 || rotation === 270;
    return { dataUrl, width: turned ? image.height : image.width, height: turned ? image.width : image.height, caption: photo.caption, rotation };
  });
}

export function documentationSection(
  photos: readonly DocumentationPhoto[],
  options: { code: string; meetingTitle: string; date: string; paper: Paper; size: number },
): DocSection {
  const width = textWidth(options.paper);
  const body = PAPER_SIZE[options.paper].height - MARGIN.top - MARGIN.bottom;
  const images = photos.flatMap((photo, i): DocBlock[] => {
    const caption = `Gambar ${i + 1}. ${cleanText(photo.caption).trim()}`.trim().replace(/\.$/, '');
    if (photo.problem) {
      return [
        { kind: 'paragraph', text: photo.problem, align: 'center', italic: true, keepNext: true, spacing: { before: 240, after: 60 } },
        { kind: 'paragraph', text: caption, align: 'center', italic: true, spacing: { before: 0, after: 240 } },
      ];
    }
    const rotation = photo.rotation ? { rotation: photo.rotation } : {};
    return [{ kind: 'image', dataUrl: photo.dataUrl, ...fitPhoto(photo.width, photo.height, width, Math.floor(body * PAGE_SHARE)), caption, ...rotation }];
  });
  return {
    orientation: 'portrait',
    blocks: [
      ...lampiranHeading(options.code, options.meetingTitle, options.date, width),
      ...lampiranTitle(['DOKUMENTASI', cleanText(options.meetingTitle).trim()], options.size),
      ...images,
    ],
  };
}
