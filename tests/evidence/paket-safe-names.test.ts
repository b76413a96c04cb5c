import { describe, expect, it } from 'vitest';
import { safeName } from '../../src-main/core/evidence/names';

// The folder and file names of the paket data dukung come from klaster, indicator and evidence
// titles a user typed; the zip is opened on Windows laptops, so every name must be one Windows
// accepts and Explorer opens, and short enough for deep folders.

describe('safeName (names inside the paket data dukung)', () => {
  it('turns every character Windows refuses into a space, and collapses spaces', () => {
    expect(safeName('Klaster: Hak/Sipil*?"<>|')).toBe('Klaster Hak Sipil');
    expect(safeName('SK\\Bupati')).toBe('SK Bupati');
    expect(safeName('a\u0000b\u001fc\u007fd')).toBe('a b c d');
    // Tabs and line breaks from a pasted title become one space each run, not one per character.
    expect(safeName('Foto\t\tForum\n\nAnak')).toBe('Foto Forum Anak');
    expect(safeName('  Perda KLA  ')).toBe('Perda KLA');
    // Dots inside a name are fine; only the end is stripped.
    expect(safeName('Lampiran I. Data anak')).toBe('Lampiran I. Data anak');
  });

  it('drops the dots and spaces Windows strips from the end of a name', () => {
    expect(safeName('Laporan akhir. . .')).toBe('Laporan akhir');
    expect(safeName('Laporan akhir.')).toBe('Laporan akhir');
  });

  it('cuts a long name at 80 characters unless told otherwise, never ending on a space or dot', () => {
    const eighty = 'x'.repeat(80);
    expect(safeName(eighty)).toBe(eighty);
    expect(safeName(`${eighty}y`)).toBe(eighty);
    expect(safeName('Penguatan kelembagaan', 9)).toBe('Penguatan');
    // The cut lands on the space after "Penguatan": it is not kept.
    expect(safeName('Penguatan kelembagaan', 10)).toBe('Penguatan');
    // The cut lands right after a dot: a folder "Lampiran 1." would not open in Explorer.
    expect(safeName('Lampiran 1. Data', 11)).toBe('Lampiran 1');
  });

  it('cuts between characters, never inside an emoji', () => {
    // "Foto 📷 kegiatan": the camera is one character of two UTF-16 units.
    expect(safeName('Foto \u{1F4F7} kegiatan', 6)).toBe('Foto \u{1F4F7}');
  });

  it('names what has nothing left "tanpa nama"', () => {
    expect(safeName('')).toBe('tanpa nama');
    expect(safeName('***')).toBe('tanpa nama');
    expect(safeName('. . .')).toBe('tanpa nama');
  });
});
