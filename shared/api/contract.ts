import type { z } from 'zod';
import type { OpDef } from './define';
import { systemOps } from './system';
import { profileOps } from './profile';
import { referenceOps } from './reference';
import { agencyOps } from './agency';
import { rakorOps } from './rakor';
import { backupOps } from './backup';
import { exportOps } from './export';

// THE list of operations. Main registers exactly these handlers, the preload forwards only
// invoke(name, input), and the renderer's client is typed from it. A feature adds its ops in
// its own file and one spread here.
export const contract = {
  ...systemOps,
  ...profileOps,
  ...referenceOps,
  ...agencyOps,
  ...rakorOps,
  ...backupOps,
  ...exportOps,
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
