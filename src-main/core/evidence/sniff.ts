import type { EvidenceMediaType } from '../../../shared/api/evidence';

// The real type of an uploaded file, from its first bytes and structure, never from its name:
// an .exe renamed to foto.jpg is refused, a scan saved as "notulen" without extension is accepted.

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Office Open XML names its main part in the zip's local and central headers (plain ASCII). */
function officeOpenXml(bytes: Buffer): EvidenceMediaType | null {
  const text = bytes.toString('latin1');
  if (!text.includes('[Content_Types].xml')) return null;
  if (text.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (text.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

/** Legacy Office (OLE2 compound file): the directory names its main stream in UTF-16LE. */
function legacyOffice(bytes: Buffer): EvidenceMediaType | null {
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  if (bytes.includes(utf16('WordDocument'))) return 'application/msword';
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) return 'application/vnd.ms-excel';
  return null;
}

/** The media type of an accepted file, or null for anything else (executables, archives, text…). */
export function sniffMediaType(bytes: Buffer): EvidenceMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP)) return officeOpenXml(bytes);
  if (startsWith(bytes, OLE2)) return legacyOffice(bytes);
  return null;
}
