import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { attendanceFileName, minutesFileName } from '../../src-main/core/export/file-name';
import { indicatorCell, joinAgencies, ROMAN, STATUS_LABEL, targetDateText } from '../../src-main/core/export/labels';
import { cellParagraphs, cleanText, DASH, linesOf, noteParagraphs, run } from '../../src-main/core/export/text';

// What users typed, on its way into Word: cleaned, split, never empty, and file names Windows
// accepts (the rule itself: tests/shared/file-name.test.ts). Paragraphs are checked in the
// document.xml that docx writes.

async function bodyXml(paragraphs: Paragraph[]): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
  return strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
}

const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

describe('cleaning typed text', () => {
  it('drops what XML forbids, keeps emoji and Indonesian text, turns tabs into spaces', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg')).toBe('abcdefg');
    expect(cleanText('baris\tkolom')).toBe('baris kolom');
    expect(cleanText('a\tb\tc')).toBe('a b c');
    expect(cleanText('keep\nnew\rlines')).toBe('keep\nnew\rlines');
    expect(cleanText('😀 anak')).toBe('😀 anak');
    expect(cleanText('x\uD83Dy')).toBe('xy'); // a lone high surrogate
    expect(cleanText('x\uDE00y')).toBe('xy'); // a lone low surrogate
    expect(cleanText('\uFFFE\uFFFF!')).toBe('!');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('splits notes into trimmed lines on every kind of line break, dropping blank ones', () => {
    expect(linesOf('  satu \r\ndua\rtiga\n\n  \nempat\u2028lima\u2029enam')).toEqual(['satu', 'dua', 'tiga', 'empat', 'lima', 'enam']);
    expect(linesOf(' \n\t\n')).toEqual([]);
    expect(linesOf(null)).toEqual([]);
  });

  it('shows a dash for nothing entered', () => {
    expect(DASH).toBe('-');
  });

  it('writes one paragraph per line, or a single dash', async () => {
    expect(texts(await bodyXml(noteParagraphs('Pertama\n\nKedua')))).toEqual(['Pertama', 'Kedua']);
    expect(texts(await bodyXml(noteParagraphs('')))).toEqual(['-']);
    expect(texts(await bodyXml(cellParagraphs(' a \nb', {}, { bold: true })))).toEqual(['a', 'b']);
    expect(await bodyXml(cellParagraphs('a', {}, { bold: true }))).toContain('<w:b/>');
    const dash = await bodyXml(cellParagraphs(null, {}, { bold: true }));
    expect(texts(dash)).toEqual(['-']);
    expect(dash).toContain('<w:b/>');
    expect(noteParagraphs('x\ny', { keepNext: true })).toHaveLength(2);
    expect(await bodyXml(noteParagraphs('x', { keepNext: true }))).toContain('<w:keepNext/>');
    expect(await bodyXml(noteParagraphs(null, { keepNext: true }))).toContain('<w:keepNext/>');
    expect(await bodyXml(cellParagraphs('', { keepNext: true }))).toContain('<w:keepNext/>');
    expect(await bodyXml(cellParagraphs('z', { keepNext: true }))).toContain('<w:keepNext/>');
  });

  it('cleans the text of a run and keeps its options', async () => {
    const xml = await bodyXml([new Paragraph({ children: [run('a\u0001\tb', { bold: true })] })]);
    expect(texts(xml)).toEqual(['a b']);
    expect(xml).toContain('<w:b/>');
    expect(texts(await bodyXml([new Paragraph({ children: [run('plain')] })]))).toEqual(['plain']);
  });
});

describe('file names', () => {
  it('keep the date and paper of a long title whole, so A4 and F4 or two dates never share a name', () => {
    const long = 'Rakor '.repeat(40);
    expect(minutesFileName(long, '2025-03-04', 'F4')).toMatch(/^Notulen Rakor .* 2025-03-04 \(F4\)\.docx$/);
    expect(minutesFileName(long, '2025-03-04', 'A4')).toMatch(/^Notulen Rakor .* 2025-03-04\.docx$/);
    expect(attendanceFileName(long, '2025-03-05', 'F4')).toMatch(/ 2025-03-05 \(F4\)\.docx$/);
    // Cut at 150 characters (one less here: the cut fell on a space, which goes).
    expect(Array.from(minutesFileName(long, '2025-03-04', 'F4').replace(/\.docx$/, ''))).toHaveLength(149);
  });

  it('name the notulen and the daftar hadir after the meeting', () => {
    expect(minutesFileName('notulen Rakor Klaster II', '2025-03-04')).toBe('notulen Rakor Klaster II 2025-03-04.docx');
    expect(minutesFileName('  Notulen Rapat', '2025-03-04')).toBe('Notulen Rapat 2025-03-04.docx');
    expect(minutesFileName('Notulensi Rapat', '2025-03-04')).toBe('Notulen Notulensi Rapat 2025-03-04.docx');
    expect(minutesFileName('Rapat tentang notulen', '2025-03-04')).toBe('Notulen Rapat tentang notulen 2025-03-04.docx');
    expect(attendanceFileName('Rakor KLA: Klaster I', '2025-03-04')).toBe('Daftar Hadir Rakor KLA Klaster I 2025-03-04.docx');
  });
});

describe('labels', () => {
  it('write the indicator of an RTL row, and nothing without one', () => {
    expect(indicatorCell('III', 12, 'Status gizi balita')).toBe('Klaster III\n12. Status gizi balita');
    expect(indicatorCell('KL', 1, 'Perda KLA')).toBe('Kelembagaan\n1. Perda KLA');
    expect(indicatorCell(null, 3, 'Tanpa klaster')).toBe('\n3. Tanpa klaster');
    expect(indicatorCell('I', null, 'x')).toBe('');
    expect(indicatorCell('I', 4, null)).toBe('');
  });

  it('write target dates, statuses, agencies and lampiran numbers as read', () => {
    expect(targetDateText('2025-06-30')).toBe('30 Juni 2025');
    expect(targetDateText(null)).toBe('');
    expect(STATUS_LABEL).toEqual({ belum: 'Belum', proses: 'Proses', selesai: 'Selesai' });
    expect(joinAgencies(['Dinkes', 'Dinsos', 'Bappeda'])).toBe('Dinkes, Dinsos, Bappeda');
    expect(joinAgencies([])).toBe('');
    expect(ROMAN.slice(0, 3)).toEqual(['I', 'II', 'III']);
  });
});
