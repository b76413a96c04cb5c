import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { databasePath, openDatabase, type Db } from '../src-main/core/db/database';
import { meetingWriter } from '../src-main/core/demo/rows';
import { referenceYearFor } from '../src-main/core/reference/repository';
import { takeSnapshot } from '../src-main/core/snapshot/close';

// A large regency for benchmarks: years of rakor in every cluster, thousands of RTLs and budget
// lines, RTL reviews carried from meeting to meeting, evaluation scores per year and stage.
// Deterministic (seeded), so runs compare. Every generated meeting is closed, and like a meeting
// closed in the app it gets its snapshot (the signed minutes and the frozen workspace) right
// after its rows are written, with the core's own code: a generated folder starts like a real
// one instead of snapshotting every meeting at its first start.
//   npx tsx bench/generate-regency.ts --data-dir .tmp/bench-regency [--size large|ten-years] [--years 5] [--per-cluster 5]

export interface RegencySize {
  firstYear: number;
  years: number;
  /** Rakor per cluster per year. */
  perCluster: number;
  attendees: number;
  actionsPerMeeting: number;
  budgetsPerMeeting: number;
  /** Agencies in the master list (the seed's 34 topped up with kecamatan, puskesmas, mitra). */
  agencies?: number;
}

export const LARGE_REGENCY: RegencySize = { firstYear: 2022, years: 5, perCluster: 5, attendees: 40, actionsPerMeeting: 20, budgetsPerMeeting: 15 };

/**
 * Ten evaluation years (issue 11): 6 clusters x 25 rakor x 10 years = 1,500 meetings, 30,000
 * RTLs, 21,000 budget lines, 60,000 attendance rows, 100 agencies.
 */
export const TEN_YEAR_REGENCY: RegencySize = {
  firstYear: 2017, years: 10, perCluster: 25, attendees: 40, actionsPerMeeting: 20, budgetsPerMeeting: 14, agencies: 100,
};

export const REGENCY_SIZES = { large: LARGE_REGENCY, 'ten-years': TEN_YEAR_REGENCY } as const;

const EXTRA_AGENCIES: [string, string, string][] = [
  ['opd', 'Kecamatan', 'Kec.'], ['opd', 'Puskesmas', 'PKM'], ['opd', 'UPTD Pendidikan', 'UPTD Dik'],
  ['mitra', 'Forum Anak Kecamatan', 'FA Kec.'], ['mitra', 'Perguruan Tinggi', 'PT'], ['mitra', 'Lembaga Masyarakat', 'LM'],
];

/** Tops the agency list up to `total` with numbered kecamatan, puskesmas and partners. */
function topUpAgencies(db: Db, total: number): void {
  const have = (db.prepare(`SELECT count(*) AS n FROM agency`).get() as { n: number }).n;
  const insert = db.prepare(`INSERT INTO agency (kind, partner_type, name, abbreviation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  for (let i = have; i < total; i++) {
    const [kind, name, abbr] = EXTRA_AGENCIES[i % EXTRA_AGENCIES.length];
    const n = Math.floor(i / EXTRA_AGENCIES.length) + 1;
    insert.run(kind, kind === 'mitra' ? 'lembaga_masyarakat' : '', `${name} ${n}`, `${abbr} ${n}`, now, now);
  }
}

/**
 * Maximum points per indicator (summing to 1000) and, per evaluation year, a score per
 * indicator for each stage, each stage a little below the previous (VA cuts, as regions see).
 */
function writeScores(db: Db, size: RegencySize, rnd: () => number): number {
  const setMax = db.prepare(`UPDATE indicator SET max_points = ? WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO indicator_score (year, indicator_id, stage, score) VALUES (?, ?, ?, ?)`);
  let written = 0;
  for (let y = 0; y < size.years; y++) {
    const year = size.firstYear + y;
    const refYear = referenceYearFor(db, year);
    const indicators = db.prepare(`SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ? ORDER BY i.number`).all(refYear) as { id: number }[];
    const max = Math.floor(1000 / indicators.length);
    indicators.forEach((i, k) => setMax.run(k === 0 ? 1000 - max * (indicators.length - 1) : max, i.id));
    for (const i of indicators) {
      let score = max * (0.6 + 0.35 * rnd());
      for (const stage of ['EM', 'VA', 'PUSAT', 'FINAL']) {
        insert.run(year, i.id, stage, Math.round(score * 100) / 100);
        written++;
        score *= 0.85 + 0.15 * rnd();
      }
    }
  }
  return written;
}

function random(seed: number) {
  // mulberry32: small, fast, and the same sequence on every machine.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ahmad', 'Siti', 'Rina', 'Budi', 'Dewi', 'Muhammad', 'Nur', 'Rahmat', 'Fitri', 'Yusuf', 'Lestari', 'Andi', 'Sri', 'Dedi', 'Hj. Norhayati', 'Agus'];
const LAST = ['Hidayat', 'Rahmah', 'Marlina', 'Saputra', 'Wahyuni', 'Kurniawan', 'Fauzi', 'Anggraini', 'Maulana', 'Hartono', 'Aini', 'Ridwan'];
const SOURCES = ['APBD murni', 'APBD perubahan', 'APBN', 'DAK fisik', 'DAK nonfisik', 'Dana Desa', 'CSR/TJSL', 'Hibah'];

export interface GenerateOptions {
  seed?: number;
  /**
   * Leaves the very last meeting 'berlangsung' without a snapshot, so a test can close it through
   * the app ('meeting.close') and compare with what the generator stores.
   */
  leaveLastOpen?: boolean;
}

export function generateRegency(db: Db, size: RegencySize = LARGE_REGENCY, { seed = 20261123, leaveLastOpen = false }: GenerateOptions = {}) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const write = meetingWriter(db);
  const counts = { meetings: 0, attendees: 0, actions: 0, budgets: 0, updates: 0, agencies: 0, scores: 0, snapshots: 0 };

  // Bulk inserts in a few transactions (one per evaluation year), not a commit (and fsync) per row.
  const agencies = db.transaction(() => {
    if (size.agencies) topUpAgencies(db, size.agencies);
    counts.scores = writeScores(db, size, rnd);
    return (db.prepare(`SELECT id FROM agency`).all() as { id: number }[]).map((a) => a.id);
  })();
  counts.agencies = agencies.length;
  const openByCluster = new Map<string, number[]>();
  for (let y = 0; y < size.years; y++) {
    db.transaction(() => {
      const year = size.firstYear + y;
      const closed: number[] = [];
      const refYear = referenceYearFor(db, year);
      const clusters = db.prepare(`SELECT id, code, name FROM cluster WHERE year = ? ORDER BY position`).all(refYear) as { id: number; code: string; name: string }[];
      for (let n = 0; n < size.perCluster; n++) {
        for (const cluster of clusters) {
          const month = Math.min(12, 1 + Math.floor((n * 12) / size.perCluster) + Math.floor(rnd() * 2));
          const date = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
          const last = leaveLastOpen && y === size.years - 1 && n === size.perCluster - 1 && cluster === clusters[clusters.length - 1];
          const meetingId = write.meeting(
            {
              title: `Rapat Koordinasi Gugus Tugas KLA ${cluster.code === 'KL' ? 'Kelembagaan' : `Klaster ${cluster.code} ${cluster.name}`}`,
              date, start: '09:00', end: '12:00', timeZone: 'WITA', place: 'Aula Bappeda', status: last ? 'berlangsung' : 'selesai',
              opening: 'Rapat dibuka oleh Ketua Gugus Tugas KLA.', closing: 'Rapat ditutup pukul 12.00 WITA.',
            },
            [cluster.id],
          );
          counts.meetings++;
          for (let i = 0; i < 4; i++) write.agenda(meetingId, i, `Agenda ${i + 1}`, 'Catatan pembahasan '.repeat(20));
          for (let i = 0; i < size.attendees; i++) {
            write.attendee(meetingId, i, `${pick(FIRST)} ${pick(LAST)}`, 'Kepala Seksi', pick(agencies), `0812-${1000 + Math.floor(rnd() * 9000)}-${1000 + Math.floor(rnd() * 9000)}`);
            counts.attendees++;
          }
          const indicators = (db.prepare(`SELECT id FROM indicator WHERE cluster_id = ?`).all(cluster.id) as { id: number }[]).map((r) => r.id);
          for (const indicatorId of indicators) {
            const weak = rnd() < 0.4;
            write.review(meetingId, indicatorId, `Capaian ${Math.floor(rnd() * 100)}%`, weak, weak ? 'Data belum lengkap dan anggaran terbatas.' : '', weak ? 'Percepat pendataan.' : '');
          }
          for (let i = 0; i < size.budgetsPerMeeting; i++) {
            const allocation = (1 + Math.floor(rnd() * 5000)) * 1_000_000 * 100;
            write.budget({
              agencyId: pick(agencies), indicatorId: pick(indicators), meetingId, code: `2.08.06.2.01.${String(i + 1).padStart(4, '0')}`,
              activity: `Kegiatan ${i + 1}`, source: pick(SOURCES), year, allocationSen: allocation, realizationSen: Math.floor(allocation * rnd()),
            });
            counts.budgets++;
          }
          // Review the open RTLs of this cluster from earlier meetings, as the secretariat does.
          const open = openByCluster.get(cluster.code) ?? [];
          const stillOpen: number[] = [];
          for (const actionId of open) {
            const status = rnd() < 0.5 ? 'selesai' : 'proses';
            write.statusUpdate(actionId, meetingId, status, status === 'selesai' ? 'Sudah dilaksanakan.' : 'Sedang berjalan.');
            counts.updates++;
            if (status !== 'selesai') stillOpen.push(actionId);
          }
          for (let i = 0; i < size.actionsPerMeeting; i++) {
            const id = write.action({
              meetingId, indicatorId: pick(indicators), problem: 'Cakupan layanan belum memenuhi target.',
              description: `Tindak lanjut ${i + 1}: pendampingan dan pendataan`, leadAgencyId: pick(agencies),
              related: [pick(agencies)].filter((a, k, all) => all.indexOf(a) === k), targetDate: `${year}-12-31`, source: pick(SOURCES),
            });
            counts.actions++;
            if (rnd() < 0.3) stillOpen.push(id);
          }
          openByCluster.set(cluster.code, stillOpen.slice(-40));
          for (let i = 0; i < 5; i++) write.decision(meetingId, i, `Keputusan ${i + 1} rapat ini.`);
          if (!last) closed.push(meetingId);
        }
      }
      // Each closed in date order once the year's rows are written (the dates within a year are
      // drawn out of order), before any later year exists: what the app stores at "Tutup rapat".
      // (Closing in the app also writes a follow-up row for every listed RTL left untouched; the
      // generator's meetings review only the RTLs it chose, which keeps the follow-up history at
      // its documented size. The minutes are the same either way: an untouched RTL is printed with
      // its status as of the meeting and no notes.)
      const inOrder = db.prepare(`SELECT id FROM meeting WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date, start_time, id`).all(JSON.stringify(closed)) as { id: number }[];
      for (const { id } of inOrder) takeSnapshot(db, id);
      counts.snapshots += inOrder.length;
    })();
  }
  return counts;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, size: { type: 'string' }, years: { type: 'string' }, 'per-cluster': { type: 'string' } } });
  const base = REGENCY_SIZES[(values.size ?? 'large') as keyof typeof REGENCY_SIZES];
  if (!base) throw new Error(`--size harus salah satu dari: ${Object.keys(REGENCY_SIZES).join(', ')}`);
  const dataDir = path.resolve(values['data-dir'] ?? '.tmp/bench-regency');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(databasePath(dataDir));
  const started = performance.now();
  const counts = generateRegency(db, {
    ...base,
    years: Number(values.years ?? base.years),
    perCluster: Number(values['per-cluster'] ?? base.perCluster),
  });
  db.close();
  const size = fs.statSync(databasePath(dataDir)).size;
  console.log(`${dataDir}: ${JSON.stringify(counts)} in ${Math.round(performance.now() - started)} ms, ${(size / 1048576).toFixed(1)} MB`);
}
