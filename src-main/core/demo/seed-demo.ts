import type { Db } from '../db/database';
import { AppError } from '../../../shared/errors';
import { referenceYearFor } from '../reference/repository';
import { nowIso } from '../db/clock';
import { getMeeting } from '../meeting/repository';
import { materializeFollowUps } from '../follow-up/repository';
import { takeSnapshot } from '../snapshot/close';
import { meetingWriter } from './rows';

// A realistic (fictional) regency for demos, screenshots and manual testing: two evaluation
// years of scores and five rakor over two years, with attendance, reviews, budget lines, RTLs
// and RTL updates carried over from one Klaster III meeting to the next.

const PEOPLE: [string, string, string, string][] = [
  // name, jabatan, agency abbreviation, phone
  ['dr. Rina Marlina, M.Kes.', 'Kepala Bidang Kesehatan Masyarakat', 'Dinkes', '0812-5100-2233'],
  ['Ahmad Fauzi, S.K.M.', 'Kepala Seksi Gizi', 'Dinkes', '0813-4821-7712'],
  ['Hj. Siti Rahmah, S.Sos.', 'Sekretaris', 'DP3A', '0811-505-1188'],
  ['Muhammad Ridwan, S.T.', 'Kepala Bidang Cipta Karya', 'PUPR', '0852-4810-3321'],
  ['Nur Aini, S.E.', 'Analis Perencanaan', 'Bappeda', '0821-5533-1020'],
  ['Bripka Yudi Hartono', 'Kanit PPA Satreskrim', 'Polres', '0812-5012-8890'],
  ['Lestari Widya, S.Pd.', 'Kepala Seksi Kurikulum SD', 'Dindik', '0813-5211-4430'],
  ['Rahmat Hidayat, S.Sos.', 'Pekerja Sosial', 'Dinsos', '0822-5100-7731'],
  ['Fitriani', 'Ketua', 'FAD', '0857-5311-2210'],
  ['Hj. Norhayati', 'Wakil Ketua I', 'TP PKK', '0811-5109-441'],
  ['Dedi Kurniawan, S.H.', 'Kepala Subbagian Perundang-undangan', 'Bag. Hukum', '0812-5040-1122'],
  ['Sri Wahyuni, S.Kep.', 'Kepala Puskesmas Kota Harapan', 'Dinkes', '0813-4800-1200'],
  ['Andi Saputra, S.Kom.', 'Pranata Komputer', 'Diskominfo', '0852-5200-8871'],
  ['Yusuf Maulana, S.Ag.', 'Penyuluh Agama Islam', 'Kemenag', '0821-5430-6609'],
];

interface DemoMeeting {
  clusters: string[];
  date: string;
  start: string;
  end: string | null;
  place: string;
  status: 'draf' | 'berlangsung' | 'selesai';
  weak: Record<number, [string, string, string]>; // indicator -> [capaian, permasalahan, rekomendasi]
  fine: number[];
  attendees: number;
  budgets: [string, number, string, string, number, number][]; // agency, indicator, code, source, pagu (rupiah), realisasi
  actions: [number, string, string, string, string[], string][]; // indicator, problem, uraian, lead, related, target date
  decisions: string[];
}

const MEETINGS: DemoMeeting[] = [
  {
    clusters: ['III'], date: '2025-02-18', start: '09:00', end: '12:15', place: 'Aula Bappeda Kabupaten Banua Harapan', status: 'selesai',
    weak: {
      12: ['Prevalensi stunting 24,1% (SSGI 2024)', 'Data e-PPGBM belum diperbarui di 6 puskesmas; PMT lokal terlambat', 'Verifikasi data e-PPGBM tiap bulan; PMT lokal dianggarkan di APBD Perubahan'],
      15: ['Akses sanitasi layak 71%', 'Desa ODF baru 38 dari 120 desa', 'Pemicuan STBM di 20 desa prioritas'],
      16: ['Perda KTR belum ada', 'Rancangan perda tertahan di Bagian Hukum', 'Naskah akademik dan harmonisasi Perda KTR tahun ini'],
    },
    fine: [11, 13, 14], attendees: 12,
    budgets: [
      ['Dinkes', 12, '1.02.02.2.02.0016', 'APBD murni', 1_250_000_000, 312_500_000],
      ['Dinkes', 12, '1.02.02.2.02.0020', 'DAK nonfisik', 845_000_000, 0],
      ['PUPR', 15, '1.03.03.2.01.0005', 'DAK fisik', 2_100_000_000, 0],
      ['DP3A', 16, '2.08.06.2.01.0001', 'APBD murni', 75_000_000, 12_000_000],
    ],
    actions: [
      [12, 'Data e-PPGBM tidak mutakhir', 'Verifikasi dan pemutakhiran data e-PPGBM di 6 puskesmas', 'Dinkes', ['Diskominfo'], '2025-04-30'],
      [12, 'PMT lokal terlambat', 'Pengadaan PMT lokal untuk 1.200 balita', 'Dinkes', ['TP PKK'], '2025-06-30'],
      [15, 'Desa ODF masih sedikit', 'Pemicuan STBM di 20 desa prioritas', 'Dinkes', ['PUPR', 'DPMD'], '2025-09-30'],
      [16, 'Perda KTR belum ada', 'Penyusunan naskah akademik Perda KTR', 'Bag. Hukum', ['Dinkes', 'Satpol PP'], '2025-07-31'],
      [14, 'Puskesmas ramah anak baru 5', 'Pendampingan 4 puskesmas menuju PRA', 'Dinkes', ['DP3A'], '2025-10-31'],
    ],
    decisions: [
      'Dinas Kesehatan menyampaikan data e-PPGBM terverifikasi paling lambat 30 April 2025.',
      'Usulan PMT lokal dimasukkan dalam APBD Perubahan 2025.',
      'Bagian Hukum memfasilitasi harmonisasi Rancangan Perda KTR.',
    ],
  },
  {
    clusters: ['V'], date: '2025-05-20', start: '13:30', end: '16:00', place: 'Ruang Rapat DP3A', status: 'selesai',
    weak: {
      21: ['38 kasus kekerasan terhadap anak, 31 terlayani', 'Tenaga psikolog UPTD PPA hanya satu orang', 'Kerja sama psikolog dengan RSUD dan perguruan tinggi'],
      23: ['Diversi berhasil 4 dari 9 perkara', 'Belum ada LPKS di kabupaten', 'Koordinasi dengan Bapas untuk LPKS rujukan'],
    },
    fine: [22, 24], attendees: 10,
    budgets: [
      ['UPTD PPA', 21, '2.08.07.2.01.0003', 'DAK nonfisik', 420_000_000, 150_000_000],
      ['Dinsos', 21, '1.06.04.2.01.0002', 'APBD murni', 180_000_000, 45_500_000],
      ['Polres', 23, '', 'APBN', 95_000_000, 40_000_000],
    ],
    actions: [
      [21, 'Psikolog kurang', 'Perjanjian kerja sama layanan psikolog dengan RSUD', 'UPTD PPA', ['RSUD'], '2025-08-31'],
      [21, 'Rumah aman belum standar', 'Perbaikan rumah aman sesuai standar', 'DP3A', ['PUPR'], '2025-12-15'],
      [23, 'Belum ada LPKS', 'Koordinasi penempatan anak di LPKS rujukan provinsi', 'Bapas', ['Polres', 'Kejari', 'Dinsos'], '2025-09-30'],
      [22, 'Pendataan pekerja anak', 'Pendataan pekerja anak di sektor perkebunan', 'Disnaker', ['Dinsos'], '2025-11-30'],
    ],
    decisions: ['UPTD PPA menyiapkan draf PKS layanan psikolog.', 'Polres dan Kejari memprioritaskan diversi untuk perkara anak.'],
  },
  {
    clusters: ['III'], date: '2025-08-14', start: '09:00', end: '11:45', place: 'Aula Bappeda Kabupaten Banua Harapan', status: 'selesai',
    weak: {
      12: ['Prevalensi stunting 21,8% (data e-PPGBM Juni 2025)', 'Cakupan PMT lokal baru 60%', 'Percepat distribusi PMT lokal melalui posyandu'],
      16: ['Rancangan Perda KTR dalam harmonisasi', 'Jadwal pembahasan DPRD belum ada', 'Usulkan masuk Propemperda 2026'],
    },
    fine: [11, 13, 14, 15], attendees: 11,
    budgets: [['Dinkes', 12, '1.02.02.2.02.0016', 'APBD perubahan', 300_000_000, 0]],
    actions: [[12, 'Distribusi PMT lambat', 'Distribusi PMT lokal lewat 210 posyandu', 'Dinkes', ['TP PKK', 'DPMD'], '2025-10-31']],
    decisions: ['Rancangan Perda KTR diusulkan masuk Propemperda 2026.'],
  },
  {
    clusters: ['I'], date: '2026-03-10', start: '09:00', end: '11:30', place: 'Ruang Rapat Diskominfo', status: 'selesai',
    weak: { 5: ['PISA baru 2 unit', 'Belum ada anggaran sarana PISA', 'PISA di perpustakaan daerah dan 2 kecamatan'] },
    fine: [4, 6], attendees: 9,
    budgets: [['Diskominfo', 5, '2.16.02.2.02.0001', 'APBD murni', 150_000_000, 0]],
    actions: [[5, 'PISA kurang', 'Pembentukan PISA di Dispursip dan 2 kecamatan', 'Diskominfo', ['Dispursip'], '2026-08-31']],
    decisions: ['Diskominfo menyiapkan standar layanan PISA.'],
  },
  {
    clusters: ['III'], date: '2026-11-17', start: '09:00', end: null, place: 'Aula Bappeda Kabupaten Banua Harapan', status: 'berlangsung',
    weak: { 12: ['Prevalensi stunting 19,6% (SSGI 2025)', 'Target 18% belum tercapai', 'Fokus intervensi di 12 desa lokus'] },
    fine: [], attendees: 8, budgets: [], actions: [], decisions: [],
  },
];

/** Status updates recorded at a later meeting for an RTL of an earlier one: [from meeting, action #, at meeting, status, notes]. */
const UPDATES: [number, number, number, 'belum' | 'proses' | 'selesai', string][] = [
  [0, 0, 2, 'selesai', 'Data e-PPGBM 6 puskesmas sudah diverifikasi per Juni 2025.'],
  [0, 1, 2, 'proses', 'PMT lokal tersalur ke 720 dari 1.200 balita.'],
  [0, 3, 2, 'proses', 'Naskah akademik selesai; menunggu harmonisasi.'],
  [0, 2, 2, 'belum', 'Menunggu pencairan DAK fisik.'],
  [2, 0, 4, 'proses', 'Distribusi ke 150 dari 210 posyandu.'],
  [0, 3, 4, 'selesai', 'Masuk Propemperda 2026.'],
];

export interface DemoSummary {
  meetings: number;
  attendees: number;
  actionItems: number;
  budgetLines: number;
}

export function seedDemo(db: Db): DemoSummary {
  const existing = (db.prepare(`SELECT count(*) AS n FROM meeting`).get() as { n: number }).n;
  if (existing > 0) throw new AppError('CONFLICT', 'Folder data ini sudah berisi rapat; data contoh hanya untuk folder baru.');
  return db.transaction(() => seed(db))();
}

function seed(db: Db): DemoSummary {
  const now = nowIso();
  db.prepare(
    `UPDATE region_profile SET region_type = 'kabupaten', region_name = 'Banua Harapan', province = 'Kalimantan Selatan',
       time_zone = 'WITA', letterhead_lines = ?, paper = 'F4', signing_place = 'Kota Harapan', target_predikat = 'Nindya',
       target_year = 2026, updated_at = ? WHERE id = 1`,
  ).run(
    JSON.stringify([
      'PEMERINTAH KABUPATEN BANUA HARAPAN',
      'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK',
      'Jalan Jenderal Sudirman Nomor 45, Kota Harapan 70815',
      'Telepon (0512) 21045, Pos-el dp3a@banuaharapan.go.id',
      'Laman dp3a.banuaharapan.go.id',
    ]),
    now,
  );
  const scores = db.prepare(`INSERT INTO year_score (year, stage, total) VALUES (?, ?, ?)`);
  for (const [year, stage, total] of [[2024, 'EM', 712.45], [2024, 'VA', 648.3], [2024, 'FINAL', 655.1], [2025, 'EM', 768.9], [2025, 'VA', 701.25]] as const) {
    scores.run(year, stage, total);
  }

  const agencyId = new Map(
    (db.prepare(`SELECT id, abbreviation FROM agency`).all() as { id: number; abbreviation: string }[]).map((a) => [a.abbreviation, a.id]),
  );
  const agency = (abbr: string) => {
    const id = agencyId.get(abbr);
    if (id === undefined) throw new Error(`demo agency missing: ${abbr}`);
    return id;
  };
  const clusterOf = db.prepare(`SELECT id, name FROM cluster WHERE year = ? AND code = ?`);
  const indicatorOf = db.prepare(`SELECT i.id FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = ? AND i.number = ?`);
  const write = meetingWriter(db);

  const meetingIds: number[] = [];
  const actionIds: number[][] = [];
  let attendees = 0;
  let budgetLines = 0;
  for (const m of MEETINGS) {
    const year = Number(m.date.slice(0, 4));
    const refYear = referenceYearFor(db, year);
    const clusters = m.clusters.map((code) => clusterOf.get(refYear, code) as { id: number; name: string });
    const title = `Rapat Koordinasi Gugus Tugas KLA Klaster ${m.clusters[0]} ${clusters[0].name}`;
    const meetingId = write.meeting(
      {
        title, date: m.date, start: m.start, end: m.end, timeZone: 'WITA', place: m.place, status: m.status,
        opening: 'Rapat dibuka oleh Ketua Gugus Tugas KLA dan dilanjutkan paparan capaian indikator oleh sekretariat.',
        closing: m.end ? 'Rapat ditutup dengan kesepakatan tindak lanjut sebagaimana terlampir.' : '',
      },
      clusters.map((c) => c.id),
    );
    meetingIds.push(meetingId);
    write.agenda(meetingId, 0, 'Pembukaan dan arahan Ketua Gugus Tugas KLA', 'Ketua menekankan target predikat Nindya tahun 2026.');
    write.agenda(meetingId, 1, 'Pembahasan indikator yang masih lemah', 'Setiap OPD menyampaikan capaian dan kendala.');
    write.agenda(meetingId, 2, 'Tindak lanjut rapat sebelumnya', '');
    for (let i = 0; i < m.attendees; i++) {
      const [name, job, abbr, phone] = PEOPLE[i % PEOPLE.length];
      write.attendee(meetingId, i, name, job, agency(abbr), phone);
      attendees++;
    }
    const indicatorId = (n: number) => (indicatorOf.get(refYear, n) as { id: number }).id;
    for (const [n, [achievement, problem, recommendation]] of Object.entries(m.weak)) {
      write.review(meetingId, indicatorId(Number(n)), achievement, true, problem, recommendation);
    }
    for (const n of m.fine) write.review(meetingId, indicatorId(n), 'Sesuai target', false, '', '');
    for (const [abbr, n, code, source, pagu, realisasi] of m.budgets) {
      write.budget({
        agencyId: agency(abbr), indicatorId: indicatorId(n), meetingId, code, activity: `Kegiatan indikator ${n}`, source, year,
        allocationSen: pagu * 100, realizationSen: realisasi * 100,
      });
      budgetLines++;
    }
    const ids: number[] = [];
    for (const [n, problem, description, lead, related, target] of m.actions) {
      ids.push(write.action({
        meetingId, indicatorId: indicatorId(n), problem, description, leadAgencyId: agency(lead),
        related: related.map(agency), targetDate: target, source: 'APBD',
      }));
    }
    actionIds.push(ids);
    m.decisions.forEach((text, i) => write.decision(meetingId, i, text));
  }
  for (const [from, index, at, status, notes] of UPDATES) {
    write.statusUpdate(actionIds[from][index], meetingIds[at], status, notes);
  }
  // Closed as the app closes them: every RTL a meeting listed gets its follow-up there, then the
  // snapshot its exports render from now on (oldest first, so statuses "as of" are right).
  MEETINGS.forEach((m, i) => {
    if (m.status !== 'selesai') return;
    materializeFollowUps(db, getMeeting(db, meetingIds[i]));
    takeSnapshot(db, meetingIds[i]);
  });
  return { meetings: MEETINGS.length, attendees, actionItems: actionIds.flat().length, budgetLines };
}
