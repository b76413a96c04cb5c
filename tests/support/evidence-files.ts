import { randomBytes } from 'node:crypto';

// Small real-looking files for the data dukung tests: each starts with its format's real
// signature (that is all the app sniffs), followed by distinct bytes so hashes differ.

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export function pdfBytes(text = 'Perda KLA'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

export function pngBytes(seed = randomBytes(16)): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seed]);
}

export function jpegBytes(seed = randomBytes(16)): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), seed]);
}

/** A Windows executable header ("MZ"), whatever the name claims. */
export function exeBytes(): Buffer {
  return Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), randomBytes(32)]);
}

/** The PNG `index` of round `round` of the killed-attach tests: the parent and the child make the same bytes. */
export function groupFile(round: number, index: number, size = 64): Buffer {
  const body = Buffer.alloc(size, `foto ${round}-${index} `);
  return pngBytes(body);
}
