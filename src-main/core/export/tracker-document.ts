import type { DocModel } from '../../../shared/document';
import type { Paper, RegionProfile } from '../../../shared/types';
import type { TrackerRow } from '../../../shared/tracker';
import { formatDate, formatLongDate } from '../../../shared/format';
import { REGION_TYPE_LABEL } from '../../../shared/api/region-profile';
import { letterheadModel } from './letterhead';
import { lampiranTitle } from './lampiran-heading';
import { RTL_COLUMNS, rtlCells } from './lampiran-rtl';
import { STATUS_LABEL } from './labels';
import { textWidth } from './page-setup';
import { docStyle, smallTableSize } from './style';
import { wordFittingTable, type Column } from './columns';
import { renderDocx } from './docx-render';
import { cleanText } from './text';

// The tracker's filtered list as a Word matrix (export.tracker, format docx): the kop surat, a
// title naming the filters and the day it was taken, then the notulen's RTL matrix with the
// origin meeting as second column; status "Terlambat" under the status of an overdue row, and
// the keterangan of the latest follow-up (with its date) where there is one.

/** No, Rapat asal (title and date), then the notulen's columns after its No. */
const TRACKER_COLUMNS: readonly Column[] = [RTL_COLUMNS[0], { header: 'Rapat asal', weight: 11 }, ...RTL_COLUMNS.slice(1)];

export interface TrackerDocument {
  profile: RegionProfile;
  rows: TrackerRow[];
  /** The filters in words (tracker/filter-text.ts). */
  filterText: string;
  /** Today in the region's zone: the statuses are those of this day. */
  today: string;
  paper?: Paper;
}

function keterangan(r: TrackerRow): string {
  if (r.lastUpdateDate === null) return r.notes;
  const latest = `${formatDate(r.lastUpdateDate)}: ${r.lastUpdateNotes || STATUS_LABEL[r.status]}`;
  return r.notes ? `${r.notes}\n${latest}` : latest;
}

export function trackerDocument(doc: TrackerDocument): DocModel {
  const style = docStyle(doc.profile, doc.paper);
  const width = textWidth(style.paper, 'landscape');
  const size = smallTableSize(style);
  const region = doc.profile.regionName ? `${REGION_TYPE_LABEL[doc.profile.regionType]} ${doc.profile.regionName}` : '';
  const rows = doc.rows.map((r, i) => {
    const cells = rtlCells(
      {
        clusterCode: r.clusterCode, indicatorNumber: r.indicatorNumber, indicatorName: r.indicatorName, problem: r.problem,
        description: r.description, leadAgency: r.leadAgencyName ?? '', relatedAgencies: r.relatedAgencyNames,
        targetDate: r.targetDate, fundingSource: r.fundingSource, status: r.status, notes: keterangan(r),
      },
      i,
      r.overdue ? `${STATUS_LABEL[r.status]}\nTerlambat` : STATUS_LABEL[r.status],
    );
    return [cells[0], `${r.meetingTitle}\n${formatDate(r.meetingDate)}`, ...cells.slice(1)];
  });
  return {
    paper: style.paper,
    font: style.font,
    size: style.size,
    title: 'Matriks Rencana Tindak Lanjut',
    letterhead: letterheadModel(doc.profile, width, style.size),
    sections: [{
      orientation: 'landscape',
      blocks: [
        ...lampiranTitle([
          'MATRIKS RENCANA TINDAK LANJUT (RTL) GUGUS TUGAS KLA',
          ...(region ? [region.toUpperCase()] : []),
          cleanText(doc.filterText),
          `Keadaan per ${formatLongDate(doc.today)} · ${doc.rows.length} RTL`,
        ], style.size),
        wordFittingTable(TRACKER_COLUMNS, rows, width, size),
      ],
    }],
  };
}

export async function renderTrackerDocument(doc: TrackerDocument): Promise<Uint8Array> {
  return renderDocx(trackerDocument(doc));
}
