import { createBackend } from '../../src-main/core/backend';

// The child of tests/crash.test.ts: writes in a loop and prints each id only after the write
// was acknowledged (the commit returned), until it is killed with SIGKILL.
// stdout to a pipe is synchronous on Linux, so a printed id has left the process.

const dataDir = process.argv[2];
const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
const insertMeeting = backend.db.prepare(
  `INSERT INTO meeting (title, date, start_time, time_zone, created_at, updated_at) VALUES (?, '2025-01-15', '09:00', 'WIB', ?, ?)`,
);
const insertItem = backend.db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`);
// A multi-row change: a meeting and its three agenda items land together or not at all.
const meetingWithAgenda = backend.db.transaction((n: number) => {
  const now = new Date().toISOString();
  const id = Number(insertMeeting.run(`Rakor uji ${n}`, now, now).lastInsertRowid);
  for (let p = 1; p <= 3; p++) insertItem.run(id, p, `Acara ${p}`, 'x'.repeat(200 * p));
  return id;
});

process.stdout.write('ready\n');
let n = 0;
for (;;) {
  n++;
  if (n % 2 === 0) {
    const r = await backend.invoke('agency.create', { kind: 'mitra', partnerType: 'media', name: `Media uji ${process.pid}-${n}` });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`a ${(r.data as { id: number }).id}\n`);
  } else {
    const id = meetingWithAgenda.immediate(n);
    process.stdout.write(`m ${id}\n`);
  }
}
