import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { createBackend, type Backend } from '../core/backend';

// Commands that only read (check, exports, listings) go through the same backend as the app,
// opened read-only: no lock taken from a running app, no migration, no write possible.

export type CliCall = <N extends OpName>(name: N, input: OpInput<N>) => Promise<OpOutput<N>>;

/** Runs `fn` against a read-only backend on the data folder, closed afterwards. */
export async function withReader<T>(dataDir: string, fn: (call: CliCall, backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ dataDir, runtime: 'cli', readOnly: true });
  const call: CliCall = async (name, input) => {
    const result = await backend.invoke(name, input);
    if (result.ok) return result.data as OpOutput<typeof name>;
    // Field messages name the command's options ("--meeting: ...") rather than API paths.
    const details = (result.error.fields ?? []).map((f) => `  --${cliOption(f.path)}: ${f.message}`).join('\n');
    throw new AppError(result.error.code, details ? `${t('error.validation')}\n${details}` : result.error.message);
  };
  try {
    return await fn(call, backend);
  } finally {
    backend.close();
  }
}

const OPTION_OF_FIELD: Record<string, string> = { meetingId: 'meeting' };

function cliOption(path: string): string {
  const field = path.split('.')[0];
  return OPTION_OF_FIELD[field] ?? field;
}
