import { Document, Packer, type ISectionOptions } from 'docx';
import type { Paper } from '../../../shared/types';
import { formatLongDate, formatTimeRange } from '../../../shared/format';
import type { MinutesData } from './minutes-data';
import { letterheadHeader } from './letterhead';
import { lampiranTitle } from './lampiran-heading';
import { attendanceTable, columnChoice } from './lampiran-attendance';
import { pageNumberHeader, pageProperties, textWidth } from './page-setup';
import { DOC_AUTHOR, defaultStyle, docStyle } from './style';
import { tableParagraphStyles } from './tables';
import { cleanText } from './text';

// The blank daftar hadir printed before the rakor: kop surat, title, date, time and place, then
// empty numbered rows that the participants sign in ink.

export const DEFAULT_BLANK_ROWS = 40;
/** Rows beyond one per invited agency: agencies often send two people, guests come unannounced. */
const SPARE_ROWS = 10;

/** Rows when none were asked for: at least 40, and every invited agency plus some spare. */
export function defaultBlankRows(invitedAgencies: number): number {
  return Math.max(DEFAULT_BLANK_ROWS, invitedAgencies + SPARE_ROWS);
}

export interface AttendanceSheetOptions {
  paper?: Paper;
  rows?: number;
}

export function attendanceSheetDocument(data: MinutesData, options: AttendanceSheetOptions = {}): Document {
  const style = docStyle(data.profile, options.paper);
  const width = textWidth(style.paper);
  const { meeting } = data;
  const when = `${formatLongDate(meeting.date)}, pukul ${formatTimeRange(meeting.startTime, meeting.endTime, meeting.timeZone)}`;
  const main: ISectionOptions = {
    properties: { titlePage: true, page: pageProperties(style.paper, 'portrait') },
    headers: { first: letterheadHeader(data.profile, width, style.size), default: pageNumberHeader(style.size) },
    children: [
      ...lampiranTitle(['DAFTAR HADIR', cleanText(meeting.title).trim(), when, ...(meeting.place.trim() ? [`Tempat: ${cleanText(meeting.place).trim()}`] : [])], style.size),
      attendanceTable({ blank: options.rows ?? defaultBlankRows(data.invitedAgencies) }, width, style.tableSize, columnChoice(data.profile)),
    ],
  };
  return new Document({
    ...DOC_AUTHOR,
    title: cleanText(`Daftar Hadir ${meeting.title}`),
    styles: { default: defaultStyle(style), paragraphStyles: tableParagraphStyles([style.tableSize]) },
    sections: [main],
  });
}

export async function renderAttendanceSheet(data: MinutesData, options: AttendanceSheetOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(attendanceSheetDocument(data, options)));
}
