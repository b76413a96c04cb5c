import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../src-main/core/db/database';
import { MIGRATIONS } from '../src-main/core/db/migrations';

// Builds tests/fixtures/schema-vN.sqlite: a database as the app of schema version N left it,
// with representative rows in every table, so the migration tests can upgrade real old data.
// `npx tsx scripts/make-fixtures.ts` writes only the missing ones (a fixture, once committed,
// stands for what that old version wrote); `--force` rebuilds all.
// When a migration changes a table, extend representativeRows for the versions that have it.

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = path.resolve(here, '../tests/fixtures');
export const fixturePath = (version: number) => path.join(FIXTURE_DIR, `schema-v${version}.sqlite`);

const T = '2021-07-20T02:00:00.000Z';

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(name) !== undefined;
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) !== undefined;
}

/** One or more rows in each table that exists at this version, linked as real data is. */
export function representativeRows(db: Database.Database, version: number): void {
  if (version < 1 || !hasTable(db, 'meeting')) return;
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
  run(`INSERT INTO app_meta (key, value) VALUES ('fixture.note', 'dibuat oleh make-fixtures')`);
  run(`UPDATE region_profile SET region_name = 'Kotawaringin Timur', province = 'Kalimantan Tengah', letterhead_lines = ?, signing_place = 'Sampit', updated_at = ? WHERE id = 1`,
    JSON.stringify(['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', 'DINAS PPPA']), T);
  run(`INSERT INTO evaluation_year (year, notes) VALUES (2021, 'tahun contoh')`);
  const cluster = run(`INSERT INTO cluster (year, code, name, position) VALUES (2021, 'I', 'Hak Sipil dan Kebebasan', 1)`);
  const indicator = run(`INSERT INTO indicator (cluster_id, number, name, usual_agencies, max_points) VALUES (?, 6, 'Akta kelahiran', 'Disdukcapil', 60)`, cluster);
  run(`INSERT INTO sub_indicator (indicator_id, code, name, max_points) VALUES (?, 'a', 'Cakupan akta', 30)`, indicator);
  run(`INSERT INTO predikat_band (year, name, min_score, max_score) VALUES (2021, 'Madya', 601, 700)`);
  run(`INSERT INTO year_score (year, stage, total) VALUES (2021, 'FINAL', 642.5)`);
  run(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (2021, ?, 'FINAL', 48)`, indicator);
  const opd = run(`INSERT INTO agency (kind, partner_type, name, abbreviation, active, created_at, updated_at) VALUES ('opd', '', 'Dinas Kependudukan dan Pencatatan Sipil (fixture)', 'DUKCAPIL-FX', 1, ?, ?)`, T, T);
  const mitra = run(`INSERT INTO agency (kind, partner_type, name, abbreviation, active, created_at, updated_at) VALUES ('mitra', 'forum_anak', 'Forum Anak Daerah (fixture)', 'FAD-FX', 0, ?, ?)`, T, T);
  const meeting = run(`INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, chair_name, chair_nip, notulis_name, opening_notes, created_at, updated_at)
    VALUES ('Rakor Gugus Tugas KLA Triwulan III', '2021-07-20', '09:00', '12:00', 'WIB', 'Aula Bappelitbang', 'selesai', 'Ir. H. Contoh, M.Si', '196801011990031001', 'Siti Notulis', 'Pembukaan oleh Sekda.', ?, ?)`, T, T);
  run(`INSERT INTO meeting_cluster (meeting_id, cluster_id) VALUES (?, ?)`, meeting, cluster);
  run(`INSERT INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`, meeting, opd);
  run(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, 1, 'Pembahasan klaster I', 'Cakupan akta 92%.')`, meeting);
  run(`INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, agency_text, phone, present, created_at) VALUES (?, 1, 'Budi', 'Kabid', ?, '', '0812 3456 7890', 1, ?)`, meeting, opd, T);
  run(`INSERT INTO decision (meeting_id, position, text) VALUES (?, 1, 'Jemput bola akta di 3 kecamatan.')`, meeting);
  run(`INSERT INTO indicator_review (meeting_id, indicator_id, achievement, score, is_weak, problem, recommendation) VALUES (?, ?, '92%', 48, 1, 'Desa terpencil', 'Layanan keliling')`, meeting, indicator);
  run(`INSERT INTO assignment (indicator_id, agency_id, role, meeting_id) VALUES (?, ?, 'lead', ?)`, indicator, opd, meeting);
  const line = run(`INSERT INTO budget_line (agency_id, indicator_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year, allocation_sen, realization_sen, child_responsive, created_at, updated_at)
    VALUES (?, ?, ?, '2.12.02.2.01.0001', 'Pelayanan akta keliling', 'APBD', 2021, 15000000000, 7500000000, 1, ?, ?)`, opd, indicator, meeting, T, T);
  const action = run(`INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, funding_source, status, notes, created_at, updated_at)
    VALUES (?, ?, 'Desa terpencil', 'Layanan akta keliling', ?, '2021-09-30', 'APBD', 'proses', '', ?, ?)`, meeting, indicator, opd, T, T);
  run(`INSERT INTO action_item_agency (action_item_id, agency_id) VALUES (?, ?)`, action, mitra);
  run(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, 'proses', 'Sudah 2 kecamatan', ?)`, action, meeting, T);
  if (hasTable(db, 'agency_group')) {
    run(`UPDATE region_profile SET head_name = 'Dra. Siti Aminah, M.Si', head_position = 'Kepala Dinas', head_rank = 'Pembina Utama Muda (IV/c)', head_nip = '196805121993032004',
      chair_name = 'Drs. Ahmad Yani', notulis_name = 'Rina Wati, S.Sos' WHERE id = 1`);
    const group = run(`INSERT INTO agency_group (name, created_at, updated_at) VALUES ('Klaster I biasa', ?, ?)`, T, T);
    run(`INSERT INTO agency_group_member (group_id, agency_id) VALUES (?, ?)`, group, opd);
  }
  if (version < 3) return;
  run(`INSERT INTO meeting_snapshot (meeting_id, revision, closed_at, minutes_json, workspace_json, sha256) VALUES (?, 1, ?, '{"version":1}', '{"version":1}', 'fixture')`, meeting, T);
  run(`INSERT INTO trash (kind, label, meeting_id, payload_json, deleted_at) VALUES ('decision', 'Kesimpulan: contoh', ?, '{"version":1,"rows":[]}', ?)`, meeting, T);
  run(`INSERT INTO request_log (request_id, op, result_json, created_at) VALUES ('00000000-0000-4000-8000-000000000000', 'decision.create', '{}', ?)`, T);
  if (hasTable(db, 'sub_indicator_score')) {
    // Schema 4: verifikasi pusat, sub-indicator scores, award year, current predikat.
    const sub = (db.prepare(`SELECT id FROM sub_indicator WHERE indicator_id = ?`).get(indicator) as { id: number }).id;
    run(`INSERT INTO year_score (year, stage, total) VALUES (2021, 'PUSAT', 630.25)`);
    run(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (2021, ?, 'PUSAT', 45)`, indicator);
    run(`INSERT INTO sub_indicator_score (year, sub_indicator_id, stage, score) VALUES (2021, ?, 'VA', 22.5)`, sub);
    run(`INSERT INTO evaluation_cycle (year, award_year) VALUES (2021, 2022)`);
    run(`UPDATE region_profile SET current_predikat = 'Madya', current_predikat_year = 2022 WHERE id = 1`);
  }
  if (hasTable(db, 'action_status_change')) {
    // Schema 7: a status change outside any meeting.
    run(`INSERT INTO action_status_change (action_item_id, date, status, notes, created_at) VALUES (?, '2021-08-15', 'selesai', 'Laporan OPD', ?)`, action, T);
  }
  if (hasTable(db, 'evidence')) {
    // Schema 8: data dukung of an indicator and of the meeting (the file bytes are not in a fixture).
    const expectation = run(`INSERT INTO evidence_expectation (indicator_number, position, title) VALUES (6, 9, 'Contoh data dukung (fixture)')`);
    run(`INSERT INTO evidence (sha256, size_bytes, media_type, original_name, title, evidence_date, notes, indicator_id, evaluation_year, expectation_id, created_at)
         VALUES (?, 1024, 'application/pdf', 'akta.pdf', 'Data akta kelahiran', '2021-06-01', '', ?, 2021, ?, ?)`, 'a'.repeat(64), indicator, expectation, T);
    run(`INSERT INTO evidence (sha256, size_bytes, media_type, original_name, title, evidence_date, notes, meeting_id, created_at)
         VALUES (?, 2048, 'image/jpeg', 'foto.jpg', 'Foto rakor', '2021-07-20', 'dokumentasi', ?, ?)`, 'b'.repeat(64), meeting, T);
  }
  if ((db.prepare(`SELECT 1 FROM pragma_table_info('action_item') WHERE name = 'budget_line_id'`).get()) !== undefined) {
    // Schema 10: the RTL funded by the meeting's budget line; pihak terkait in the order chosen.
    run(`UPDATE action_item SET budget_line_id = ? WHERE id = ?`, line, action);
    run(`UPDATE action_item_agency SET position = 2 WHERE action_item_id = ?`, action);
    run(`INSERT INTO action_item_agency (action_item_id, agency_id, position) VALUES (?, ?, 1)`, action, opd);
    const kabkota = run(`INSERT INTO agency (kind, partner_type, name, abbreviation, active, created_at, updated_at) VALUES ('kabkota', '', 'Kabupaten Contoh (fixture)', 'KAB-FX', 1, ?, ?)`, T, T);
    const review = (db.prepare(`SELECT id FROM indicator_review WHERE meeting_id = ?`).get(meeting) as { id: number }).id;
    run(`INSERT INTO indicator_review_agency (review_id, agency_id, position) VALUES (?, ?, 1)`, review, kabkota);
  }
  if (hasColumn(db, 'attendance', 'nip')) {
    // Schema 12: an attendee's NIP and pangkat; the blank daftar hadir without the No. HP column.
    run(`UPDATE attendance SET nip = '198001012005011001', rank = 'Penata (III/c)' WHERE meeting_id = ?`, meeting);
    run(`UPDATE region_profile SET attendance_print_phone = 0 WHERE id = 1`);
  }
  if (hasTable(db, 'indicator_agency')) {
    // Schema 13: the usual agencies of an indicator as links, one written name left unmatched.
    run(`INSERT OR IGNORE INTO indicator_agency (indicator_id, agency_id, position) VALUES (?, ?, 1)`, indicator, opd);
    run(`UPDATE indicator SET usual_agencies = 'Kantor Desa Contoh' WHERE id = ?`, indicator);
  }
  if (hasColumn(db, 'evidence', 'documentation_position')) {
    // Schema 15: the meeting's photo chosen for the Lampiran Dokumentasi, with its caption.
    run(`UPDATE evidence SET documentation_position = 1, documentation_caption = 'Suasana rakor (fixture)' WHERE meeting_id = ? AND media_type = 'image/jpeg'`, meeting);
  }
}

export function buildFixture(version: number, file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  try {
    // A single self-contained file (no -wal), as a closed app leaves it.
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    // By version, not by position: migrations developed on branches may leave gaps until merged.
    migrate(db, MIGRATIONS.filter((m) => m.version <= version));
    db.transaction(() => representativeRows(db, version))();
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length) throw new Error(`fixture v${version}: foreign key problems`);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

function main(): void {
  const force = process.argv.includes('--force');
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const { version } of MIGRATIONS) {
    const file = fixturePath(version);
    if (fs.existsSync(file) && !force) continue;
    buildFixture(version, file);
    console.log(`dibuat: ${path.relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
