import type { DocModel } from '../../../shared/document';
import type { Paper } from '../../../shared/types';
import { formatLongDate, formatTimeRange } from '../../../shared/format';
import type { MinutesData } from './minutes-data';
import { letterheadModel } from './letterhead';
import { lampiranTitle } from './lampiran-heading';
import { attendanceTable, columnChoice } from './lampiran-attendance';
import { textWidth } from './page-setup';
import { docStyle } from './style';
import { renderDocx } from './docx-render';
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

export function attendanceSheetModel(data: MinutesData, options: AttendanceSheetOptions = {}): DocModel {
  const style = docStyle(data.profile, options.paper);
  const width = textWidth(style.paper);
  const { meeting } = data;
  const when = `${formatLongDate(meeting.date)}, pukul ${formatTimeRange(meeting.startTime, meeting.endTime, meeting.timeZone)}`;
  return {
    paper: style.paper,
    font: style.font,
    size: style.size,
    title: cleanText(`Daftar Hadir ${meeting.title}`),
    letterhead: letterheadModel(data.profile, width, style.size),
    sections: [
      {
        orientation: 'portrait',
        blocks: [
          ...lampiranTitle(['DAFTAR HADIR', cleanText(meeting.title).trim(), when, ...(meeting.place.trim() ? [`Tempat: ${cleanText(meeting.place).trim()}`] : [])], style.size),
          attendanceTable({ blank: options.rows ?? defaultBlankRows(data.invitedAgencies) }, width, style.tableSize, columnChoice(data.profile)),
        ],
      },
    ],
  };
}

export async function renderAttendanceSheet(data: MinutesData, options: AttendanceSheetOptions = {}): Promise<Uint8Array> {
  return renderDocx(attendanceSheetModel(data, options));
}
