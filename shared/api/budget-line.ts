import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, deleteById, id, LIMITS, patchOf, patchText, requestId, sen, year } from '../schemas/common';
import { t } from '../messages';
import type { BudgetLine, Deleted } from '../meeting';
import type { ExportedFile } from './export';

/** Nomenclature code urusan.bidang.program.kegiatan.sub-kegiatan, e.g. 2.08.06.2.01.0001. */
export const subActivityCode = z
  .string()
  .trim()
  .max(40, { error: t('field.subActivityCode') })
  .refine((v) => v === '' || /^[0-9X]+(\.[0-9X]+)*$/i.test(v), { error: t('field.subActivityCode') });

/** A budget line's editable fields, with the defaults of a new one. Updates are patchOf(this). */
const budgetLineFields = z.strictObject({
  agencyId: id,
  indicatorId: id.nullable().default(null),
  subActivityCode: subActivityCode.default(''),
  activityName: patchText(LIMITS.line).default(''),
  fundingSource: patchText(100).default(''),
  fiscalYear: year,
  allocationSen: sen,
  realizationSen: sen.default(0),
  childResponsive: z.boolean().default(true),
});

export const budgetLineOps = {
  'budgetLine.list': query<BudgetLine[]>()(
    z.strictObject({ meetingId: id.optional(), indicatorId: id.optional(), agencyId: id.optional(), fiscalYear: year.optional() }),
  ),
  /** meetingId: the rakor where the line was entered (null for lines entered outside a meeting). */
  'budgetLine.create': op<BudgetLine>()(z.strictObject({ ...budgetLineFields.shape, meetingId: id.nullable().default(null), requestId })),
  'budgetLine.update': op<BudgetLine>()(z.strictObject({ id, baseRevision, ...patchOf(budgetLineFields).shape })),
  'budgetLine.delete': op<Deleted>()(deleteById),
};

/** One line of the budget recap: sums in sen and the share spent (null when nothing allocated). */
export interface BudgetRecapRow {
  key: string;
  label: string;
  lines: number;
  allocationSen: number;
  realizationSen: number;
  absorption: number | null;
}

export interface BudgetRecap {
  /** null: all years. */
  fiscalYear: number | null;
  total: BudgetRecapRow;
  byCluster: BudgetRecapRow[];
  /** Every active agency (with zeros when it has no line) and any inactive one that has lines. */
  byAgency: BudgetRecapRow[];
  bySource: BudgetRecapRow[];
  byYear: BudgetRecapRow[];
}

const recapFilter = z.strictObject({ fiscalYear: year.optional() });

export const budgetRecapOps = {
  /** Rekap anggaran: pagu, realisasi and % serapan by klaster, instansi, sumber dana and tahun. */
  'budgetLine.recap': query<BudgetRecap>()(recapFilter),
  /** The same recap as .xlsx with real numbers (Rp and % formats), one sheet per grouping. */
  'budgetLine.exportRecap': query<ExportedFile>()(recapFilter),
};
