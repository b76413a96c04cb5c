import { describe, expect, it } from 'vitest';
import { decodeLogo, jpegRotation } from '../../src-main/core/export/image';
import { jpegHeaders, png, withExifOrientation } from '../support/photos';

// The logo's and the photos' pixel size and camera turn are read from the file's own header: a
// wrong size stretches the kop surat's logo, a wrong turn lays a portrait photo on its side, and
// a cut-off or odd file must give "no picture", never a crash of the export. These files are
// built byte by byte so that each header field the readers walk is put where a camera puts it.

const dataUrl = (type: 'png' | 'jpeg', bytes: Uint8Array) => `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** One JPEG marker segment: FF, marker, a big-endian length that counts itself, the payload. */
function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 255, ...payload];
}

/** A frame header (SOFn) of w×h: precision, height, width, one component. */
const frame = (marker: number, w: number, h: number) => segment(marker, [8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0]);
/** A segment the readers must step over whose bytes would read as a size of 999×777. */
const decoy = (marker: number) => segment(marker, [8, 777 >> 8, 777 & 255, 999 >> 8, 999 & 255, 0, 0, 0, 0]);
const jpeg = (...segments: number[][]) => Uint8Array.from([0xff, 0xd8, ...segments.flat(), 0xff, 0xd9]);

/** An APP1 EXIF segment whose IFD0 holds `entries` ([tag, value]) at `ifdOffset` from the TIFF header. */
function exif(entries: [number, number][], { little = false, ifdOffset = 8, count = entries.length, nextIfd = true } = {}): number[] {
  const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number) => (little ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24] : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255]);
  const tiff = [
    ...(little ? [0x49, 0x49] : [0x4d, 0x4d]),
    ...u16(42),
    ...u32(ifdOffset),
    ...new Array<number>(ifdOffset - 8).fill(0),
    ...u16(count),
    ...entries.flatMap(([tag, value]) => [...u16(tag), ...u16(3), ...u32(1), ...u16(value), 0, 0]),
    ...(nextIfd ? u32(0) : []),
  ];
  return segment(0xe1, [...Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
}
const ORIENTATION = 0x0112;
const MAKE = 0x010f;
const jfif = segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);

describe('the pixel size of a logo or photo', () => {
  it('reads a PNG from its header, and refuses one that is not a whole PNG header', () => {
    const logo = png(40, 30, [0, 0, 0]);
    expect(decodeLogo(dataUrl('png', logo))).toEqual({ type: 'png', data: new Uint8Array(logo), width: 40, height: 30 });
    // The header is exactly 24 bytes long: the size is in its last 8, nothing after is needed.
    expect(decodeLogo(dataUrl('png', logo.subarray(0, 24)))).toMatchObject({ width: 40, height: 30 });
    expect(decodeLogo(dataUrl('png', logo.subarray(0, 23)))).toBeNull();
    // Any byte of the signature wrong is another file.
    for (const at of [0, 3, 7]) {
      const wrong = Buffer.from(logo);
      wrong[at] ^= 0x20;
      expect(decodeLogo(dataUrl('png', wrong)), `signature byte ${at}`).toBeNull();
    }
    // A zero width or height cannot be laid out.
    for (const at of [19, 23]) {
      const flat = Buffer.from(logo);
      flat.fill(0, at - 3, at + 1);
      expect(decodeLogo(dataUrl('png', flat)), `zero at ${at}`).toBeNull();
    }
  });

  it('reads a JPEG from its frame header, stepping over the segments in front of it', () => {
    const plain = jpeg(frame(0xc0, 640, 480));
    expect(decodeLogo(dataUrl('jpeg', plain))).toEqual({ type: 'jpg', data: plain, width: 640, height: 480 });
    // A camera file: JFIF, EXIF, quantisation and Huffman tables, then the frame.
    const camera = jpeg(jfif, exif([[ORIENTATION, 6]]), decoy(0xdb), decoy(0xc4), frame(0xc0, 4000, 3000));
    expect(decodeLogo(dataUrl('jpeg', camera))).toMatchObject({ width: 4000, height: 3000 });
    // DHT (C4), JPG (C8) and DAC (CC) sit in the frame markers' range but are not frames.
    for (const marker of [0xc4, 0xc8, 0xcc]) {
      expect(decodeLogo(dataUrl('jpeg', jpeg(decoy(marker), frame(0xc0, 20, 10)))), `marker ${marker.toString(16)}`).toMatchObject({ width: 20, height: 10 });
    }
    // Progressive (C2) and the last frame kind (CF) are frames too.
    expect(decodeLogo(dataUrl('jpeg', jpeg(frame(0xc2, 30, 20))))).toMatchObject({ width: 30, height: 20 });
    expect(decodeLogo(dataUrl('jpeg', jpeg(decoy(0xe0), frame(0xcf, 31, 21))))).toMatchObject({ width: 31, height: 21 });
    // A marker below the frame range (C0) is no frame, whatever its bytes say.
    expect(decodeLogo(dataUrl('jpeg', jpeg(decoy(0xbf), frame(0xc0, 21, 11))))).toMatchObject({ width: 21, height: 11 });
    // Fill bytes (FF FF …) before a marker are allowed.
    expect(decodeLogo(dataUrl('jpeg', Uint8Array.from([0xff, 0xd8, 0xff, 0xff, ...frame(0xc0, 50, 40)])))).toMatchObject({ width: 50, height: 40 });
  });

  it('gives no picture for a JPEG that is not one, is cut off, or has no size, without throwing', () => {
    const good = jpeg(frame(0xc0, 640, 480));
    const bad = (bytes: Uint8Array | number[]) => decodeLogo(dataUrl('jpeg', Uint8Array.from(bytes)));
    expect(bad([0xff, 0xd8, 0xff])).toBeNull();
    expect(bad([0x00, ...good.subarray(1)])).toBeNull();
    expect(bad([0xff, 0x00, ...good.subarray(2)])).toBeNull();
    // Cut inside the frame header, and a segment whose length points past the end.
    expect(bad(good.subarray(0, 11))).toBeNull();
    expect(bad([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0xff, 0xc0])).toBeNull();
    expect(bad([0xff, 0xd8, ...segment(0xe0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).slice(0, 4)])).toBeNull();
    // Bytes that are no marker where one is due, even when a frame header follows them.
    expect(bad([0xff, 0xd8, 0x12, 0x34, ...frame(0xc0, 8, 8)])).toBeNull();
    expect(bad([0xff, 0xd8, 0x00, ...frame(0xc0, 8, 8).slice(1)])).toBeNull();
    // A frame of zero width or height.
    expect(bad(jpeg(frame(0xc0, 0, 480)))).toBeNull();
    expect(bad(jpeg(frame(0xc0, 640, 0)))).toBeNull();
    // No frame at all.
    expect(bad(jpeg(jfif, jfif))).toBeNull();
    // Not a data URL of a PNG or JPEG.
    expect(decodeLogo(`data:image/gif;base64,${Buffer.from(good).toString('base64')}`)).toBeNull();
    expect(decodeLogo('logo.png')).toBeNull();
    // A data URL must start the text: one inside other text (a pasted page, a file name) is not one.
    expect(decodeLogo(`logo ${dataUrl('jpeg', good)}`)).toBeNull();
  });
});

describe('the camera turn of a JPEG photo', () => {
  it('finds the EXIF orientation behind JFIF, other APP1 segments and tables', () => {
    expect(jpegRotation(jpeg(jfif, exif([[ORIENTATION, 6]]), frame(0xc0, 40, 30)))).toBe(90);
    const xmp = segment(0xe1, [...Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), 0x3c, 0x3f]);
    expect(jpegRotation(jpeg(xmp, exif([[ORIENTATION, 8]], { little: true }), frame(0xc0, 40, 30)))).toBe(270);
    for (const marker of [0xc4, 0xc8, 0xcc, 0xdb]) {
      expect(jpegRotation(jpeg(decoy(marker), exif([[ORIENTATION, 3]]))), `after ${marker.toString(16)}`).toBe(180);
    }
    // Fill bytes before the EXIF marker.
    expect(jpegRotation(Uint8Array.from([0xff, 0xd8, 0xff, ...exif([[ORIENTATION, 6]])]))).toBe(90);
  });

  it('reads the Orientation entry wherever IFD0 puts it, and only the entries IFD0 counts', () => {
    const photo = (...s: number[][]) => jpegRotation(jpeg(...s, frame(0xc0, 40, 30)));
    expect(photo(exif([[MAKE, 6], [0x0110, 8], [ORIENTATION, 3]]))).toBe(180);
    expect(photo(exif([[MAKE, 1], [ORIENTATION, 6]], { little: true }))).toBe(90);
    expect(photo(exif([[ORIENTATION, 8]], { ifdOffset: 14 }))).toBe(270);
    // An entry after the counted ones is not IFD0's.
    expect(photo(exif([[MAKE, 3], [ORIENTATION, 6]], { count: 1 }))).toBe(0);
    // The IFD's last entry may end the segment exactly (no pointer to a next IFD after it).
    expect(photo(exif([[MAKE, 1], [ORIENTATION, 6]], { nextIfd: false }))).toBe(90);
    // An "Exif" block in another APP segment (APP2 carries ICC profiles) is not the camera's.
    expect(photo([0xff, 0xe2, ...exif([[ORIENTATION, 6]]).slice(2)])).toBe(0);
    // No Orientation entry: upright.
    expect(photo(exif([[MAKE, 6]]))).toBe(0);
    // Mirrored orientations are read as their turn; an unknown value as upright.
    expect(photo(exif([[ORIENTATION, 5]]))).toBe(270);
    expect(photo(exif([[ORIENTATION, 7]]))).toBe(90);
    expect(photo(exif([[ORIENTATION, 9]]))).toBe(0);
  });

  it('reads no turn after the image data starts, nor outside the EXIF segment, nor in what is no JPEG', () => {
    expect(jpegRotation(jpeg(frame(0xc0, 40, 30), exif([[ORIENTATION, 6]])))).toBe(0);
    expect(jpegRotation(jpeg(frame(0xcf, 40, 30), exif([[ORIENTATION, 6]])))).toBe(0);
    expect(jpegRotation(jpeg(segment(0xda, [1, 1, 0, 0, 0x3f, 0]), exif([[ORIENTATION, 6]])))).toBe(0);
    const turned = withExifOrientation(jpegHeaders(40, 30), 6);
    expect(jpegRotation(turned)).toBe(90);
    expect(jpegRotation(Uint8Array.from([0x00, ...turned.subarray(1)]))).toBe(0);
    expect(jpegRotation(Uint8Array.from([0xff, 0x00, ...turned.subarray(2)]))).toBe(0);
    expect(jpegRotation(Uint8Array.from([0xff, 0xd8, 0xff]))).toBe(0);
    // The segment says it ends before the IFD's entries: they are not read, even though the bytes follow.
    const whole = exif([[ORIENTATION, 6]]);
    const short = [...whole.slice(0, 2), 0, 18, ...whole.slice(4)];
    expect(jpegRotation(Uint8Array.from([0xff, 0xd8, ...short]))).toBe(0);
    // An EXIF segment cut off right after its name, or before its TIFF header's first bytes.
    expect(jpegRotation(Uint8Array.from([0xff, 0xd8, ...whole.slice(0, 12)]))).toBe(0);
    expect(jpegRotation(Uint8Array.from([0xff, 0xd8, ...whole.slice(0, 11)]))).toBe(0);
    // An IFD that counts more entries than the segment holds ends at the segment.
    expect(jpegRotation(jpeg(exif([[MAKE, 1]], { count: 40 })))).toBe(0);
  });
});
