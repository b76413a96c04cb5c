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
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) { i += 1; continue; }
    const length = view.getUint16(i + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(i + 5);
      const width = view.getUint16(i + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    i += 2 + length;
  }
  return null;
}
