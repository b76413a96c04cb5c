import { stopwatch } from './lap';
import { createBackend } from '../../src-main/core/backend';

// One cold start in its own process, bundled like the Electron main process: the same
// start-up path as main.ts (lock, interrupted-restore check, leftovers, read-only health
// probe, migrations), then the first queries of the screens: the meeting list and the newest
// meeting. Prints one JSON line of milliseconds.

const watch = stopwatch();
const dataDir = process.argv[2];
const backend = createBackend({ dataDir, runtime: 'electron', autoBackup: true, log: () => undefined });
const open = watch.lap();
const list = await backend.invoke('meeting.list', {});
if (!list.ok) throw new Error(list.error.message);
const listMs = watch.lap();
const got = await backend.invoke('meeting.get', { id: (list.data as { id: number }[])[0].id });
if (!got.ok) throw new Error(got.error.message);
const getMs = watch.lap();
backend.close();
watch.report({ open, listMs, getMs });
