import type { TableBlock } from '../../../shared/document';
import type { MinutesActionItem } from './minutes-data';
import type { TableCell } from '../../../shared/document';
import { wordFittingTable, type Column } from './columns';
import { indicatorCell, joinAgencies, STATUS_LABEL, targetDateText } from './labels';

// Lampiran II: the full RTL matrix, ten columns, set on a landscape page to stay legible. The
// tracker's matrix (export.tracker) prints the same columns with the origin meeting added.

/** The matrix's columns; each is widened to the longest word of its cells (wordFittingTable). */
export const RTL_COLUMNS: readonly Column[] = [
  { header: 'No', weight: 4, align: 'center' },
  { header: 'Klaster/Indikator', weight: 13 },
  { header: 'Permasalahan', weight: 14 },
  { header: 'Uraian tindak lanjut', weight: 17 },
  { header: 'Penanggung jawab', weight: 10 },
  { header: 'Pihak terkait', weight: 11 },
  { header: 'Target waktu', weight: 9 },
  { header: 'Sumber anggaran', weight: 9 },
  { header: 'Status', weight: 7, align: 'center' },
  { header: 'Keterangan', weight: 10 },
];

/** The ten cells of one RTL row; `status` may carry more than the label (the tracker's "Terlambat"). */
export function rtlCells(a: MinutesActionItem, index: number, status: string = STATUS_LABEL[a.status]): TableCell[] {
  return [
    String(index + 1),
    indicatorCell(a.clusterCode, a.indicatorNumber, a.indicatorName),
    a.problem,
    a.description,
    a.leadAgency,
    joinAgencies(a.relatedAgencies),
    targetDateText(a.targetDate),
    a.fundingSource,
    status,
    a.notes,
  ];
}

export function rtlMatrix(actions: readonly MinutesActionItem[], width: number, size: number): TableBlock {
  const rows = actions.map((a, i) => rtlCells(a, i));
  return wordFittingTable(RTL_COLUMNS, rows, width, size);
}
