import type { rakorOps } from '../../../shared/api/rakor';
import type { CoreContext, HandlersOf } from '../handler-types';
import { meetingHandlers } from './handlers';
import { attendanceHandlers } from '../attendance/handlers';
import { reviewHandlers } from '../review/handlers';
import { assignmentHandlers } from '../assignment/handlers';
import { budgetHandlers } from '../budget/handlers';
import { actionHandlers } from '../action/handlers';
import { mastersHandlers } from '../reference/masters-handlers';

/** The handlers of every rakor operation (see shared/api/rakor.ts), spread once in buildHandlers. */
export function rakorHandlers(ctx: CoreContext): HandlersOf<typeof rakorOps> {
  return {
    ...meetingHandlers(ctx),
    ...attendanceHandlers(ctx),
    ...reviewHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...budgetHandlers(ctx),
    ...actionHandlers(ctx),
    ...mastersHandlers(ctx),
  };
}
