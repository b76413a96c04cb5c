import type { TableBlock, TableCell } from '../../../shared/document';
import { formatNumber, formatPercent, formatRupiah } from '../../../shared/format';
import type { MinutesBudgetLine } from './minutes-data';
import { dataTable, type Column } from './columns';

// Lampiran III: the budget per agency (pagu, realisasi, % serapan, sumber dana) with totals,
// then the lines behind it. Sums stay in integer sen, so totals are exact to the sen.

export interface AgencyBudget {
  agency: string;
  lines: number;
  allocationSen: number;
  realizationSen: number;
  sources: string[];
}

export function budgetByAgency(lines: readonly MinutesBudgetLine[]): AgencyBudget[] {
  const groups = Map.groupBy(lines, (l) => l.agencyFullName);
  return [...groups.entries()].map(([agency, ls]) => ({
    agency,
    lines: ls.length,
    allocationSen: ls.reduce((s, l) => s + l.allocationSen, 0),
    realizationSen: ls.reduce((s, l) => s + l.realizationSen, 0),
    sources: [...new Set(ls.map((l) => l.fundingSource.trim()).filter((s) => s !== ''))],
  }));
}

export function absorption(allocationSen: number, realizationSen: number): string {
  return allocationSen > 0 ? formatPercent(realizationSen / allocationSen) : '';
}

const SUMMARY_COLUMNS: Column[] = [
  { header: 'No', weight: 4, align: 'center' },
  { header: 'Instansi', weight: 28 },
  { header: 'Jumlah kegiatan', weight: 8, align: 'center' },
  { header: 'Pagu', weight: 16, align: 'right' },
  { header: 'Realisasi', weight: 16, align: 'right' },
  { header: '% Serapan', weight: 8, align: 'right' },
  { header: 'Sumber dana', weight: 20 },
];

const DETAIL_COLUMNS: Column[] = [
  { header: 'No', weight: 4, align: 'center' },
  { header: 'Instansi', weight: 10 },
  { header: 'Kode sub kegiatan', weight: 13 },
  { header: 'Kegiatan / sub kegiatan', weight: 23 },
  { header: 'Sumber dana', weight: 10 },
  { header: 'Pagu', weight: 16, align: 'right' },
  { header: 'Realisasi', weight: 16, align: 'right' },
  { header: '% Serapan', weight: 8, align: 'right' },
];

export function budgetSummary(lines: readonly MinutesBudgetLine[], width: number, size: number): TableBlock {
  const groups = budgetByAgency(lines);
  const total = {
    allocation: groups.reduce((s, g) => s + g.allocationSen, 0),
    realization: groups.reduce((s, g) => s + g.realizationSen, 0),
  };
  const rows = groups.map((g, i) => [
    String(i + 1),
    g.agency,
    formatNumber(g.lines),
    formatRupiah(g.allocationSen),
    formatRupiah(g.realizationSen),
    absorption(g.allocationSen, g.realizationSen),
    g.sources.join(', '),
  ]);
  const totalRow: TableCell[] = [null, 'JUMLAH', formatNumber(lines.length), formatRupiah(total.allocation), formatRupiah(total.realization), absorption(total.allocation, total.realization), null];
  const all: TableCell[][] = [...rows, totalRow];
  return dataTable(SUMMARY_COLUMNS, all, width, size, { boldRows: [all.length - 1] });
}

export function budgetDetail(lines: readonly MinutesBudgetLine[], width: number, size: number): TableBlock {
  return dataTable(
    DETAIL_COLUMNS,
    lines.map((l, i) => [
      String(i + 1),
      l.agency,
      l.subActivityCode,
      l.activityName,
      l.fundingSource,
      formatRupiah(l.allocationSen),
      formatRupiah(l.realizationSen),
      absorption(l.allocationSen, l.realizationSen),
    ]),
    width,
    size,
  );
}
