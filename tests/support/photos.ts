import zlib from 'node:zlib';

// Real, decodable PNGs made in the test (no binary fixtures): a plain colour for thumbnails, or
// a small "photo" (sky, ground, sun, a dark frame at the edges) whose frame shows at once in a
// rendered page whether the picture kept its aspect ratio and was not cropped.

type Rgb = [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}

/** An RGB PNG of w×h whose pixel at (x, y) is `pixel(x, y)`. */
export function pngOf(w: number, h: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) {
    const row = y * (1 + 3 * w);
    for (let x = 0; x < w; x++) raw.set(pixel(x, y), row + 1 + 3 * x);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** w×h of one colour. */
export function png(w: number, h: number, rgb: Rgb): Buffer {
  return pngOf(w, h, () => rgb);
}

/** A landscape-like picture with a frame 2% of its shorter side wide; `tint` tells photos apart. */
export function photoPng(w: number, h: number, tint: Rgb = [40, 120, 200]): Buffer {
  const frame = Math.max(2, Math.round(Math.min(w, h) * 0.02));
  const sun = { x: w * 0.75, y: h * 0.3, r: Math.min(w, h) * 0.12 };
  return pngOf(w, h, (x, y) => {
    if (x < frame || y < frame || x >= w - frame || y >= h - frame) return [30, 30, 30];
    if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) return [250, 200, 40];
    if (y > h * 0.62) return [60, 140 + Math.round((60 * (y - h * 0.62)) / h), 60];
    const f = y / h;
    return [Math.round(tint[0] + 150 * f), Math.round(tint[1] + 100 * f), Math.min(255, Math.round(tint[2] + 50 * f))];
  });
}

/**
 * The JPEG with an EXIF Orientation tag put in front (APP1 right after the start marker), as a
 * phone writes a portrait shot: landscape pixels, orientation 6. `little` writes the TIFF
 * header little-endian ("II"), as many cameras do.
 */
export function withExifOrientation(jpeg: Buffer, orientation: number, little = false): Buffer {
  const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number) => (little ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24] : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255]);
  // TIFF header, IFD0 at offset 8 with one entry: 0x0112 (Orientation), SHORT, count 1, value.
  const tiff = Buffer.from([...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 255]);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

/** The headers of a baseline JPEG of w×h (no image data): enough for size and orientation readers, not to draw. */
export function jpegHeaders(w: number, h: number): Buffer {
  const sof = [0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]);
}
