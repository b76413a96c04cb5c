import type { budgetOps } from '../../../shared/api/budget';
import type { CoreContext, HandlersOf } from '../handler-types';
import { createBudgetLine, deleteBudgetLine, listBudgetLines, updateBudgetLine } from './repository';

export function budgetHandlers({ db }: CoreContext): HandlersOf<typeof budgetOps> {
  return {
    'budget.list': (filter) => listBudgetLines(db, filter),
    'budget.create': (input) => createBudgetLine(db, input),
    'budget.update': (input) => updateBudgetLine(db, input),
    'budget.delete': ({ id }) => deleteBudgetLine(db, id),
  };
}
