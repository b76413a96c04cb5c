import type { TableBlock, TableCell } from '../../../shared/document';
import { formatNip } from '../../../shared/nip';
import type { MinutesAttendee } from './minutes-data';
import { columnWidths, type Column } from './columns';
import { cleanText } from './text';
import { unbreakableWidth } from './text-width';

// The daftar hadir table, for the notulen's Lampiran I and for the blank sheet signed on paper.
// The signature cells zig-zag: odd numbers sign on the left half, even on the right, so two
// neighbours' signatures never overlap. Columns are sized from the text they hold (Arial
// metrics): no word of a jabatan or agency breaks in the middle and a phone number stays on one
// line; what is left is shared by weight. The NIP is printed under the name ("Nama / NIP"): a
// seventh column does not fit a portrait page without squeezing Tanda Tangan. Profil daerah can
// hide the NIP and No. HP; on Lampiran I the NIP also stays out when nobody present has one.

/** Tall enough to sign in: ~1.1 cm. */
const ROW_HEIGHT = 620;

/**
 * Words every column must hold even on the blank sheet, where nothing is typed yet: long
 * jabatan and agency words seen in real daftar hadir, and a 13-digit mobile number.
 */
const LONG_WORDS = {
  jobTitle: ['Pemerintahan', 'Perencanaan', 'Kesejahteraan', 'Perundang-'],
  agency: ['Pemberdayaan', 'Perlindungan', 'Kependudukan'],
  phone: ['0812-3456-78901'],
};

interface AttendanceColumn extends Column {
  key: 'no' | 'name' | 'jobTitle' | 'agency' | 'phone' | 'sign';
}

/** Which optional columns print (Profil daerah: attendancePrintNip / attendancePrintPhone). */
export interface AttendanceColumnChoice {
  nip: boolean;
  phone: boolean;
}

/** The profile's choice, as the export passes it on. */
export const columnChoice = (p: { attendancePrintNip: boolean; attendancePrintPhone: boolean }): AttendanceColumnChoice => ({
  nip: p.attendancePrintNip,
  phone: p.attendancePrintPhone,
});

function columns(people: readonly MinutesAttendee[], blank: boolean, show: AttendanceColumnChoice, size: number): AttendanceColumn[] {
  const values = (pick: (p: MinutesAttendee) => string) => people.map((p) => cleanText(pick(p)));
  const header = (text: string) => unbreakableWidth([text], size, { bold: true });
  // The blank sheet is filled in by hand: civil servants write their NIP there.
  const withNip = show.nip && (blank || people.some((p) => p.nip.trim() !== ''));
  const cols: AttendanceColumn[] = [
    { key: 'no', header: 'No', weight: 0, align: 'center', min: Math.max(header('No'), unbreakableWidth([String(Math.max(people.length, 100))], size)) },
    // With the NIP: wide enough for "19800101 200501" (the rest, "1 001", may go to the next line).
    { key: 'name', header: withNip ? 'Nama / NIP' : 'Nama', weight: 22,
      min: Math.max(header('Nama'), unbreakableWidth(values((p) => p.name), size), withNip ? unbreakableWidth(['19800101 200501'], size, { whole: true }) : 0) },
    { key: 'jobTitle', header: 'Jabatan', weight: 22, min: Math.max(header('Jabatan'), unbreakableWidth([...LONG_WORDS.jobTitle, ...values((p) => p.jobTitle)], size)) },
    { key: 'agency', header: 'Instansi', weight: 22, min: Math.max(header('Instansi'), unbreakableWidth([...LONG_WORDS.agency, ...values((p) => p.agency)], size)) },
    ...(show.phone
      ? [{ key: 'phone', header: 'No. HP', weight: 0, min: Math.max(header('No. HP'), unbreakableWidth([...LONG_WORDS.phone, ...values((p) => p.phone)], size, { whole: true })) } as AttendanceColumn]
      : []),
    { key: 'sign', header: 'Tanda Tangan', weight: 16, min: header('Tangan') },
  ];
  return cols;
}

/** The name, and under it "NIP 19800101 200501 1 001" whose last two groups never part (a no-break space). */
function nameWithNip(person: MinutesAttendee): string {
  const nip = formatNip(person.nip.trim()).replace(/ (\d{3})$/, '\u00A0$1');
  return `${cleanText(person.name).trim()}\nNIP ${nip}`;
}

/** Rows of people, or `blank` empty numbered rows for wet signatures. "No" runs 1, 2, 3 in printed order. */
export function attendanceTable(
  people: readonly MinutesAttendee[] | { blank: number }, width: number, size: number, show: AttendanceColumnChoice = { nip: true, phone: true },
): TableBlock {
  const list = Array.isArray(people) ? (people as readonly MinutesAttendee[]) : [];
  const count = Array.isArray(people) ? list.length : (people as { blank: number }).blank;
  const cols = columns(list, !Array.isArray(people), show, size);
  const widths = columnWidths(cols, width);
  const rows = Array.from({ length: count }, (_, i): TableCell[] => {
    const person = list[i] as MinutesAttendee | undefined;
    const n = i + 1;
    return cols.map((c): TableCell => {
      if (c.key === 'no') return `${n}`;
      if (c.key === 'sign') return { sign: n };
      // Blank rows stay blank (no "-"): they are filled in by hand; so does an empty field.
      if (!person) return null;
      if (c.key === 'name' && person.nip.trim() !== '' && c.header !== 'Nama') return nameWithNip(person);
      const value = cleanText(person[c.key]).trim();
      return value === '' ? null : value;
    });
  });
  return {
    kind: 'table',
    columns: cols.map((c, i) => ({ header: c.header, width: widths[i], ...(c.align ? { align: c.align } : {}) })),
    rows,
    size,
    rowHeight: ROW_HEIGHT,
  };
}
