import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../src-main/core/evidence/sniff';
import { b64, exeBytes, jpegBytes, ole2Bytes, pdfBytes, pngBytes, zipBytes } from '../support/evidence-files';
import { backendPerTest } from '../support/backend-per-test';
import { klasterIII } from '../support/meeting-helpers';
import { listStoredHashes } from '../../src-main/core/evidence/file-store';

// The type of a data dukung file is decided by its bytes, never by its name: Word and Excel
// files old and new are accepted by their structure; a zip or compound file that is neither,
// and anything that only carries such a name somewhere inside, is refused.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

describe('Office Open XML (zip) files', () => {
  it('a zip with [Content_Types].xml and word/document.xml is a Word document, with xl/workbook.xml an Excel workbook', () => {
    expect(sniffMediaType(zipBytes(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))).toBe(DOCX);
    expect(sniffMediaType(zipBytes(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']))).toBe(XLSX);
  });

  it('refuses a PowerPoint file (Office Open XML, but neither Word nor Excel)', () => {
    expect(sniffMediaType(zipBytes(['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml']))).toBeNull();
  });

  it('refuses a plain zip that merely holds a file named like a Word or Excel part', () => {
    expect(sniffMediaType(zipBytes(['word/document.xml']))).toBeNull();
    expect(sniffMediaType(zipBytes(['arsip/xl/workbook.xml', 'catatan.txt']))).toBeNull();
  });
});

describe('legacy Office (OLE2 compound) files', () => {
  it('a compound file with a WordDocument stream is a Word 97-2003 document', () => {
    expect(sniffMediaType(ole2Bytes(['WordDocument', '1Table', 'SummaryInformation']))).toBe('application/msword');
  });

  it('a compound file with a Workbook stream (Excel 97-2003) or a Book stream (Excel 5/95) is an Excel workbook', () => {
    expect(sniffMediaType(ole2Bytes(['Workbook', 'SummaryInformation']))).toBe('application/vnd.ms-excel');
    expect(sniffMediaType(ole2Bytes(['Book']))).toBe('application/vnd.ms-excel');
  });

  it('refuses a compound file that is neither (e.g. a PowerPoint 97 or an .msi installer)', () => {
    expect(sniffMediaType(ole2Bytes(['PowerPoint Document', 'Current User']))).toBeNull();
  });

  it('the stream names count only inside a compound file, and only in UTF-16LE', () => {
    // An executable or a zip that carries the names somewhere in its bytes is still refused.
    expect(sniffMediaType(Buffer.concat([exeBytes(), utf16('WordDocument'), utf16('Workbook')]))).toBeNull();
    expect(sniffMediaType(Buffer.concat([zipBytes(['data.bin']), utf16('WordDocument')]))).toBeNull();
    // The names written as plain ASCII are not a directory entry.
    expect(sniffMediaType(Buffer.concat([ole2Bytes([]), Buffer.from('WordDocument Workbook Book', 'latin1')]))).toBeNull();
  });
});

describe('pictures and PDF', () => {
  it('still knows the picture and PDF signatures whatever the name', () => {
    expect(sniffMediaType(pdfBytes())).toBe('application/pdf');
    expect(sniffMediaType(pngBytes())).toBe('image/png');
    expect(sniffMediaType(jpegBytes())).toBe('image/jpeg');
  });
});

describe('through evidence.attach', () => {
  const t = backendPerTest();
  const attach = async (fileName: string, bytes: Buffer) =>
    t.backend.invoke('evidence.attach', { meetingId: (await klasterIII(t)).meeting.id, fileName, base64: b64(bytes), evidenceDate: '2025-03-10' });

  it('stores a Word 97 file named "notulen" (no extension) as .doc and an Excel 95 file named foto.jpg as .xls', async () => {
    const meetingId = (await klasterIII(t)).meeting.id;
    const attachOk = (fileName: string, bytes: Buffer) => t.call('evidence.attach', { meetingId, fileName, base64: b64(bytes), evidenceDate: '2025-03-10' });
    const doc = await attachOk('notulen', ole2Bytes(['WordDocument']));
    const xls = await attachOk('foto.jpg', ole2Bytes(['Book']));
    expect(doc).toMatchObject({ mediaType: 'application/msword', title: 'notulen' });
    expect(xls.mediaType).toBe('application/vnd.ms-excel');
    expect((await t.call('evidence.read', { id: doc.id })).fileName).toBe('notulen.doc');
  });

  it('refuses a PowerPoint file named laporan.docx with VALIDATION and the message naming what is accepted, storing nothing', async () => {
    const refused = await attach('laporan.docx', zipBytes(['[Content_Types].xml', 'ppt/presentation.xml']));
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', message: 'Jenis berkas ini tidak diterima. Lampirkan PDF, gambar PNG/JPEG, atau dokumen Word/Excel.' }),
    });
    expect(listStoredHashes(t.dir)).toEqual([]);
  });

});
