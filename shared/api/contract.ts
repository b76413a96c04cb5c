import type { z } from 'zod';
import type { OpDef } from './define';
import { systemOps } from './system';
import { regionProfileOps } from './region-profile';
import { referenceOps } from './reference';
import { agencyOps } from './agency';
import { agencyGroupOps } from './agency-group';
import { meetingOps } from './meeting';
import { agendaItemOps } from './agenda-item';
import { attendanceOps } from './attendance';
import { indicatorReviewOps } from './indicator-review';
import { assignmentOps } from './assignment';
import { budgetLineOps, budgetRecapOps } from './budget-line';
import { actionItemOps } from './action-item';
import { followUpOps } from './follow-up';
import { decisionOps } from './decision';
import { backupOps } from './backup';
import { exportOps } from './export';
import { trashOps } from './trash';
import { scoreOps } from './score';
import { evidenceOps } from './evidence';
import { rakorYearOps } from './rakor-year';
import { dashboardOps } from './dashboard';
import { boardOps } from './board';
import { agencyRecapOps } from './agency-recap';

// THE list of operations. Main registers exactly these handlers, the preload forwards only
// invoke(name, input), and the renderer's client is typed from it. A feature declares its ops
// in its own file (named after the domain concept, see docs/architecture.md) and adds one
// spread here.
export const contract = {
  ...systemOps,
  ...regionProfileOps,
  ...referenceOps,
  ...agencyOps,
  ...agencyGroupOps,
  ...meetingOps,
  ...agendaItemOps,
  ...attendanceOps,
  ...indicatorReviewOps,
  ...assignmentOps,
  ...budgetLineOps,
  ...budgetRecapOps,
  ...actionItemOps,
  ...followUpOps,
  ...decisionOps,
  ...backupOps,
  ...exportOps,
  ...trashOps,
  ...scoreOps,
  ...evidenceOps,
  ...rakorYearOps,
  ...dashboardOps,
  ...boardOps,
  ...agencyRecapOps,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type OpInput<N extends OpName> = z.input<Contract[N]['input']>;
/** What a handler receives (validated, defaults applied). */
export type OpParsed<N extends OpName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OpName> = Contract[N] extends OpDef<z.ZodType, infer O> ? O : never;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** True for an operation that only reads (declared with `query` in its feature's file). */
export function isReadOp(name: OpName): boolean {
  return contract[name].reads;
}
