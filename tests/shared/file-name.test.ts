import { describe, expect, it } from 'vitest';
import { freeName, numberedName, safeFileName } from '../../shared/file-name';

// Every document, workbook and zip the app writes is named through safeFileName: the names must
// be ones Windows accepts, short enough for deep folders, and a cut must never make two
// documents (A4 and F4, two dates) share a name.

describe('safeFileName', () => {
  it('keeps what Windows accepts', () => {
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j', 'docx')).toBe('a b c d e f g h i j.docx');
    expect(safeFileName('  banyak    spasi\u0007 ', 'docx')).toBe('banyak spasi.docx');
    expect(safeFileName('Rapat..  . ', 'docx')).toBe('Rapat.docx');
    expect(safeFileName('', 'pdf')).toBe('Dokumen.pdf');
    expect(safeFileName('a\nb\rc\u007fd', 'docx')).toBe('abcd.docx');
    // Half an emoji (a lone surrogate) is dropped; a whole one stays.
    expect(safeFileName('Rapat \uD83D x \uDE00 😀', 'docx')).toBe('Rapat x 😀.docx');
    for (const reserved of ['con', 'PRN', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'nul.txt'])
      expect(safeFileName(reserved, 'docx'), reserved).toBe(`_${reserved}.docx`);
    for (const fine of ['COM10', 'com0', 'LPT', 'console', 'xcon', 'Con rapat'])
      expect(safeFileName(fine, 'docx'), fine).toBe(`${fine}.docx`);
  });

  it('cuts long names at 150 characters, by code point, and trim the cut', () => {
    expect(safeFileName('a'.repeat(150), 'docx')).toBe(`${'a'.repeat(150)}.docx`);
    expect(safeFileName('a'.repeat(151), 'docx')).toBe(`${'a'.repeat(150)}.docx`);
    expect(safeFileName(`${'a'.repeat(149)} b`, 'docx')).toBe(`${'a'.repeat(149)}.docx`);
    expect(safeFileName('😀'.repeat(151), 'docx')).toBe(`${'😀'.repeat(150)}.docx`);
    // Spaces are collapsed and leading ones dropped before the cut, so they do not eat the name.
    expect(safeFileName(`   ${'a'.repeat(140)}${' '.repeat(10)}b`, 'docx')).toBe(`${'a'.repeat(140)} b.docx`);
    expect(safeFileName(`  ${'a'.repeat(150)}`, 'docx')).toBe(`${'a'.repeat(150)}.docx`);
  });

  it('keeps the suffix whole when a long stem is cut, so A4 and F4 or two dates never share a name', () => {
    expect(safeFileName('a'.repeat(160), 'docx', ' 2025-03-04 (F4)')).toBe(`${'a'.repeat(134)} 2025-03-04 (F4).docx`);
    expect(safeFileName(`${'a'.repeat(133)} bcd`, 'docx', ' (F4)')).toBe(`${'a'.repeat(133)} bcd (F4).docx`);
    // The cut ends on a space: it goes, the suffix keeps its own one.
    expect(safeFileName(`${'a'.repeat(138)} bcd`, 'docx', ' 2025-03-04')).toBe(`${'a'.repeat(138)} 2025-03-04.docx`);
    // The suffix is cleaned like the stem; an empty stem leaves the suffix alone.
    expect(safeFileName('Rapat', 'docx', ' 2025/03/04\t(F4)')).toBe('Rapat 2025 03 04 (F4).docx');
    expect(safeFileName('  ', 'docx', ' (F4)')).toBe('(F4).docx');
  });
});

describe('numberedName and freeName', () => {
  it('puts the copy number before the last extension, or at the end of a name without one', () => {
    expect(numberedName('Paket data dukung 2024.zip', 2)).toBe('Paket data dukung 2024 (2).zip');
    expect(numberedName('Notulen Rakor v1.2 2024-03-05.docx', 12)).toBe('Notulen Rakor v1.2 2024-03-05 (12).docx');
    expect(numberedName('Berkas', 3)).toBe('Berkas (3)');
    // A name that is all extension (a dot file) is a name, not an extension.
    expect(numberedName('.zip', 2)).toBe('.zip (2)');
  });

  it('gives the name itself when it is free, else the first free numbered one', () => {
    const taken = new Set(['a.zip', 'a (2).zip', 'a (4).zip']);
    const asked: string[] = [];
    const isTaken = (name: string) => (asked.push(name), taken.has(name));
    expect(freeName('b.zip', isTaken)).toBe('b.zip');
    expect(freeName('a.zip', isTaken)).toBe('a (3).zip');
    expect(asked).toEqual(['b.zip', 'a.zip', 'a (2).zip', 'a (3).zip']);
  });
});
