import type { budgetLineOps, budgetRecapOps } from '../../../shared/api/budget-line';
import type { OpParsed } from '../../../shared/api/contract';
import { asyncHandler, type CoreContext, type HandlersOf } from '../handler-types';
import { budgetRecap } from './recap';
import { exportBudgetRecap } from './recap-workbook';
import { createBudgetLine, deleteBudgetLine, listBudgetLines, updateBudgetLine } from './repository';

export function budgetLineHandlers({ db }: CoreContext): HandlersOf<typeof budgetLineOps & typeof budgetRecapOps> {
  return {
    'budgetLine.list': (filter) => listBudgetLines(db, filter),
    'budgetLine.create': (input) => createBudgetLine(db, input),
    'budgetLine.update': (input) => updateBudgetLine(db, input),
    'budgetLine.delete': ({ id, baseRevision }) => deleteBudgetLine(db, id, baseRevision),
    'budgetLine.recap': ({ fiscalYear }) => budgetRecap(db, fiscalYear),
    // The recap is read in one go before the workbook is packed (async).
    'budgetLine.exportRecap': asyncHandler(async ({ fiscalYear }: OpParsed<'budgetLine.exportRecap'>) => exportBudgetRecap(budgetRecap(db, fiscalYear))),
  };
}
