import { Document, Packer, type ISectionOptions } from 'docx';
import type { AgencyRecap } from '../../../shared/board';
import type { Paper, RegionProfile } from '../../../shared/types';
import { ACTION_STATUS_LABEL } from '../../../shared/meeting';
import { formatDate, formatNumber, formatPercent, formatRupiah, formatShortDate } from '../../../shared/format';
import { safeFileName } from '../../../shared/file-name';
import { paperSuffix } from '../export/file-name';
import { letterheadModel } from '../export/letterhead';
import { pageNumberHeader, pageProperties, textWidth } from '../export/page-setup';
import { letterSigner } from '../export/signatures';
import { letterheadHeader, rightSignerTable } from '../export/docx-render';
import { dataTable } from '../export/columns';
import { DOC_AUTHOR, defaultStyle, docStyle } from '../export/style';
import { gridTable, layoutTable, tableParagraphStyles } from '../export/tables';
import { cleanText } from '../export/text';
import { bodyParagraph, headColumns, headLabel, headLine, numberedPoint, pointNote, POINT_INDENT } from './letter-layout';

// Rekap per instansi as a one-page letter to the agency, in the style of a surat pengantar:
// kop surat, Nomor/Sifat/Lampiran/Hal beside the place, date and addressee, then four short numbered
// points (indicators, RTLs with the open ones in a small table, budget, attendance), the
// request, the closing and the head of office's signature. The RTL table is capped so that the
// letter stays on one page; the rest are counted ("dan 7 RTL lainnya").

/** Open RTLs listed in the letter; overdue first. More would push the signature to page two. */
export const LETTER_MAX_ACTIONS = 3;
/** Longest RTL text printed in the table; the full text is in the app. */
const MAX_DESCRIPTION = 70;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** "Kepala Dinas Kesehatan", or "Pimpinan ..." for mitra and other governments. */
export function addressee(recap: AgencyRecap): string {
  const name = cleanText(recap.agency.name).trim();
  return recap.agency.kind === 'mitra' || recap.agency.kind === 'kabkota' ? `Pimpinan ${name}` : `Kepala ${name}`;
}

function indicatorLine(recap: AgencyRecap): string {
  if (recap.indicators.length === 0) return 'Belum ada indikator KLA yang ditetapkan sebagai tanggung jawab instansi Saudara.';
  const list = (role: 'lead' | 'support') => recap.indicators.filter((i) => i.role === role).map((i) => String(i.number));
  const parts = [
    list('lead').length ? `${list('lead').join(', ')} (penanggung jawab)` : '',
    list('support').length ? `${list('support').join(', ')} (pendukung)` : '',
  ].filter(Boolean);
  const weak = recap.indicators.filter((i) => i.weak).map((i) => String(i.number));
  return `${parts.join('; ')}${weak.length ? `; yang masih lemah menurut pembahasan terakhir: indikator ${weak.join(', ')}` : ''}.`;
}

function actionLine(recap: AgencyRecap): string {
  const c = recap.actionCounts;
  if (c.total === 0) return `Tidak ada rencana tindak lanjut (RTL) untuk instansi Saudara dari rakor tahun ${recap.year}.`;
  return `${formatNumber(c.total)} RTL dari rakor tahun ${recap.year}: ${formatNumber(c.done)} selesai, ${formatNumber(c.open)} belum selesai`
    + `${c.overdue ? `, ${formatNumber(c.overdue)} di antaranya melewati target waktu` : ''}${c.open ? '; yang belum selesai:' : '.'}`;
}

function budgetLine(recap: AgencyRecap): string {
  const b = recap.budget;
  if (b.lines === 0) return `Belum ada anggaran tahun ${recap.year} yang dicatat untuk instansi Saudara.`;
  return `${formatNumber(b.lines)} sub kegiatan tahun anggaran ${recap.year} dengan pagu ${formatRupiah(b.allocationSen)} dan realisasi `
    + `${formatRupiah(b.realizationSen)}${b.absorption === null ? '' : ` (serapan ${formatPercent(b.absorption)})`}.`;
}

function attendanceLine(recap: AgencyRecap): string {
  if (recap.meetingsHeld === 0) return `Belum ada rakor pada tahun ${recap.year}.`;
  return `Dari ${formatNumber(recap.meetingsHeld)} rakor tahun ${recap.year}, instansi Saudara diundang ke ${formatNumber(recap.invitedTo)} rakor dan hadir di ${formatNumber(recap.attended)} rakor.`;
}

export interface LetterOptions {
  profile: RegionProfile;
  /** The letter's date (today in the region's zone). */
  date: string;
  paper?: Paper;
}

export function agencyRecapDocument(recap: AgencyRecap, options: LetterOptions): Document {
  const { profile } = options;
  const style = docStyle(profile, options.paper);
  const width = textWidth(style.paper);
  const open = recap.actions.filter((a) => a.status !== 'selesai');
  const listed = open.slice(0, LETTER_MAX_ACTIONS);
  const rest = open.length - listed.length;
  const actionTable = listed.length === 0 ? [] : [
    gridTable(dataTable(
      [
        { header: 'No', weight: 4, align: 'center' },
        { header: 'Uraian tindak lanjut (indikator)', weight: 70 },
        // Neither a date nor "Belum (terlambat)" may wrap: they would double every row's height.
        { header: 'Target waktu', weight: 13, min: 1350, align: 'center' },
        { header: 'Status', weight: 13, min: 1650, align: 'center' },
      ],
      listed.map((a, i) => [
        String(i + 1),
        `${clip(cleanText(a.description).replace(/\s+/g, ' ').trim(), MAX_DESCRIPTION)}${a.indicatorNumber === null ? '' : ` (${a.indicatorNumber})`}`,
        a.targetDate ? formatShortDate(a.targetDate) : '-',
        `${ACTION_STATUS_LABEL[a.status]}${a.overdue ? ' (terlambat)' : ''}`,
      ]),
      width - POINT_INDENT, style.tableSize, { indent: POINT_INDENT },
    )),
    ...(rest > 0 ? [pointNote(`dan ${formatNumber(rest)} RTL lainnya yang belum selesai (daftar lengkap di menu Tindak lanjut).`)] : []),
  ];
  const region = cleanText(profile.regionName).trim();
  const regionName = region ? `${profile.regionType === 'kota' ? 'Kota' : profile.regionType === 'provinsi' ? 'Provinsi' : 'Kabupaten'} ${region}` : 'daerah kita';

  const main: ISectionOptions = {
    properties: { titlePage: true, page: pageProperties(style.paper, 'portrait') },
    headers: { first: letterheadHeader(letterheadModel(profile, width, style.size), width), default: pageNumberHeader(style.size) },
    children: [
      // The usual surat dinas head: Nomor .. Hal on the left, place and date then the addressee on the right.
      layoutTable(headColumns(width), [[
        [
          headLabel('Nomor', '.............................'),
          headLabel('Sifat', 'Biasa'),
          headLabel('Lampiran', '-'),
          headLabel('Hal', `Rekapitulasi Tindak Lanjut Gugus Tugas KLA Tahun ${recap.year}`),
        ],
        [
          headLine(`${cleanText(profile.signingPlace).trim() ? `${cleanText(profile.signingPlace).trim()}, ` : ''}${formatDate(options.date)}`, { gapAfter: true }),
          headLine('Kepada Yth.'),
          headLine(addressee(recap), { bold: true }),
          headLine('di'),
          headLine('Tempat', { indented: true, gapAfter: true }),
        ],
      ]]),
      bodyParagraph(
        `Dalam rangka pemenuhan hak dan perlindungan khusus anak menuju ${regionName} Layak Anak, bersama ini kami sampaikan rekapitulasi hasil `
          + `rapat koordinasi (rakor) Gugus Tugas KLA tahun ${recap.year} untuk ${cleanText(recap.agency.name).trim()} per ${formatDate(options.date)}, sebagai berikut:`,
      ),
      numberedPoint(1, `Indikator: ${indicatorLine(recap)}`),
      numberedPoint(2, `Rencana tindak lanjut: ${actionLine(recap)}`),
      ...actionTable,
      numberedPoint(3, `Anggaran: ${budgetLine(recap)}`),
      numberedPoint(4, `Kehadiran rakor: ${attendanceLine(recap)}`),
      bodyParagraph(
        recap.actionCounts.open > 0
          ? 'Kami mohon RTL yang belum selesai, terutama yang melewati target waktu, segera ditindaklanjuti dan perkembangannya beserta data dukung disampaikan pada rakor berikutnya.'
          : 'Kami mohon perkembangan pelaksanaan dan data dukungnya tetap disampaikan pada rakor berikutnya.',
      ),
      bodyParagraph('Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.', true),
      rightSignerTable(
        letterSigner(`${cleanText(profile.headPosition).trim() || 'Sekretariat Gugus Tugas KLA'},`, { name: profile.headName, position: '', rank: profile.headRank, nip: profile.headNip }),
        width,
      ),
    ],
  };
  return new Document({
    ...DOC_AUTHOR,
    title: cleanText(`Rekap ${recap.agency.name} ${recap.year}`),
    styles: { default: defaultStyle(style), paragraphStyles: tableParagraphStyles([style.tableSize]) },
    sections: [main],
  });
}

export async function renderAgencyRecap(recap: AgencyRecap, options: LetterOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(agencyRecapDocument(recap, options)));
}

/** "Rekap KLA 2025 - Dinkes - Dinas Kesehatan.docx" */
export function agencyRecapFileName(recap: AgencyRecap, paper?: Paper): string {
  const abbreviation = recap.agency.abbreviation.trim();
  const name = abbreviation ? `${abbreviation} - ${recap.agency.name}` : recap.agency.name;
  return safeFileName(`Rekap KLA ${recap.year} - ${name}`, 'docx', paperSuffix(paper));
}
