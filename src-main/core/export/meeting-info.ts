import type { LabelTableBlock, ParagraphBlock } from '../../../shared/document';
import { formatLongDate, formatNumber, formatTimeRange } from '../../../shared/format';
import { clusterLabel } from '../../../shared/kla';
import type { MinutesData } from './minutes-data';
import { cleanText, linesOf } from './text';
import type { DocStyle } from './style';

// The title and the label table under it: "Hari/Tanggal : Selasa, 26 November 2024" ...
// Three columns (label, colon, value) so every colon sits on one vertical line and a long
// value wraps under itself, not under the label.

const LABEL_WIDTH = 2300;
const COLON_WIDTH = 250;

export function minutesTitle(title: string): string {
  const clean = cleanText(title).trim();
  return /^(rapat|rakor|notulen)\b/i.test(clean) ? `NOTULEN ${clean.toUpperCase()}` : `NOTULEN RAPAT ${clean.toUpperCase()}`;
}

/**
 * "Klaster I Hak Sipil dan Kebebasan", or only "Kelembagaan" when the name says no more than
 * the label (never "Kelembagaan: Kelembagaan").
 */
export function clusterLine(clusters: readonly { code: string; name: string }[]): string {
  return clusters
    .map((c) => {
      const label = clusterLabel(c.code);
      const name = cleanText(c.name).trim();
      // An empty name, the label itself or a piece of it ("lembaga") says no more than the label.
      return label.toLowerCase().includes(name.toLowerCase())
        ? label
        : name.toLowerCase().startsWith(label.toLowerCase()) ? name : `${label} ${name}`;
    })
    .join('; ');
}

/** Whether the title already names the cluster ("Rakor KLA Klaster III" names Klaster III, not Klaster I). */
function titleNames(title: string, label: string): boolean {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(cleanText(title));
}

export function titleParagraphs(data: MinutesData, style: DocStyle): ParagraphBlock[] {
  // The line under the title names the clusters the title does not already name.
  const clusters = clusterLine(data.clusters.filter((c) => !titleNames(data.meeting.title, clusterLabel(c.code))));
  const out: ParagraphBlock[] = [
    {
      kind: 'paragraph',
      text: minutesTitle(data.meeting.title),
      align: 'center',
      bold: true,
      size: style.size + 4,
      keepNext: true,
      spacing: { before: 240, after: clusters ? 0 : 240 },
    },
  ];
  if (clusters) out.push({ kind: 'paragraph', text: cleanText(clusters), align: 'center', keepNext: true, spacing: { before: 0, after: 240 } });
  // A reopened and closed again meeting's notulen says which revision it is (the first says nothing).
  if (data.meeting.revision > 1) {
    out.push({ kind: 'paragraph', text: `Revisi ke-${data.meeting.revision}`, align: 'center', italic: true, keepNext: true, spacing: { before: 0, after: 240 } });
  }
  return out;
}

export function timeText(data: MinutesData): string {
  const { startTime, endTime, timeZone } = data.meeting;
  return formatTimeRange(startTime, endTime, timeZone);
}

export function attendeeText(count: number): string {
  return count === 0 ? '' : `${formatNumber(count)} orang, daftar hadir terlampir`;
}

export function meetingInfoTable(data: MinutesData, width: number): LabelTableBlock {
  const { meeting } = data;
  const agenda = data.agenda.map((a) => cleanText(a.title).trim()).filter((t) => t !== '');
  const chair = [meeting.chair.name, meeting.chair.position].map((s) => cleanText(s).trim()).filter((s) => s !== '').join(', ');
  // Date and time are always known; a row with nothing entered is left out, not printed as "-".
  const rows: [string, string | string[]][] = ([
    ['Hari/Tanggal', formatLongDate(meeting.date)],
    ['Waktu', timeText(data)],
    ['Tempat', cleanText(meeting.place).trim()],
    ['Pimpinan Rapat', chair],
    ['Notulis', cleanText(meeting.notulis.name).trim()],
    ['Peserta', attendeeText(data.attendees.length)],
    ['Acara', agenda.length <= 1 ? agenda[0] ?? '' : agenda.map((t, i) => `${i + 1}. ${t}`)],
  ] as [string, string | string[]][]).filter(([, value]) => value.length > 0); // '' or no agenda at all
  return {
    kind: 'labelTable',
    widths: [LABEL_WIDTH, COLON_WIDTH, width - LABEL_WIDTH - COLON_WIDTH],
    rows: rows.map(([label, value]) => ({
      label,
      // Never empty: every value left is trimmed text or a non-empty list.
      lines: Array.isArray(value) ? value : linesOf(value),
      ...(Array.isArray(value) ? { hanging: true } : {}),
    })),
  };
}
