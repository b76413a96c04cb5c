import { createBackend } from '../../src-main/core/backend';
import { CRASH_ENV } from '../../src-main/core/crash-point';
import { EVIDENCE_ATTACHES_IN_FLIGHT } from '../../shared/api/evidence';
import { groupFile } from './evidence-files';

// The child of tests/evidence/killed-attach*.test.ts, through the backend as the app does:
//   attach <dataDir> <meetingId> <base64>          one attach; RAKOR_CRASH_AT kills it at one step
//   groups <dataDir> <meetingId> <count> <step>    `count` attaches at once (committed as groups),
//                                                  then RAKOR_CRASH_AT=<step> and `count` more
//   stream <dataDir> <meetingId> <kilobytes>       attaches forever, EVIDENCE_ATTACHES_IN_FLIGHT at once,
//                                                  until the parent kills it
// groups and stream print "ok <name>" for each attach acknowledged (stdout to a pipe is
// synchronous on Linux: a printed line has left the process).

const [mode, dataDir, meetingId, arg, step] = process.argv.slice(2);
const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });

async function attach(name: string, bytes: Uint8Array): Promise<void> {
  const r = await backend.invoke('evidence.attach', { meetingId: Number(meetingId), fileName: name, bytes, evidenceDate: '2025-03-10' });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`ok ${name}\n`);
}

if (mode === 'attach') {
  const result = await backend.invoke('evidence.attach', { meetingId: Number(meetingId), fileName: 'foto.png', base64: arg, evidenceDate: '2025-03-10' });
  backend.close();
  process.stdout.write(JSON.stringify(result.ok ? { ok: true } : result.error));
  process.exit(result.ok ? 0 : 1);
}

if (mode === 'groups') {
  const count = Number(arg);
  const round = (r: number) => Promise.all(Array.from({ length: count }, (_, i) => attach(`foto-${r}-${i}.png`, groupFile(r, i))));
  await round(1);
  process.env[CRASH_ENV] = step;
  await round(2);
  backend.close();
  process.exit(0);
}

if (mode === 'stream') {
  process.stdout.write('ready\n');
  let n = 0;
  const lane = async () => {
    for (;;) {
      const i = n++;
      await attach(`foto-${i}.png`, groupFile(0, i, Number(arg) * 1024));
    }
  };
  await Promise.all(Array.from({ length: EVIDENCE_ATTACHES_IN_FLIGHT }, lane));
}
