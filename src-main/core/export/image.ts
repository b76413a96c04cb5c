// The region's logo arrives as a data: URL (PNG or JPEG, checked by the profile schema). Word
// needs its pixel size to keep the aspect ratio, so read it from the image header.

export interface LogoImage {
  type: 'png' | 'jpg';
  data: Uint8Array;
  width: number;
  height: number;
}

export function decodeLogo(dataUrl: string): LogoImage | null {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/s.exec(dataUrl);
  if (!m) return null;
  const data = new Uint8Array(Buffer.from(m[2], 'base64'));
  const size = m[1] === 'png' ? pngSize(data) : jpegSize(data);
  if (!size) return null;
  return { type: m[1] === 'png' ? 'png' : 'jpg', data, ...size };
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  for (const { marker, at, view } of jpegSegments(b)) {
    if (isFrame(marker)) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
  }
  return null;
}

/** SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * The marker segments of a JPEG's header, in order: each with its marker, where it starts (its
 * FF) and its declared length (which counts the two length bytes). Fill bytes (FF FF …) before a
 * marker are stepped over, as the standard allows. Stops at anything that is not a marker, or
 * when fewer than the 10 bytes a frame header needs are left, so a reader never reads past the end.
 */
function* jpegSegments(b: Uint8Array): Generator<{ marker: number; at: number; length: number; view: DataView }> {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    yield { marker, at, length, view };
    at += 2 + length;
  }
}

/**
 * How a camera JPEG asks to be turned for display (EXIF Orientation), as a clockwise rotation:
 * phones store a portrait shot as landscape pixels with orientation 6. Browsers turn it; Word and
 * LibreOffice draw the raw pixels unless the picture carries the rotation itself. Mirrored
 * orientations (2, 4, 5, 7: front cameras) are read as their rotation alone. 0 when absent.
 */
export function jpegRotation(b: Uint8Array): 0 | 90 | 180 | 270 {
  for (const { marker, at, length, view } of jpegSegments(b)) {
    // Start of scan or frame: no EXIF ahead of the image data.
    if (marker === 0xda || isFrame(marker)) return 0;
    if (marker === 0xe1 && at + 10 + 8 <= b.length && String.fromCharCode(...b.subarray(at + 4, at + 10)) === 'Exif\0\0') {
      return ROTATION[exifOrientation(view, at + 10, Math.min(b.length, at + 2 + length))] ?? 0;
    }
  }
  return 0;
}

const ROTATION: Record<number, 0 | 90 | 180 | 270> = { 1: 0, 2: 0, 3: 180, 4: 180, 5: 270, 6: 90, 7: 90, 8: 270 };

/** The Orientation tag (0x0112) of IFD0 in a TIFF header starting at `tiff`; 1 when absent or unreadable. */
function exifOrientation(view: DataView, tiff: number, end: number): number {
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = (at: number) => (at + 2 <= end ? view.getUint16(at, little) : 0);
  const u32 = (at: number) => (at + 4 <= end ? view.getUint32(at, little) : 0);
  const ifd = tiff + u32(tiff + 4);
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return 1;
}
