import type { z } from 'zod';
import { AppError } from '../errors';
import { t } from '../messages';
import { contract, isOpName, type OpName, type OpParsed } from './contract';

/** Turns zod's issues into field errors with Indonesian messages. */
export function fieldErrorsOf(error: z.ZodError) {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path, message: t('field.unknown', { name: issue.keys.join(', ') }) };
    }
    return { path, message: issue.message };
  });
}

/** Validates an operation's input at the boundary. Throws AppError; never returns bad data. */
export function parseInput<N extends OpName>(name: N | string, input: unknown): OpParsed<N> {
  if (!isOpName(name)) throw AppError.of('UNKNOWN_OPERATION', 'error.unknownOperation');
  // Only a missing input means "no fields"; an explicit null is malformed like any non-object.
  const result = contract[name].input.safeParse(input === undefined ? {} : input);
  if (!result.success) {
    throw new AppError('VALIDATION', t('error.validation'), fieldErrorsOf(result.error));
  }
  return result.data as OpParsed<N>;
}
