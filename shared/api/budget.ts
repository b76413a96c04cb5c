import { z } from 'zod';
import { op } from './define';
import { byId, id, LIMITS, sen, year } from '../schemas/common';
import { t } from '../messages';
import { patchText } from './meeting';
import type { BudgetLine } from '../meeting';

/** Nomenclature code urusan.bidang.program.kegiatan.sub-kegiatan, e.g. 2.08.06.2.01.0001. */
export const subActivityCode = z
  .string()
  .trim()
  .max(40, { error: t('field.subActivityCode') })
  .refine((v) => v === '' || /^[0-9X]+(\.[0-9X]+)*$/i.test(v), { error: t('field.subActivityCode') });

const budgetFields = {
  agencyId: id,
  indicatorId: id.nullable(),
  meetingId: id.nullable(),
  subActivityCode,
  activityName: patchText(LIMITS.line),
  fundingSource: patchText(100),
  fiscalYear: year,
  allocationSen: sen,
  realizationSen: sen,
  childResponsive: z.boolean(),
};

export const budgetOps = {
  'budget.list': op<BudgetLine[]>()(
    z.strictObject({ meetingId: id.optional(), indicatorId: id.optional(), agencyId: id.optional(), fiscalYear: year.optional() }),
  ),
  'budget.create': op<BudgetLine>()(
    z.strictObject({
      ...budgetFields,
      indicatorId: budgetFields.indicatorId.default(null),
      meetingId: budgetFields.meetingId.default(null),
      subActivityCode: subActivityCode.default(''),
      activityName: budgetFields.activityName.default(''),
      fundingSource: budgetFields.fundingSource.default(''),
      realizationSen: sen.default(0),
      childResponsive: z.boolean().default(true),
    }),
  ),
  'budget.update': op<BudgetLine>()(
    z.strictObject({
      id,
      agencyId: id.optional(),
      indicatorId: id.nullable().optional(),
      subActivityCode: subActivityCode.optional(),
      activityName: budgetFields.activityName.optional(),
      fundingSource: budgetFields.fundingSource.optional(),
      fiscalYear: year.optional(),
      allocationSen: sen.optional(),
      realizationSen: sen.optional(),
      childResponsive: z.boolean().optional(),
    }),
  ),
  'budget.delete': op<{ id: number }>()(byId),
};
