import type { budgetLineOps } from '../../../shared/api/budget-line';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createBudgetLine, deleteBudgetLine, listBudgetLines, updateBudgetLine } from './repository';

export function budgetLineHandlers({ db }: CoreContext): HandlersOf<typeof budgetLineOps> {
  return {
    'budgetLine.list': (filter) => listBudgetLines(db, filter),
    'budgetLine.create': (input) => createBudgetLine(db, input),
    'budgetLine.update': (input) => updateBudgetLine(db, input),
    'budgetLine.delete': ({ id, baseRevision }) => deleteBudgetLine(db, id, baseRevision),
  };
}
