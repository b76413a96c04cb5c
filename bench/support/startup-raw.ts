import Database from 'better-sqlite3';
import path from 'node:path';
import { stopwatch } from './lap';

// The baseline for bench/startup.ts: a cold process that only opens the file with
// better-sqlite3 and runs SELECTs equivalent to the first screens' queries. Nothing else loaded.

const watch = stopwatch();
const db = new Database(path.join(process.argv[2], 'rakor-kla.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const open = watch.lap();
const rows = db
  .prepare(`SELECT m.*, group_concat(c.code) AS clusters FROM meeting m JOIN meeting_cluster mc ON mc.meeting_id = m.id JOIN cluster c ON c.id = mc.cluster_id GROUP BY m.id ORDER BY m.date DESC`)
  .all() as { id: number }[];
const listMs = watch.lap();
const id = rows[0].id;
db.prepare(`SELECT * FROM meeting WHERE id = ?`).get(id);
for (const table of ['agenda_item', 'attendance', 'indicator_review', 'budget_line', 'action_item', 'decision']) db.prepare(`SELECT * FROM ${table} WHERE meeting_id = ?`).all(id);
const getMs = watch.lap();
db.close();
watch.report({ open, listMs, getMs });
