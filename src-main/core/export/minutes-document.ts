import { Document, Packer, SectionType, type ISectionOptions } from 'docx';
import type { Paper } from '../../../shared/types';
import { clusterLabel } from '../../../shared/kla';
import { formatLongDate } from '../../../shared/format';
import type { MinutesData } from './minutes-data';
import { letterheadHeader } from './letterhead';
import { meetingInfoTable, titleParagraphs } from './meeting-info';
import { closingSection, minutesBody, SECTION_INDENT } from './minutes-body';
import { closingWithSignatures } from './signatures';
import { lampiranHeading, lampiranTitle } from './lampiran-heading';
import { attendanceTable, columnChoice } from './lampiran-attendance';
import { rtlMatrix } from './lampiran-rtl';
import { budgetDetail, budgetSummary } from './lampiran-budget';
import { pageNumberHeader, pageProperties, textWidth, type Orientation } from './page-setup';
import { ROMAN, type LampiranCode } from './labels';
import { DOC_AUTHOR, defaultStyle, docStyle, smallTableSize, type DocStyle } from './style';
import { tableParagraphStyles } from './tables';
import { cleanText } from './text';

// Assembles the notulen: the main section (kop surat in the first-page header, label table,
// body, signatures), then one section per chosen lampiran, each starting on a new page with its
// own heading. Page numbers ("- 2 -", top centre) run on through all sections; the kop page has
// none. There are no footers.

export interface MinutesOptions {
  paper?: Paper;
  lampiran?: readonly LampiranCode[];
}

function section(style: DocStyle, orientation: Orientation, children: ISectionOptions['children'], extra: Partial<ISectionOptions> = {}): ISectionOptions {
  return {
    properties: { type: SectionType.NEXT_PAGE, page: pageProperties(style.paper, orientation) },
    headers: { default: pageNumberHeader(style.size) },
    children,
    ...extra,
  };
}

function lampiranSections(data: MinutesData, style: DocStyle, chosen: readonly LampiranCode[]): ISectionOptions[] {
  const { meeting } = data;
  const heading = (code: LampiranCode, orientation: Orientation) => lampiranHeading(code, meeting.title, meeting.date, textWidth(style.paper, orientation));
  const subtitle = [cleanText(meeting.title).trim(), `${formatLongDate(meeting.date)}${meeting.place ? `, ${cleanText(meeting.place).trim()}` : ''}`];
  const out: ISectionOptions[] = [];
  // Always in I, II, III order, whatever order the caller listed them in.
  for (const code of ROMAN.filter((c) => chosen.includes(c))) {
    if (code === 'I') {
      out.push(section(style, 'portrait', [
        ...heading('I', 'portrait'),
        ...lampiranTitle(['DAFTAR HADIR', ...subtitle], style.size),
        attendanceTable(data.attendees, textWidth(style.paper), style.tableSize, columnChoice(data.profile)),
      ]));
    } else if (code === 'II') {
      out.push(section(style, 'landscape', [
        ...heading('II', 'landscape'),
        ...lampiranTitle(['MATRIKS RENCANA TINDAK LANJUT', ...subtitle], style.size),
        rtlMatrix(data.actions, textWidth(style.paper, 'landscape'), smallTableSize(style)),
      ]));
    } else {
      const width = textWidth(style.paper, 'landscape');
      const size = smallTableSize(style);
      out.push(section(style, 'landscape', [
        ...heading('III', 'landscape'),
        ...lampiranTitle(['REKAPITULASI ANGGARAN PER INSTANSI', ...subtitle], style.size),
        budgetSummary(data.budget, width, size),
        ...(data.budget.length > 0
          ? [...lampiranTitle(['RINCIAN KEGIATAN DAN ANGGARAN'], style.size), budgetDetail(data.budget, width, size)]
          : []),
      ]));
    }
  }
  return out;
}

export function minutesDocument(data: MinutesData, options: MinutesOptions = {}): Document {
  const style = docStyle(data.profile, options.paper);
  const lampiran = options.lampiran ?? [];
  const width = textWidth(style.paper);
  const closing = closingSection(data);
  const main: ISectionOptions = {
    properties: {
      titlePage: true,
      page: pageProperties(style.paper, 'portrait'),
    },
    headers: { first: letterheadHeader(data.profile, width, style.size), default: pageNumberHeader(style.size) },
    children: [
      ...titleParagraphs(data, style),
      meetingInfoTable(data, width),
      ...minutesBody(data, { style, width, lampiran }),
      ...(closing.short ? [] : closing.paragraphs),
      closingWithSignatures({
        place: data.profile.signingPlace, date: data.meeting.date, chair: data.meeting.chair, notulis: data.meeting.notulis,
        width, indent: SECTION_INDENT, lead: closing.short ? closing.paragraphs : [],
      }),
    ],
  };
  const clusters = data.clusters.map((c) => clusterLabel(c.code)).join(', ');
  return new Document({
    ...DOC_AUTHOR,
    title: cleanText(`Notulen ${data.meeting.title}`),
    description: clusters ? cleanText(`Notulen rapat koordinasi Gugus Tugas KLA: ${clusters}`) : 'Notulen rapat koordinasi Gugus Tugas KLA',
    styles: {
      default: defaultStyle(style),
      paragraphStyles: tableParagraphStyles([style.tableSize, smallTableSize(style)]),
    },
    sections: [main, ...lampiranSections(data, style, lampiran)],
  });
}

export async function renderMinutes(data: MinutesData, options: MinutesOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(minutesDocument(data, options)));
}
