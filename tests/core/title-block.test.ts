import { describe, expect, it } from 'vitest';
import { titleParagraphs } from '../../src-main/core/export/meeting-info';
import type { MinutesData } from '../../src-main/core/export/minutes-data';
import type { DocStyle } from '../../src-main/core/export/style';

// The line under the notulen's title names the klaster the title does not already name: never
// "RAKOR KLA KLASTER III" followed by "Klaster III Kesehatan Dasar ..." again.

const style: DocStyle = { paper: 'A4', font: 'Arial', size: 24, tableSize: 20 };
const CLUSTERS = {
  KL: { code: 'KL', name: 'Kelembagaan' },
  I: { code: 'I', name: 'Hak Sipil dan Kebebasan' },
  III: { code: 'III', name: 'Kesehatan Dasar dan Kesejahteraan' },
};

function lines(title: string, codes: (keyof typeof CLUSTERS)[]): string[] {
  const data = { meeting: { title, revision: 1 }, clusters: codes.map((c) => CLUSTERS[c]) } as unknown as MinutesData;
  return titleParagraphs(data, style).map((p) => p.text);
}

describe('title block of the notulen', () => {
  it('leaves out the subtitle when the title already names the only klaster', () => {
    expect(lines('Rakor KLA Klaster III', ['III'])).toEqual(['NOTULEN RAKOR KLA KLASTER III']);
  });

  it('keeps the klaster the title does not name, and does not read "Klaster III" as naming Klaster I', () => {
    expect(lines('Rakor KLA Klaster III', ['I', 'III'])).toEqual(['NOTULEN RAKOR KLA KLASTER III', 'Klaster I Hak Sipil dan Kebebasan']);
  });

  it('names every klaster under a title that names none', () => {
    expect(lines('Rapat Koordinasi Gugus Tugas KLA', ['KL', 'III'])).toEqual([
      'NOTULEN RAPAT KOORDINASI GUGUS TUGAS KLA', 'Kelembagaan; Klaster III Kesehatan Dasar dan Kesejahteraan',
    ]);
  });
});
