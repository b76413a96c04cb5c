import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../src-main/core/backend';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/errors';
import { strictLog } from './strict-log';
import { withCurrentRevision } from './revision';

// A real backend on a real SQLite file in a fresh temp folder, and two ways to call it:
// `call` expects success, `fail` expects an error and returns it.

export interface TestBackend {
  backend: Backend;
  dir: string;
  call<N extends OpName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
  /** An edit based on the row as stored now (see revision.ts). */
  edit<N extends OpName>(name: N, input: Omit<OpInput<N>, 'baseRevision'> & { baseRevision?: number }): Promise<OpOutput<N>>;
  /** Expects a refusal; an edit without `baseRevision` is based on the row as stored now. */
  fail<N extends OpName>(name: N, input: unknown): Promise<ApiError>;
  close(): void;
}

export function openTestBackend(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-meeting-'))): TestBackend {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
  return {
    backend,
    dir,
    async call(name, input) {
      const result = await backend.invoke(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    async edit(name, input) {
      const result = await backend.invoke(name, withCurrentRevision(backend.db, name, input));
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    async fail(name, input) {
      const result = await backend.invoke(name, withCurrentRevision(backend.db, name, input));
      if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.data)}`);
      return result.error;
    },
    close() {
      backend.close();
    },
  };
}

export async function agencyId(t: TestBackend, abbreviation: string): Promise<number> {
  const found = (await t.call('agency.list', { search: abbreviation })).find((a) => a.abbreviation === abbreviation);
  if (!found) throw new Error(`no agency ${abbreviation}`);
  return found.id;
}

/** A Klaster III meeting and its indicators, the usual subject of the feature tests. */
export async function klasterIII(t: TestBackend, date = '2025-03-10', title = 'Rakor Klaster III') {
  const m = await t.call('meeting.create', { title, clusterCodes: ['III'], date, startTime: '09:00' });
  const ws = await t.call('meeting.get', { id: m.id });
  return { meeting: m, indicators: ws.clusters[0].indicators };
}
