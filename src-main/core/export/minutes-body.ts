import type { DocBlock, ParagraphBlock, TableBlock } from '../../../shared/document';
import { formatScore, formatTime } from '../../../shared/format';
import { clusterLabel } from '../../../shared/kla';
import type { MinutesData, MinutesIndicatorReview } from './minutes-data';
import { dataTable, dateColumnMin, type Column } from './columns';
import { cleanText, DASH, linesOf } from './text';
import { indicatorCell, joinAgencies, STATUS_LABEL, targetDateText, type LampiranCode } from './labels';
import { BODY_SPACING, type DocStyle } from './style';

// The body of the notulen: A. Pembukaan, B. Pembahasan, C. Tindak lanjut rapat sebelumnya,
// D. Kesimpulan/Keputusan, E. Rencana tindak lanjut, F. Penutup. Every section is always
// printed, with "-" when it is empty, so all notulen of a region read the same way; inside a
// section an empty optional field (a note, a capaian) is left out rather than printed as "-".
// F. Penutup comes from closingSection; the closing sentence ("Demikian ...") is set with the
// signatures (signatures.ts).

export const SECTION_INDENT = 400;
const ITEM_INDENT = 800;
const FIELD_LABEL = 2200;
const FIELD_COLON = 200;

function sectionHeading(letter: string, title: string): ParagraphBlock {
  return {
    kind: 'paragraph',
    text: `${letter}.\t${title}`,
    bold: true,
    keepNext: true,
    spacing: { before: 240, after: 80 },
    indent: { left: SECTION_INDENT, hanging: SECTION_INDENT },
    tabs: [SECTION_INDENT],
  };
}

function bodyText(text: string, indent: number): ParagraphBlock[] {
  const lines = linesOf(text);
  return (lines.length ? lines : [DASH]).map((line) => ({ kind: 'paragraph', text: line, spacing: BODY_SPACING, align: 'justify', indent: { left: indent } }));
}

/** A plain left-aligned paragraph of the body (a decision's later paragraphs, a note). */
function plain(text: string, indent: number, spacing: ParagraphBlock['spacing'] = BODY_SPACING): ParagraphBlock {
  return { kind: 'paragraph', text, spacing, indent: { left: indent } };
}

/** Only the text typed, as paragraphs; nothing at all when it is empty. */
function optionalText(text: string, indent: number): ParagraphBlock[] {
  return linesOf(text).length ? bodyText(text, indent) : [];
}

/**
 * "1.  Title" with the text hanging after the number; kept with what follows it. Left aligned:
 * justifying a line that starts with a number and a tab stretches its words apart.
 */
function numbered(n: number | string, text: string, indent: number, options: { bold?: boolean; keepNext?: boolean } = {}): ParagraphBlock {
  return {
    kind: 'paragraph',
    text: `${n}.\t${cleanText(text).trim() || DASH}`,
    spacing: BODY_SPACING,
    align: 'left',
    indent: { left: indent + 400, hanging: 400 },
    tabs: [indent + 400],
    ...(options.bold ? { bold: true } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
  };
}

/** a, b, ... z, aa, ab: the letters of sub-items under a numbered item. */
export function subItemLabel(i: number): string {
  const letter = (k: number) => String.fromCharCode(97 + k);
  return i < 26 ? letter(i) : `${letter(Math.floor(i / 26) - 1)}${letter(i % 26)}`;
}

/** Whether the closing note already says when the meeting closed ("ditutup pukul 12.15"). */
export function mentionsClosingTime(text: string): boolean {
  const t = cleanText(text);
  return /\b(ditutup|menutup|tutup|berakhir|selesai)\b/i.test(t) && /\b(pukul|jam)\b|\b\d{1,2}[.:]\d{2}\b/i.test(t);
}

/** "Capaian      : text" with the colon aligned and wrapped lines under the text. */
function field(label: string, text: string, indent: number): ParagraphBlock[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [];
  const left = indent + FIELD_LABEL + FIELD_COLON;
  const [first, ...rest] = lines;
  return [
    {
      kind: 'paragraph',
      text: `${label}\t:\t${first}`,
      spacing: BODY_SPACING,
      indent: { left, hanging: FIELD_LABEL + FIELD_COLON },
      tabs: [indent + FIELD_LABEL, left],
    },
    ...rest.map((line) => plain(line, left)),
  ];
}

function reviewBlocks(review: MinutesIndicatorReview, label: string, indent: number): ParagraphBlock[] {
  const title = `Indikator ${review.indicatorNumber} (${clusterLabel(review.clusterCode)}): ${cleanText(review.indicatorName)}${review.isWeak ? ' — perlu perhatian' : ''}`;
  // field() drops blank lines: an empty capaian or a missing score leaves no empty line.
  const achievement = [review.achievement, review.score !== null ? `Nilai: ${formatScore(review.score)}` : ''].join('\n');
  const responsible = [
    review.leadAgencies.length ? joinAgencies(review.leadAgencies) : '',
    review.supportAgencies.length ? `pendukung: ${joinAgencies(review.supportAgencies)}` : '',
  ].filter((s) => s !== '').join('; ');
  return [
    numbered(label, title, indent, { bold: true, keepNext: true }),
    ...field('Capaian', achievement, indent + 400),
    ...field('Permasalahan', review.problem, indent + 400),
    ...field('Rekomendasi', review.recommendation, indent + 400),
    ...field('Penanggung jawab', responsible, indent + 400),
  ];
}

const EARLIER_COLUMNS: Column[] = [
  { header: 'No', weight: 6, align: 'center' },
  { header: 'Rencana tindak lanjut', weight: 40 },
  { header: 'Penanggung jawab', weight: 17 },
  { header: 'Status', weight: 11, align: 'center' },
  { header: 'Keterangan', weight: 26 },
];

const rtlSummaryColumns = (size: number): Column[] => [
  { header: 'No', weight: 6, align: 'center' },
  { header: 'Klaster/Indikator', weight: 23 },
  { header: 'Uraian tindak lanjut', weight: 31 },
  { header: 'Penanggung jawab', weight: 16 },
  { header: 'Target waktu', weight: 13, min: dateColumnMin(size) },
  { header: 'Status', weight: 11, align: 'center' },
];

export interface BodyOptions {
  style: DocStyle;
  width: number;
  lampiran: readonly LampiranCode[];
}

/** A table lined up with the text of its section. */
function sectionTable(columns: Column[], rows: string[][], width: number, size: number): TableBlock {
  return dataTable(columns, rows, width, size, { indent: SECTION_INDENT });
}

export function minutesBody(data: MinutesData, { style, width, lampiran }: BodyOptions): DocBlock[] {
  const { meeting } = data;
  const tableWidth = width - SECTION_INDENT;
  const blocks: DocBlock[] = [];

  blocks.push(sectionHeading('A', 'PEMBUKAAN'), ...bodyText(meeting.openingNotes, SECTION_INDENT));

  blocks.push(sectionHeading('B', 'PEMBAHASAN'));
  if (data.agenda.length === 0 && data.reviews.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  // One numbering through the section: the indicators are lettered sub-items of the agenda item
  // that discusses them ("Pembahasan indikator"), or of one more numbered item after the agenda,
  // never a second list restarting at 1 at the same level.
  const reviewHost = data.agenda.findIndex((a) => /indikator/i.test(a.title));
  const reviewIndent = SECTION_INDENT + 400;
  const reviews = () => data.reviews.flatMap((review, i) => reviewBlocks(review, subItemLabel(i), reviewIndent));
  data.agenda.forEach((item, i) => {
    blocks.push(numbered(i + 1, item.title, SECTION_INDENT, { bold: true, keepNext: true }));
    const notes = linesOf(item.notes).length === 0 && /tindak lanjut/i.test(item.title) && data.earlierActions.length > 0
      ? 'Dibahas pada huruf C.'
      : item.notes;
    blocks.push(...optionalText(notes, ITEM_INDENT));
    if (i === reviewHost) blocks.push(...reviews());
  });
  if (data.reviews.length > 0 && reviewHost < 0) {
    blocks.push(numbered(data.agenda.length + 1, 'Pembahasan indikator (indikator yang masih lemah didahulukan)', SECTION_INDENT, { bold: true, keepNext: true }));
    blocks.push(...reviews());
  }

  blocks.push(sectionHeading('C', 'TINDAK LANJUT HASIL RAPAT SEBELUMNYA'));
  if (data.earlierActions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  else
    blocks.push(sectionTable(
      EARLIER_COLUMNS,
      data.earlierActions.map((a, i) => [
        String(i + 1),
        `${cleanText(a.description)}\n(${cleanText(a.meetingTitle)}, ${targetDateText(a.meetingDate)})`,
        a.leadAgency,
        STATUS_LABEL[a.status],
        a.notes,
      ]),
      tableWidth, style.tableSize,
    ));

  blocks.push(sectionHeading('D', 'KESIMPULAN / KEPUTUSAN'));
  const decisions = data.decisions.filter((d) => cleanText(d).trim() !== '');
  if (decisions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  // A decision may span paragraphs: the number goes on the first, the rest hang under it.
  decisions.forEach((d, i) => {
    const [first, ...rest] = linesOf(d);
    blocks.push(numbered(i + 1, first, SECTION_INDENT), ...rest.map((line) => plain(line, SECTION_INDENT + 400)));
  });

  blocks.push(sectionHeading('E', 'RENCANA TINDAK LANJUT'));
  if (data.actions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  else {
    blocks.push(sectionTable(
      rtlSummaryColumns(style.tableSize),
      data.actions.map((a, i) => [
        String(i + 1),
        indicatorCell(a.clusterCode, a.indicatorNumber, a.indicatorName),
        a.description,
        a.leadAgency,
        // Months in full as everywhere in the body; the column is wide enough for "Desember".
        targetDateText(a.targetDate),
        STATUS_LABEL[a.status],
      ]),
      tableWidth, style.tableSize,
    ));
    if (lampiran.includes('II')) {
      blocks.push(plain('Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.', SECTION_INDENT, { ...BODY_SPACING, before: 120 }));
    }
  }
  if (lampiran.includes('IV')) {
    blocks.push(plain('Dokumentasi kegiatan rapat tercantum dalam Lampiran IV.', SECTION_INDENT, { ...BODY_SPACING, before: 120 }));
  }

  return blocks;
}

/** Above this many characters the closing note may fill a page: it is not held in one piece. */
const SHORT_CLOSING = 600;

/**
 * F. Penutup without the closing sentence. `short` tells the document to set it in the same
 * unsplittable block as "Demikian ..." and the signatures, so the heading and the closing time
 * never stay behind at the foot of a page while the signatures move on.
 */
export function closingSection(data: MinutesData): { paragraphs: ParagraphBlock[]; short: boolean } {
  const { meeting } = data;
  // A closing time the notulis typed is not repeated by an automatic sentence.
  const closing = [
    meeting.closingNotes,
    meeting.endTime && !mentionsClosingTime(meeting.closingNotes) ? `Rapat ditutup pada pukul ${formatTime(meeting.endTime, meeting.timeZone)}.` : '',
  ].filter((s) => s.trim() !== '').join('\n');
  return {
    paragraphs: [sectionHeading('F', 'PENUTUP'), ...optionalText(closing, SECTION_INDENT)],
    short: closing.length <= SHORT_CLOSING,
  };
}
