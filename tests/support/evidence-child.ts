import { createBackend } from '../../src-main/core/backend';

// The child of tests/evidence/killed-attach.test.ts: `attach <dataDir> <meetingId> <base64>`
// through the backend, as the app does. RAKOR_CRASH_AT makes it kill itself at one step.

const [, dataDir, meetingId, base64] = process.argv.slice(2);
const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
const result = await backend.invoke('evidence.attach', { meetingId: Number(meetingId), fileName: 'foto.png', base64, evidenceDate: '2025-03-10' });
backend.close();
process.stdout.write(JSON.stringify(result.ok ? { ok: true } : result.error));
process.exit(result.ok ? 0 : 1);
