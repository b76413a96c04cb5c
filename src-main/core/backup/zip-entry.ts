import fs from 'node:fs';
import { inflateSync } from 'fflate';

// The zip's central directory, read without reading the archive: listing twenty backups of a
// large database must not read gigabytes, and restore must know every entry's name and declared
// size before it inflates a byte. Only what our own writer produces needs to work (no zip64, no
// encryption, stored or deflated); anything else is reported as such, never guessed at.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_DIRECTORY = 1024 * 1024;
const MAX_SMALL_ENTRY = 1024 * 1024;

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  /** Where the entry's data begins (after its local header), checked against the directory. */
  dataStart: number;
}

export class ZipFormatError extends Error {}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

/** Every entry the central directory lists; throws ZipFormatError for anything malformed. */
export function readZipDirectory(fd: number): ZipEntryInfo[] {
  const size = fs.fstatSync(fd).size;
  if (size < 22) throw new ZipFormatError('too small');
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = readAt(fd, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size || cdSize > MAX_DIRECTORY) throw new ZipFormatError('central directory out of bounds');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  for (let e = 0; e < count; e++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('broken central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const localOffset = cd.readUInt32LE(p + 42);
    if (p + 46 + nameLength > cd.length) throw new ZipFormatError('broken central directory');
    const entry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
    };
    p += 46 + nameLength + extraLength + commentLength;
    const local = readAt(fd, localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new ZipFormatError('broken local header');
    const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + entry.compressedSize > cdOffset) throw new ZipFormatError('entry data out of bounds');
    entries.push({ ...entry, dataStart });
  }
  return entries;
}

/** Reads one small entry (metadata.json) of at most 1 MiB, or null when absent or not readable. */
export function readZipEntry(file: string, name: string): Uint8Array | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const entry = readZipDirectory(fd).find((e) => e.name === name);
    return entry ? readSmallEntry(fd, entry) : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of an entry bounded (1 MiB unless told) both ways; null for anything bigger or unknown. */
export function readSmallEntry(fd: number, entry: ZipEntryInfo, max = MAX_SMALL_ENTRY): Uint8Array | null {
  if (entry.compressedSize > max || entry.uncompressedSize > max) return null;
  const data = readAt(fd, entry.dataStart, entry.compressedSize);
  if (entry.method === 0) return entry.compressedSize === entry.uncompressedSize ? data : null;
  if (entry.method !== 8) return null;
  // A fixed-size output buffer: a lying declared size cannot make this allocate more.
  const out = new Uint8Array(entry.uncompressedSize);
  const inflated = inflateSync(data, { out });
  return inflated.length === entry.uncompressedSize ? inflated : null;
}
