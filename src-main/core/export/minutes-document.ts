import type { DocModel, DocSection } from '../../../shared/document';
import type { Paper } from '../../../shared/types';
import { clusterLabel } from '../../../shared/kla';
import { formatLongDate } from '../../../shared/format';
import type { MinutesData } from './minutes-data';
import { letterheadModel } from './letterhead';
import { meetingInfoTable, titleParagraphs } from './meeting-info';
import { closingSection, minutesBody, SECTION_INDENT } from './minutes-body';
import { closingWithSignatures } from './signatures';
import { lampiranHeading, lampiranTitle } from './lampiran-heading';
import { attendanceTable, columnChoice } from './lampiran-attendance';
import { rtlMatrix } from './lampiran-rtl';
import { budgetDetail, budgetSummary } from './lampiran-budget';
import { documentationSection, type DocumentationPhoto } from './lampiran-documentation';
import { textWidth, type Orientation } from './page-setup';
import { ROMAN, type LampiranCode } from './labels';
import { docStyle, smallTableSize, type DocStyle } from './style';
import { renderDocx } from './docx-render';
import { cleanText } from './text';

// The notulen as a document model: the main section (kop surat on the first page, label table,
// body, signatures), then one section per chosen lampiran, each starting on a new page with its
// own heading. The Word writer (docx-render.ts) and the Pratinjau render this same model.

export interface MinutesOptions {
  paper?: Paper;
  lampiran?: readonly LampiranCode[];
  /**
   * The photos of data.documentation read from the store (documentationPhotos): the model stays
   * plain data, the caller owns the file access. Absent or empty: no Lampiran Dokumentasi.
   */
  photos?: readonly DocumentationPhoto[];
}

function lampiranSections(data: MinutesData, style: DocStyle, chosen: readonly LampiranCode[], photos: readonly DocumentationPhoto[]): DocSection[] {
  const { meeting } = data;
  const heading = (code: LampiranCode, orientation: Orientation) => lampiranHeading(code, meeting.title, meeting.date, textWidth(style.paper, orientation));
  const subtitle = [cleanText(meeting.title).trim(), `${formatLongDate(meeting.date)}${meeting.place ? `, ${cleanText(meeting.place).trim()}` : ''}`];
  const out: DocSection[] = [];
  // Always in I, II, III order, whatever order the caller listed them in.
  for (const code of ROMAN.filter((c) => chosen.includes(c))) {
    if (code === 'I') {
      out.push({ orientation: 'portrait', blocks: [
        ...heading('I', 'portrait'),
        ...lampiranTitle(['DAFTAR HADIR', ...subtitle], style.size),
        attendanceTable(data.attendees, textWidth(style.paper), style.tableSize, columnChoice(data.profile)),
      ] });
    } else if (code === 'II') {
      out.push({ orientation: 'landscape', blocks: [
        ...heading('II', 'landscape'),
        ...lampiranTitle(['MATRIKS RENCANA TINDAK LANJUT', ...subtitle], style.size),
        rtlMatrix(data.actions, textWidth(style.paper, 'landscape'), smallTableSize(style)),
      ] });
    } else if (code === 'IV') {
      out.push(documentationSection(photos, { code: 'IV', meetingTitle: meeting.title, date: meeting.date, paper: style.paper, size: style.size }));
    } else {
      const width = textWidth(style.paper, 'landscape');
      const size = smallTableSize(style);
      out.push({ orientation: 'landscape', blocks: [
        ...heading('III', 'landscape'),
        ...lampiranTitle(['REKAPITULASI ANGGARAN PER INSTANSI', ...subtitle], style.size),
        budgetSummary(data.budget, width, size),
        ...(data.budget.length > 0
          ? [...lampiranTitle(['RINCIAN KEGIATAN DAN ANGGARAN'], style.size), budgetDetail(data.budget, width, size)]
          : []),
      ] });
    }
  }
  return out;
}

export function minutesModel(data: MinutesData, options: MinutesOptions = {}): DocModel {
  const style = docStyle(data.profile, options.paper);
  const photos = options.photos ?? [];
  // Lampiran IV exists only with photos to show: without them it is not printed nor mentioned.
  const lampiran = (options.lampiran ?? []).filter((code) => code !== 'IV' || photos.length > 0);
  const width = textWidth(style.paper);
  const closing = closingSection(data);
  const main: DocSection = {
    orientation: 'portrait',
    blocks: [
      ...titleParagraphs(data, style),
      meetingInfoTable(data, width),
      ...minutesBody(data, { style, width, lampiran }),
      ...(closing.short ? [] : closing.paragraphs),
      closingWithSignatures(data, SECTION_INDENT, closing.short ? closing.paragraphs : []),
    ],
  };
  const clusters = data.clusters.map((c) => clusterLabel(c.code)).join(', ');
  return {
    paper: style.paper,
    font: style.font,
    size: style.size,
    title: cleanText(`Notulen ${data.meeting.title}`),
    description: clusters ? cleanText(`Notulen rapat koordinasi Gugus Tugas KLA: ${clusters}`) : 'Notulen rapat koordinasi Gugus Tugas KLA',
    letterhead: letterheadModel(data.profile, width, style.size),
    sections: [main, ...lampiranSections(data, style, lampiran, photos)],
  };
}

export async function renderMinutes(data: MinutesData, options: MinutesOptions = {}): Promise<Uint8Array> {
  return renderDocx(minutesModel(data, options));
}
