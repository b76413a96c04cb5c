import { createBackend } from '../../src-main/core/backend';

// The child of tests/backup-crash.test.ts: `restore <dataDir> <zip>` or `backup <dataDir>`
// through the backend, as the app does. RAKOR_CRASH_AT makes it kill itself at one step.

const [command, dataDir, file] = process.argv.slice(2);
const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
const result = command === 'restore' ? await backend.invoke('backup.restore', { file }) : await backend.invoke('backup.create', {});
backend.close();
process.stdout.write(JSON.stringify(result.ok ? { ok: true } : result.error));
process.exit(result.ok ? 0 : 1);
