import { createBackend } from '../../src-main/core/backend';

// The child of tests/crash.test.ts. `crash-writer <mode> <dataDir> [zip]` runs until it is
// killed with SIGKILL, printing what was acknowledged only after the call returned (stdout to
// a pipe is synchronous on Linux, so a printed line has left the process):
//   write    agencies and meetings: "a <id> <name>", "m <id> <title> <notes length>"
//   startup  the app's start-up and shutdown, over and over (lock, check, migrations)
//   backup   backups: "b <file>"
//   restore  restores of <zip>: "r"

const [mode, dataDir, zip] = process.argv.slice(2);

function start() {
  return createBackend({ dataDir, runtime: 'cli', log: () => undefined });
}

if (mode === 'startup') {
  process.stdout.write('ready\n');
  for (;;) start().close();
}

// The kill timer starts once the app is up, so the kills land among the writes.
const backend = start();
process.stdout.write('ready\n');

if (mode === 'backup') {
  for (;;) {
    const r = await backend.invoke('backup.create', {});
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`b ${(r.data as { file: string }).file}\n`);
  }
}

if (mode === 'restore') {
  for (;;) {
    const r = await backend.invoke('backup.restore', { file: zip });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write('r\n');
  }
}

const insertMeeting = backend.db.prepare(
  `INSERT INTO meeting (title, date, start_time, time_zone, created_at, updated_at) VALUES (?, '2025-01-15', '09:00', 'WIB', ?, ?)`,
);
const insertItem = backend.db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`);
// A multi-row change: a meeting and its three agenda items land together or not at all.
const meetingWithAgenda = backend.db.transaction((title: string) => {
  const now = new Date().toISOString();
  const id = Number(insertMeeting.run(title, now, now).lastInsertRowid);
  for (let p = 1; p <= 3; p++) insertItem.run(id, p, `Acara ${p}`, `${title} `.repeat(20 * p));
  return id;
});

let n = 0;
for (;;) {
  n++;
  if (n % 2 === 0) {
    const name = `Media uji ${process.pid}-${n}`;
    const r = await backend.invoke('agency.create', { kind: 'mitra', partnerType: 'media', name });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`a ${(r.data as { id: number }).id} ${name}\n`);
  } else {
    const title = `Rakor uji ${process.pid}-${n}`;
    const id = meetingWithAgenda.immediate(title);
    process.stdout.write(`m ${id} ${title}\n`);
  }
}
