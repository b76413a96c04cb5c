import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { createBackend, type Backend } from '../core/backend';

// Commands that only read (check, exports, listings) go through the same backend as the app,
// opened read-only: no lock taken from a running app, no migration, no write possible. Commands
// that write (imports) open the normal backend, which takes the data-folder lock: a running app
// makes them stop with a plain message rather than write beside it.

export type CliCall = <N extends OpName>(name: N, input: OpInput<N>) => Promise<OpOutput<N>>;

/** Runs `fn` against a read-only backend on the data folder, closed afterwards. */
export async function withReader<T>(dataDir: string, fn: (call: CliCall, backend: Backend) => Promise<T>): Promise<T> {
  return withBackend(createBackend({ dataDir, runtime: 'cli', readOnly: true }), fn);
}

/** Runs `fn` against the writing backend (lock, migrations), closed afterwards. */
export async function withWriter<T>(dataDir: string, fn: (call: CliCall, backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ dataDir, runtime: 'cli' });
  if (backend.recoveryNeeded()) {
    backend.close();
    throw AppError.of('RECOVERY_NEEDED', 'error.recoveryNeeded');
  }
  return withBackend(backend, fn);
}

async function withBackend<T>(backend: Backend, fn: (call: CliCall, backend: Backend) => Promise<T>): Promise<T> {
  const call: CliCall = async (name, input) => {
    const result = await backend.invoke(name, input);
    if (result.ok) return result.data as OpOutput<typeof name>;
    // An uploaded file's messages already say where (row and column): printed as they are.
    // Other field messages name the command's options ("--meeting: ...") rather than API paths.
    const fields = result.error.fields ?? [];
    if (fields.length > 0 && fields.every((f) => f.path === 'base64')) {
      if (fields.length === 1) throw new AppError(result.error.code, fields[0].message);
      throw new AppError(result.error.code, [t('xlsx.notImported'), ...fields.map((f) => `  ${f.message}`)].join('\n'));
    }
    const details = fields.map((f) => `  --${cliOption(f.path)}: ${f.message}`).join('\n');
    throw new AppError(result.error.code, details ? `${t('error.validation')}\n${details}` : result.error.message);
  };
  try {
    return await fn(call, backend);
  } finally {
    backend.close();
  }
}

const OPTION_OF_FIELD: Record<string, string> = { meetingId: 'meeting', fiscalYear: 'tahun' };

function cliOption(path: string): string {
  const field = path.split('.')[0];
  return OPTION_OF_FIELD[field] ?? field;
}
