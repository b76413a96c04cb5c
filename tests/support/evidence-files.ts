import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

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

/** A zip holding `names` (an Office Open XML file is a zip whose parts are named in it). */
export function zipBytes(names: string[]): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(names.map((name) => [name, strToU8(`<x>${name}</x>`)]))));
}

/**
 * A legacy Office (OLE2 compound) file: its 8-byte signature, a 512-byte header, then a
 * directory sector naming its streams in UTF-16LE, 128 bytes per entry, as Word 97 and Excel
 * write them ("WordDocument", "Workbook"; Excel 5/95 names its stream "Book").
 */
export function ole2Bytes(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = ['Root Entry', ...streams].map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries, randomBytes(64)]);
}
