import { describe, expect, it } from 'vitest';
import { attendanceTable, type AttendanceColumnChoice } from '../../src-main/core/export/lampiran-attendance';
import type { MinutesAttendee } from '../../src-main/core/export/minutes-data';
import { renderDocx } from '../../src-main/core/export/docx-render';
import { unbreakableWidth } from '../../src-main/core/export/text-width';
import type { TableBlock } from '../../shared/document';
import { docxParts } from '../support/docx-read';

// The daftar hadir table (Lampiran I and the blank sheet) as Word gets it: which columns print,
// what the Nama / NIP cell says, and how wide each column is. Widths are read from the .docx's
// w:gridCol and held against the width each word needs at the table's font size (the same Arial
// metric the export sizes kop lines with): a header word such as "Tangan" or "Instansi", a typed
// name or jabatan word never breaks in the middle, whatever width the page gives the table.

const SIZE = 18; // 9 pt, the table text of a 12 pt notulen
const A4_TEXT = 8787;

const person = (over: Partial<MinutesAttendee>): MinutesAttendee => ({ name: 'Budi', nip: '', jobTitle: 'Staf', agency: 'Bappeda', phone: '', ...over });

interface WordTable {
  grid: number[];
  /** Each row's cells, each cell its paragraphs' texts. */
  rows: string[][][];
  /** Each row's cells' paragraph alignment (w:jc), '' when none. */
  align: string[][];
}

async function wordTable(block: TableBlock): Promise<WordTable> {
  const bytes = await renderDocx({ paper: 'A4', font: 'Arial', size: 24, title: 'Daftar hadir', letterhead: null, sections: [{ orientation: 'portrait', blocks: [block] }] });
  const xml = docxParts(bytes).get('word/document.xml') ?? '';
  const table = xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));
  const grid = [...table.matchAll(/<w:gridCol w:w="(-?\d+)"\/>/g)].map((m) => Number(m[1]));
  const cells = (row: string) => row.split('</w:tc>').slice(0, -1);
  const paragraphs = (cell: string) => cell.split('</w:p>').slice(0, -1);
  const text = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const rows = table.split('</w:tr>').slice(0, -1);
  return {
    grid,
    rows: rows.map((r) => cells(r).map((c) => paragraphs(c).map(text))),
    align: rows.map((r) => cells(r).map((c) => /<w:jc w:val="(\w+)"/.exec(c)?.[1] ?? '')),
  };
}

const headers = (t: WordTable) => t.rows[0].map((c) => c.join(' '));

describe('columns of the daftar hadir table', () => {
  it('prints NIP and No. HP unless the profile hides them, with every header in Word', async () => {
    const people = [person({ nip: '198001012005011001', phone: '0812-5100-2233' })];
    // The choice defaults to both columns (a caller that passes none).
    expect(headers(await wordTable(attendanceTable(people, A4_TEXT, SIZE)))).toEqual(['No', 'Nama / NIP', 'Jabatan', 'Instansi', 'No. HP', 'Tanda Tangan']);
    expect(headers(await wordTable(attendanceTable(people, A4_TEXT, SIZE, { nip: false, phone: false })))).toEqual(['No', 'Nama', 'Jabatan', 'Instansi', 'Tanda Tangan']);
  });

  it('adds the NIP column on Lampiran I only when someone present has a NIP, and always on the blank sheet', async () => {
    const show = { nip: true, phone: false };
    const noNip = [person({ nip: '' }), person({ name: 'Ani', nip: '   ' })];
    expect(headers(await wordTable(attendanceTable(noNip, A4_TEXT, SIZE, show)))[1]).toBe('Nama');
    expect(headers(await wordTable(attendanceTable([...noNip, person({ nip: '198001012005011001' })], A4_TEXT, SIZE, show)))[1]).toBe('Nama / NIP');
    // Civil servants write their NIP on the paper sheet by hand.
    expect(headers(await wordTable(attendanceTable({ blank: 3 }, A4_TEXT, SIZE, show)))[1]).toBe('Nama / NIP');
    expect(headers(await wordTable(attendanceTable({ blank: 3 }, A4_TEXT, SIZE, { nip: false, phone: false })))[1]).toBe('Nama');
  });

  it('prints the NIP grouped under the name, its last group tied by a no-break space; no NIP line for those without one', async () => {
    const people = [
      person({ name: 'Budi Santoso', nip: ' 198001012005011001 ' }),
      person({ name: 'Ani', nip: '' }),
      person({ name: 'Citra', nip: '  ' }),
      // An old record with a short number typed with spaces: printed as typed, without them.
      person({ name: 'Dedi', nip: ' 12345 ' }),
    ];
    const t = await wordTable(attendanceTable(people, A4_TEXT, SIZE, { nip: true, phone: false }));
    const names = t.rows.slice(1).map((r) => r[1]);
    expect(names).toEqual([['Budi Santoso', 'NIP 19800101 200501 1\u00A0001'], ['Ani'], ['Citra'], ['Dedi', 'NIP 12345']]);
    // Numbered 1, 2, 3 and centred in their narrow column.
    expect(t.rows.slice(1).map((r) => r[0])).toEqual([['1'], ['2'], ['3'], ['4']]);
    expect(t.align.slice(1).map((r) => r[0])).toEqual(['center', 'center', 'center', 'center']);
  });

  it('leaves a field nobody filled in blank, without the "-" other tables print for an empty cell', async () => {
    const people = [person({ name: 'Ani', jobTitle: '   ', agency: '', phone: '0812-5100-2233' }), person({ name: 'Budi', jobTitle: ' Staf ', phone: '' })];
    const t = await wordTable(attendanceTable(people, A4_TEXT, SIZE, { nip: false, phone: true }));
    expect(t.rows.slice(1).map((r) => r.slice(1, 5))).toEqual([
      [['Ani'], [''], [''], ['0812-5100-2233']],
      [['Budi'], ['Staf'], ['Bappeda'], ['']],
    ]);
  });
});

/** Twips a cell needs so that `word` stays on one line (the cell margins included). */
const need = (word: string, bold = false) => unbreakableWidth([word], SIZE, { bold });
const needWhole = (text: string) => unbreakableWidth([text], SIZE, { whole: true });
const widest = (texts: string[]) => Math.max(...texts.flatMap((t) => t.split(/\s+|(?<=-)/)).map((w) => need(w)));

interface Scenario {
  people: MinutesAttendee[];
  show: AttendanceColumnChoice;
  /** What each column must hold, in the order of the columns. */
  needs: number[];
}

/**
 * Sweeps the table width from just enough for every column's need up to more than a portrait page:
 * at each width every column of the Word table holds what it must.
 */
async function holdsEverywhere({ people, show, needs }: Scenario): Promise<void> {
  const least = needs.reduce((s, w) => s + w, 0);
  for (let width = least; width <= least + 4000; width += 125) {
    const t = await wordTable(attendanceTable(people, width, SIZE, show));
    expect(t.grid.reduce((s, w) => s + w, 0), `table width at ${width}`).toBe(width);
    t.grid.forEach((w, i) => expect(w, `column ${headers(t)[i]} at table width ${width}`).toBeGreaterThanOrEqual(needs[i]));
  }
}

// Typed words longer than any word the sheet reserves room for by itself.
const LONG_JOB = 'Analis Pertanggungjawaban Keuangan';
const LONG_AGENCY = 'Badan Penanggulangan Bencana Daerah';
const base = { jobTitle: LONG_JOB, agency: LONG_AGENCY };
/** "No" is sized for three-digit numbers, so the column does not change between a short and a long list. */
const noColumn = Math.max(need('No', true), need('100'));
const signColumn = need('Tangan', true);
const jobColumn = Math.max(need('Jabatan', true), widest([LONG_JOB]));
const agencyColumn = Math.max(need('Instansi', true), widest([LONG_AGENCY]));

describe('column widths of the daftar hadir table', () => {
  it('keeps the bold header words whole when names are short (Nama, Tanda Tangan)', async () => {
    const people = [person({ name: 'Ani', ...base }), person({ name: 'Budi', ...base })];
    await holdsEverywhere({ people, show: { nip: false, phone: false }, needs: [noColumn, need('Nama', true), jobColumn, agencyColumn, signColumn] });
  });

  it('keeps the longest word of a name whole', async () => {
    const people = [person({ name: 'Sri Wahyuningsih', ...base }), person({ name: 'Ani', ...base })];
    await holdsEverywhere({ people, show: { nip: false, phone: false }, needs: [noColumn, Math.max(need('Nama', true), widest(['Sri Wahyuningsih'])), jobColumn, agencyColumn, signColumn] });
  });

  it('keeps the first two groups of a NIP on one line under the name', async () => {
    const people = [person({ name: 'Ani', nip: '198001012005011001', ...base }), person({ name: 'Budi', ...base })];
    await holdsEverywhere({ people, show: { nip: true, phone: false }, needs: [noColumn, Math.max(need('Nama', true), needWhole('19800101 200501')), jobColumn, agencyColumn, signColumn] });
  });

  it('keeps the header words of the small columns whole when a typed word is wider than the page can give', async () => {
    // An e-mail address typed as the agency: that column gives way and breaks the address inside itself.
    const email = 'sekretariat.gugustugas.kotawaringintimur.kalimantantengah@gmail.com';
    const t = await wordTable(attendanceTable([person({ name: 'Ani', agency: email }), person({ name: 'Budi' })], A4_TEXT, SIZE, { nip: false, phone: false }));
    expect(t.grid.reduce((s, w) => s + w, 0)).toBe(A4_TEXT);
    expect(t.grid[3]).toBeLessThan(widest([email]));
    expect(t.grid[0]).toBeGreaterThanOrEqual(noColumn);
    expect(t.grid[1]).toBeGreaterThanOrEqual(need('Nama', true));
    expect(t.grid[4]).toBeGreaterThanOrEqual(signColumn);
  });

  it('gives the No column the same width for 3 and for 120 people', async () => {
    const few = await wordTable(attendanceTable([person({}), person({}), person({})], A4_TEXT, SIZE, { nip: false, phone: false }));
    const many = await wordTable(attendanceTable(Array.from({ length: 120 }, () => person({})), A4_TEXT, SIZE, { nip: false, phone: false }));
    expect(few.grid[0]).toBe(many.grid[0]);
    expect(many.grid[0]).toBeGreaterThanOrEqual(need('120'));
    expect(many.rows[120][0]).toEqual(['120']);
  });
});
