import { createBackend, type Backend } from '../../src-main/core/backend';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/errors';
import { tempDataDir } from './web-runtime';
import { strictLog } from './strict-log';
import { withCurrentRevision } from './revision';

/** A real backend on a fresh SQLite file, for service-level tests. */
export function testBackend(): Backend {
  return createBackend({ dataDir: tempDataDir('rakor-svc-'), runtime: 'cli', log: strictLog() });
}

/** Calls an operation and returns its data, failing the test with the core's message if refused. */
export async function ok<N extends OpName>(backend: Backend, name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const result = await backend.invoke(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.data as OpOutput<N>;
}

/** An edit based on the row as stored now (see revision.ts). */
export async function edit<N extends OpName>(backend: Backend, name: N, input: Omit<OpInput<N>, 'baseRevision'> & { baseRevision?: number }): Promise<OpOutput<N>> {
  const result = await backend.invoke(name, withCurrentRevision(backend.db, name, input));
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.data as OpOutput<N>;
}

/** Calls an operation that must be refused, and returns the error (an edit is based on the row as stored now). */
export async function refused(backend: Backend, name: string, input: unknown): Promise<ApiError> {
  const result = await backend.invoke(name, withCurrentRevision(backend.db, name, input));
  if (result.ok) throw new Error(`${name} was accepted: ${JSON.stringify(result.data)}`);
  return result.error;
}
