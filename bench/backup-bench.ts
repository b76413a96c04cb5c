import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { databasePath, openDatabase } from '../src-main/core/db/database';
import { openChecked } from '../src-main/core/db/open-checked';
import { createBackup, listBackups } from '../src-main/core/backup/backup';
import { installStaged, stageRestore } from '../src-main/core/backup/restore';
import { evidenceFiles } from '../src-main/core/evidence/file-store';
import { createBackend } from '../src-main/core/backend';

// `npx tsx bench/backup-bench.ts [meetings]`: builds a large regency database (many years of
// rakor with long notes), then times the start-up check, a backup, listing and a restore.
// `npx tsx bench/backup-bench.ts --evidence [GB]`: the evidence part (bench/backup-evidence.ts).
// Figures go into docs/performance.md, section "Cadangan".

if (process.argv[2] === '--evidence') {
  const { benchEvidence } = await import('./backup-evidence');
  await benchEvidence(Number(process.argv[3] ?? 2));
  process.exit(0);
}
const MEETINGS = Number(process.argv[2] ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-bench-cadangan-'));
const file = databasePath(dir);
const words = 'anak perlindungan pemenuhan hak klaster indikator capaian kendala rekomendasi dinas kecamatan desa layanan akta sekolah puskesmas'.split(' ');
const text = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ');
const ms = (t0: number) => Math.round(performance.now() - t0);

function generate() {
  const db = openDatabase(file);
  const now = new Date().toISOString();
  const agencies = (db.prepare(`SELECT id FROM agency`).all() as { id: number }[]).map((r) => r.id);
  const indicators = (db.prepare(`SELECT id FROM indicator`).all() as { id: number }[]).map((r) => r.id);
  const m = db.prepare(`INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, chair_name, opening_notes, closing_notes, created_at, updated_at) VALUES (?, ?, '09:00', '12:00', 'WIB', 'Aula', 'selesai', 'Ketua', ?, ?, ?, ?)`);
  const ag = db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`);
  const at = db.prepare(`INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, phone, created_at) VALUES (?, ?, ?, 'Kabid', ?, '081234567890', ?)`);
  const rv = db.prepare(`INSERT INTO indicator_review (meeting_id, indicator_id, achievement, score, is_weak, problem, recommendation) VALUES (?, ?, '85%', 40, 0, ?, ?)`);
  const ai = db.prepare(`INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2025-12-31', 'proses', ?, ?)`);
  const dc = db.prepare(`INSERT INTO decision (meeting_id, position, text) VALUES (?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < MEETINGS; i++) {
      const day = new Date(Date.UTC(2005, 0, 1) + i * 3 * 86400000).toISOString().slice(0, 10);
      const id = Number(m.run(`Rakor Gugus Tugas KLA ke-${i + 1}`, day, text(300, i), text(200, i + 1), now, now).lastInsertRowid);
      for (let p = 1; p <= 8; p++) ag.run(id, p, `Acara ${p}`, text(600, i + p));
      for (let p = 1; p <= 40; p++) at.run(id, p, `Peserta ${p}`, agencies[(i + p) % agencies.length], now);
      for (let p = 0; p < 24; p++) rv.run(id, indicators[p % indicators.length], text(40, p), text(40, p + 3));
      for (let p = 0; p < 12; p++) ai.run(id, indicators[p % indicators.length], text(30, p), text(60, p), agencies[p % agencies.length], now, now);
      for (let p = 1; p <= 5; p++) dc.run(id, p, text(50, p));
    }
  })();
  db.close();
}

async function main() {
  let t0 = performance.now();
  generate();
  const size = fs.statSync(file).size;
  console.log(`database: ${MEETINGS} rapat, ${(size / 1024 / 1024).toFixed(1)} MB, generated in ${ms(t0)} ms`);

  t0 = performance.now();
  const checked = openChecked(file);
  if (checked.kind !== 'ok') throw new Error('unexpected recovery');
  console.log(`open + quick_check + migrate: ${ms(t0)} ms`);
  const db = checked.db;

  t0 = performance.now();
  const backend = createBackend({ dataDir: path.join(dir, 'x'), runtime: 'cli' });
  backend.close();

  const folder = path.join(dir, 'cadangan');
  for (const level of [6, 1] as const) {
    t0 = performance.now();
    const loopLag: number[] = [];
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      loopLag.push(now - last - 10);
      last = now;
    }, 10);
    const info = await createBackup(db, { folder, dataDir: dir, reason: 'manual', level, evidence: evidenceFiles });
    clearInterval(probe);
    console.log(`backup level ${level}: ${ms(t0)} ms, zip ${(info.sizeBytes / 1024 / 1024).toFixed(1)} MB, longest event-loop stall ${Math.round(Math.max(0, ...loopLag))} ms`);
  }
  for (let i = 0; i < 8; i++) await createBackup(db, { folder, dataDir: dir, reason: 'manual', level: 1, now: new Date(Date.now() + (i + 1) * 1000), evidence: evidenceFiles });
  t0 = performance.now();
  const list = listBackups(folder);
  console.log(`list ${list.backups.length} backups (metadata only): ${ms(t0)} ms`);
  db.close();

  t0 = performance.now();
  const staged = await stageRestore(list.backups[0].file, dir, { evidence: evidenceFiles });
  const tStage = ms(t0);
  t0 = performance.now();
  installStaged(dir, staged).close();
  console.log(`restore: verify ${tStage} ms + swap/open ${ms(t0)} ms`);
  if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}

void main();
