import { Paragraph, TextRun, type Table } from 'docx';
import type { MinutesAttendee } from './minutes-data';
import { blankCell, columnWidths, gridTable, tableStyleId, type Column } from './tables';

// The daftar hadir table, for the notulen's Lampiran I and for the blank sheet signed on paper.
// The signature cells zig-zag: odd numbers sign on the left half, even on the right, so two
// neighbours' signatures never overlap.

export const ATTENDANCE_COLUMNS: Column[] = [
  { header: 'No', weight: 6, align: 'center' },
  { header: 'Nama', weight: 23 },
  { header: 'Jabatan', weight: 14 },
  { header: 'Instansi', weight: 23 },
  { header: 'No. HP', weight: 16 },
  { header: 'Tanda Tangan', weight: 18 },
];

/** Tall enough to sign in: ~1.1 cm. */
const ROW_HEIGHT = 620;

function signatureCell(n: number, cellWidth: number, size: number): Paragraph[] {
  const even = n % 2 === 0;
  return [
    new Paragraph({
      style: tableStyleId(size),
      indent: even ? { left: Math.round(cellWidth / 2) - 80 } : undefined,
      children: [new TextRun(`${n}.`)],
    }),
  ];
}

/** Rows of people, or `blank` empty numbered rows for wet signatures. */
export function attendanceTable(people: readonly MinutesAttendee[] | { blank: number }, width: number, size: number): Table {
  const signWidth = columnWidths(ATTENDANCE_COLUMNS, width)[5];
  const count = Array.isArray(people) ? people.length : (people as { blank: number }).blank;
  const rows = Array.from({ length: count }, (_, i) => {
    const person = Array.isArray(people) ? (people as MinutesAttendee[])[i] : null;
    const n = i + 1;
    // Blank rows stay blank (no "-"): they are filled in by hand.
    const blank = blankCell();
    return [
      `${n}`,
      person ? person.name : blank,
      person ? person.jobTitle : blank,
      person ? person.agency : blank,
      person ? person.phone : blank,
      signatureCell(n, signWidth, size),
    ];
  });
  return gridTable(ATTENDANCE_COLUMNS, rows, { width, size, rowHeight: ROW_HEIGHT });
}
