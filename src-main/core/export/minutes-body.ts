import { AlignmentType, Paragraph, TabStopType, TextRun, type Table } from 'docx';
import { formatScore, formatShortDate, formatTime } from '../../../shared/format';
import { clusterLabel } from '../../../shared/kla';
import type { MinutesData, MinutesIndicatorReview } from './minutes-data';
import { gridTable, type Column } from './tables';
import { cleanText, DASH, linesOf } from './text';
import { indicatorCell, joinAgencies, STATUS_LABEL, targetDateText, type LampiranCode } from './labels';
import { BODY_SPACING, type DocStyle } from './style';

// The body of the notulen: A. Pembukaan, B. Pembahasan, C. Tindak lanjut rapat sebelumnya,
// D. Kesimpulan/Keputusan, E. Rencana tindak lanjut, F. Penutup. Every section is always
// printed, with "-" when it is empty, so all notulen of a region read the same way.

type Block = Paragraph | Table;

const SECTION_INDENT = 400;
const ITEM_INDENT = 800;
const FIELD_LABEL = 2200;
const FIELD_COLON = 200;

function sectionHeading(letter: string, title: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 80 },
    indent: { left: SECTION_INDENT, hanging: SECTION_INDENT },
    tabStops: [{ type: TabStopType.LEFT, position: SECTION_INDENT }],
    children: [new TextRun({ text: `${letter}.\t${title}`, bold: true })],
  });
}

function bodyText(text: string, indent: number): Paragraph[] {
  const lines = linesOf(text);
  return (lines.length ? lines : [DASH]).map(
    (line) => new Paragraph({ spacing: BODY_SPACING, alignment: AlignmentType.JUSTIFIED, indent: { left: indent }, children: [new TextRun(line)] }),
  );
}

/** "1.  Title" with the text hanging after the number; kept with what follows it. */
function numbered(n: number, text: string, indent: number, options: { bold?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: BODY_SPACING,
    keepNext: options.keepNext,
    keepLines: options.keepNext,
    alignment: options.bold ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: { left: indent + 400, hanging: 400 },
    tabStops: [{ type: TabStopType.LEFT, position: indent + 400 }],
    children: [new TextRun({ text: `${n}.\t${cleanText(text).trim() || DASH}`, bold: options.bold })],
  });
}

/** "Capaian      : text" with the colon aligned and wrapped lines under the text. */
function field(label: string, text: string, indent: number): Paragraph[] {
  const lines = linesOf(text);
  const left = indent + FIELD_LABEL + FIELD_COLON;
  const tabs = [
    { type: TabStopType.LEFT, position: indent + FIELD_LABEL },
    { type: TabStopType.LEFT, position: left },
  ];
  const [first, ...rest] = lines.length ? lines : [DASH];
  return [
    new Paragraph({
      spacing: BODY_SPACING,
      indent: { left, hanging: FIELD_LABEL + FIELD_COLON },
      tabStops: tabs,
      children: [new TextRun(`${label}\t:\t${first}`)],
    }),
    ...rest.map((line) => new Paragraph({ spacing: BODY_SPACING, indent: { left }, children: [new TextRun(line)] })),
  ];
}

function reviewBlocks(review: MinutesIndicatorReview, n: number): Paragraph[] {
  const title = `Indikator ${review.indicatorNumber} (${clusterLabel(review.clusterCode)}): ${cleanText(review.indicatorName)}${review.isWeak ? ' — perlu perhatian' : ''}`;
  const achievement = [review.achievement, review.score !== null ? `Nilai: ${formatScore(review.score)}` : '']
    .filter((s) => s.trim() !== '')
    .join('\n');
  const responsible = [
    review.leadAgencies.length ? joinAgencies(review.leadAgencies) : '',
    review.supportAgencies.length ? `pendukung: ${joinAgencies(review.supportAgencies)}` : '',
  ].filter((s) => s !== '').join('; ');
  return [
    numbered(n, title, SECTION_INDENT, { bold: true, keepNext: true }),
    ...field('Capaian', achievement, ITEM_INDENT),
    ...field('Permasalahan', review.problem, ITEM_INDENT),
    ...field('Rekomendasi', review.recommendation, ITEM_INDENT),
    ...field('Penanggung jawab', responsible, ITEM_INDENT),
  ];
}

function subHeading(text: string): Paragraph {
  return new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 120, after: 60 }, indent: { left: SECTION_INDENT }, children: [new TextRun({ text, bold: true, italics: true })] });
}

const EARLIER_COLUMNS: Column[] = [
  { header: 'No', weight: 6, align: 'center' },
  { header: 'Rencana tindak lanjut', weight: 40 },
  { header: 'Penanggung jawab', weight: 17 },
  { header: 'Status', weight: 11, align: 'center' },
  { header: 'Keterangan', weight: 26 },
];

const RTL_SUMMARY_COLUMNS: Column[] = [
  { header: 'No', weight: 6, align: 'center' },
  { header: 'Klaster/Indikator', weight: 23 },
  { header: 'Uraian tindak lanjut', weight: 31 },
  { header: 'Penanggung jawab', weight: 16 },
  { header: 'Target waktu', weight: 13 },
  { header: 'Status', weight: 11, align: 'center' },
];

export interface BodyOptions {
  style: DocStyle;
  width: number;
  lampiran: readonly LampiranCode[];
}

export function minutesBody(data: MinutesData, { style, width, lampiran }: BodyOptions): Block[] {
  const { meeting } = data;
  const tableWidth = width - SECTION_INDENT;
  const blocks: Block[] = [];

  blocks.push(sectionHeading('A', 'PEMBUKAAN'), ...bodyText(meeting.openingNotes, SECTION_INDENT));

  blocks.push(sectionHeading('B', 'PEMBAHASAN'));
  if (data.agenda.length === 0 && data.reviews.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  data.agenda.forEach((item, i) => {
    blocks.push(numbered(i + 1, item.title, SECTION_INDENT, { bold: true, keepNext: true }), ...bodyText(item.notes, ITEM_INDENT));
  });
  if (data.reviews.length > 0) {
    blocks.push(subHeading('Pembahasan indikator (indikator yang masih lemah didahulukan)'));
    data.reviews.forEach((review, i) => blocks.push(...reviewBlocks(review, i + 1)));
  }

  blocks.push(sectionHeading('C', 'TINDAK LANJUT HASIL RAPAT SEBELUMNYA'));
  if (data.earlierActions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  else
    blocks.push(gridTable(
      EARLIER_COLUMNS,
      data.earlierActions.map((a, i) => [
        String(i + 1),
        `${cleanText(a.description)}\n(${cleanText(a.meetingTitle)}, ${targetDateText(a.meetingDate)})`,
        a.leadAgency,
        STATUS_LABEL[a.status],
        a.notes,
      ]),
      { width: tableWidth, size: style.tableSize, indent: SECTION_INDENT },
    ));

  blocks.push(sectionHeading('D', 'KESIMPULAN / KEPUTUSAN'));
  const decisions = data.decisions.filter((d) => cleanText(d).trim() !== '');
  if (decisions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  // A decision may span paragraphs: the number goes on the first, the rest hang under it.
  decisions.forEach((d, i) => {
    const [first, ...rest] = linesOf(d);
    blocks.push(numbered(i + 1, first, SECTION_INDENT), ...rest.map((line) => new Paragraph({ spacing: BODY_SPACING, alignment: AlignmentType.JUSTIFIED, indent: { left: SECTION_INDENT + 400 }, children: [new TextRun(line)] })));
  });

  blocks.push(sectionHeading('E', 'RENCANA TINDAK LANJUT'));
  if (data.actions.length === 0) blocks.push(...bodyText('', SECTION_INDENT));
  else {
    blocks.push(gridTable(
      RTL_SUMMARY_COLUMNS,
      data.actions.map((a, i) => [
        String(i + 1),
        indicatorCell(a.clusterCode, a.indicatorNumber, a.indicatorName),
        a.description,
        a.leadAgency,
        // Short date here: the body's six-column table would wrap "31 Desember 2024" over three lines.
        a.targetDate ? formatShortDate(a.targetDate) : '',
        STATUS_LABEL[a.status],
      ]),
      { width: tableWidth, size: style.tableSize, indent: SECTION_INDENT },
    ));
    if (lampiran.includes('II')) {
      blocks.push(new Paragraph({ spacing: { ...BODY_SPACING, before: 120 }, indent: { left: SECTION_INDENT }, children: [new TextRun('Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.')] }));
    }
  }

  blocks.push(sectionHeading('F', 'PENUTUP'));
  const closing = [
    meeting.closingNotes,
    meeting.endTime ? `Rapat ditutup pada pukul ${formatTime(meeting.endTime, meeting.timeZone)}.` : '',
    'Demikian notulen rapat ini dibuat untuk dipergunakan sebagaimana mestinya.',
  ].filter((s) => s.trim() !== '').join('\n');
  blocks.push(...bodyText(closing, SECTION_INDENT));
  return blocks;
}

