import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databasePath, openDatabase, type Db } from '../../src-main/core/db/database';

// A rakor written straight into a real SQLite file, so export tests do not depend on the
// meeting services (built elsewhere). Sizes and texts are parameters: the same helper makes the
// small readable meeting, the 150-attendee one and the bench's large rakor.

/** A 48 x 48 PNG (a yellow-and-blue disc) standing in for a regency's logo. */
export const LOGO_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAvUlEQVR42u3Z0Q2AIAwE0BvHmZzOcZzJH10Az0JtuWgNA7wcCZYDp9iH74CwbmTlgbjDL0McZYyFaEovC2kaowkeyrEvzeVhYUBz5+iS9YH8FAvLCxrTEJMV9C6Fs55BcRqjSRsUrbGYGChC0zS1QTnxPIaE/Hh4SKqgzP3iu4Yp8ZCQClSgAhVI5GCsf1k/aP74ITegKY6wdeswgOQuiopXacWyQa6OUSysFCs90dJTsRYWLc5FnxZ+9xp0AcILOycYSUYHAAAAAElFTkSuQmCC';

export interface FixtureOptions {
  title?: string;
  date?: string;
  startTime?: string;
  endTime?: string | null;
  place?: string;
  clusterCodes?: string[];
  attendees?: number;
  /** Indicator numbers (1-24) reviewed; the first half are marked weak. Default: 11-16. */
  indicators?: number[];
  actions?: number;
  budgetLines?: number;
  decisions?: string[];
  agenda?: { title: string; notes: string }[];
  openingNotes?: string;
  closingNotes?: string;
  chairNip?: string;
  earlierActions?: number;
  withLogo?: boolean;
  paper?: 'A4' | 'F4';
  /** Make every text field and list empty (the "nothing typed yet" notulen). */
  empty?: boolean;
  /** Attendees as typed (name, jabatan, phone), cycled over `attendees` rows; default generated ones. */
  people?: { name: string; jobTitle: string; phone: string }[];
  /** Store attendance positions in reverse, as after re-sorting the list in the app. */
  reversePositions?: boolean;
  /** Agencies invited to the rakor (meeting_invitation rows). Default 0. */
  invitedAgencies?: number;
}

/** The jabatan and phone numbers of the demo seed's daftar hadir (src-main/core/demo/seed-demo.ts). */
export const SEEDED_PEOPLE: { name: string; jobTitle: string; phone: string }[] = [
  { name: 'dr. Rina Marlina, M.Kes.', jobTitle: 'Kepala Bidang Kesehatan Masyarakat', phone: '0812-5100-2233' },
  { name: 'Ahmad Fauzi, S.K.M.', jobTitle: 'Kepala Seksi Gizi', phone: '0813-4821-7712' },
  { name: 'Hj. Siti Rahmah, S.Sos.', jobTitle: 'Sekretaris', phone: '0811-505-1188' },
  { name: 'Muhammad Ridwan, S.T.', jobTitle: 'Kepala Bidang Cipta Karya', phone: '085248103321' },
  { name: 'Nur Aini, S.E.', jobTitle: 'Analis Perencanaan', phone: '0821553310201' },
  { name: 'Bripka Yudi Hartono', jobTitle: 'Kanit PPA Satreskrim', phone: '0812-5012-8890' },
  { name: 'Lestari Widya, S.Pd.', jobTitle: 'Kepala Seksi Kurikulum SD', phone: '0813-5211-4430' },
  { name: 'Rahmat Hidayat, S.Sos.', jobTitle: 'Pekerja Sosial', phone: '0822-5100-7731' },
  { name: 'Fitriani', jobTitle: 'Ketua', phone: '0857-5311-2210' },
  { name: 'Hj. Norhayati', jobTitle: 'Wakil Ketua I', phone: '0811-5109-441' },
  { name: 'Dedi Kurniawan, S.H.', jobTitle: 'Kepala Subbagian Perundang-undangan', phone: '0812-5040-1122' },
  { name: 'Sri Wahyuni, S.Kep.', jobTitle: 'Kepala Puskesmas Kota Harapan', phone: '0813-4800-1200' },
  { name: 'Andi Saputra, S.Kom.', jobTitle: 'Pranata Komputer', phone: '0852-5200-8871' },
  { name: 'Yusuf Maulana, S.Ag.', jobTitle: 'Penyuluh Agama Islam', phone: '0821-5430-6609' },
  { name: 'Agus Salim, S.IP.', jobTitle: 'Kepala Bagian Tata Pemerintahan', phone: '081253401122' },
];

export interface Fixture {
  db: Db;
  dir: string;
  meetingId: number;
  close(): void;
}

export function tempDataDir(prefix = 'rakor-export-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openFixtureDb(dir: string = tempDataDir()): { db: Db; dir: string } {
  return { db: openDatabase(databasePath(dir)), dir };
}

const NOW = '2024-11-20T08:00:00.000Z';

export function setExportProfile(db: Db, options: { withLogo?: boolean; paper?: 'A4' | 'F4' } = {}): void {
  db.prepare(
    `UPDATE region_profile SET region_type = 'kabupaten', region_name = 'Kotawaringin Timur', province = 'Kalimantan Tengah',
       time_zone = 'WITA', letterhead_lines = ?, logo_data_url = ?, paper = ?, font_family = 'Arial', font_size_pt = 12,
       signing_place = 'Sampit', updated_at = ? WHERE id = 1`,
  ).run(
    JSON.stringify([
      'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR',
      'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK',
      'Jalan Jenderal Sudirman Km. 5,5 Sampit 74322',
      'Telepon (0531) 21234, Pos-el dp3a@kotimkab.go.id',
      'Laman dp3a.kotimkab.go.id',
    ]),
    options.withLogo === false ? '' : LOGO_DATA_URL,
    options.paper ?? 'A4',
    NOW,
  );
}

function agencyIds(db: Db): number[] {
  return (db.prepare(`SELECT id FROM agency ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
}

function indicatorIdsByNumber(db: Db): Map<number, number> {
  const rows = db
    .prepare(`SELECT i.id, i.number FROM indicator i JOIN cluster c ON c.id = i.cluster_id WHERE c.year = (SELECT max(year) FROM evaluation_year)`)
    .all() as { id: number; number: number }[];
  return new Map(rows.map((r) => [r.number, r.id]));
}

export function insertMeeting(db: Db, o: FixtureOptions = {}): number {
  const empty = o.empty === true;
  const text = (value: string | undefined, fallback: string) => (empty ? '' : value ?? fallback);
  const date = o.date ?? '2024-11-26';
  const meetingId = Number(
    db.prepare(
      `INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status,
         chair_name, chair_position, chair_rank, chair_nip, notulis_name, notulis_position, notulis_rank, notulis_nip,
         opening_notes, closing_notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'WITA', ?, 'selesai', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      o.title ?? 'Rakor KLA Klaster III',
      date,
      o.startTime ?? '09:00',
      o.endTime === undefined ? '12:00' : o.endTime,
      text(o.place, 'Aula Bappeda Kabupaten Kotawaringin Timur'),
      text(undefined, 'Dr. H. Ahmad Fauzi, M.Si.'),
      text(undefined, 'Kepala Bappeda selaku Ketua Gugus Tugas KLA'),
      text(undefined, 'Pembina Utama Muda (IV/c)'),
      empty ? '' : o.chairNip ?? '198001012005011001',
      text(undefined, 'Siti Rahmawati, S.Sos.'),
      text(undefined, 'Analis Perlindungan Anak DP3A'),
      text(undefined, 'Penata (III/c)'),
      text(undefined, '199003152015032002'),
      text(o.openingNotes, 'Rapat dibuka oleh Ketua Gugus Tugas KLA pukul 09.10 WITA.\nKetua menyampaikan bahwa nilai Klaster III masih di bawah target Nindya.'),
      text(o.closingNotes, 'Ketua mengucapkan terima kasih atas kehadiran seluruh peserta.'),
      NOW,
      NOW,
    ).lastInsertRowid,
  );
  const clusterIds = db.prepare(`SELECT id FROM cluster WHERE code = ? ORDER BY year DESC LIMIT 1`);
  for (const code of o.clusterCodes ?? ['III']) {
    const row = clusterIds.get(code) as { id: number } | undefined;
    if (row) db.prepare(`INSERT INTO meeting_cluster (meeting_id, cluster_id) VALUES (?, ?)`).run(meetingId, row.id);
  }
  if (empty) return meetingId;

  const agencies = agencyIds(db);
  const indicators = indicatorIdsByNumber(db);
  const agendaItems = o.agenda ?? [
    { title: 'Pembukaan dan arahan Ketua Gugus Tugas', notes: 'Ketua meminta setiap OPD melaporkan capaian indikator Klaster III.' },
    { title: 'Pembahasan capaian indikator Klaster III', notes: 'Dinkes melaporkan prevalensi stunting turun menjadi 18,2% ("angka sementara").\nPUPR menyampaikan akses air minum layak 87%.' },
  ];
  const insertAgenda = db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, notes) VALUES (?, ?, ?, ?)`);
  agendaItems.forEach((a, i) => insertAgenda.run(meetingId, i, a.title, a.notes));

  const insertAttendance = db.prepare(
    `INSERT INTO attendance (meeting_id, position, name, job_title, agency_id, agency_text, phone, present, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const attendeeCount = o.attendees ?? 12;
  for (let i = 0; i < attendeeCount; i++) {
    const position = o.reversePositions ? attendeeCount - i : i;
    const person = o.people?.[i % o.people.length];
    insertAttendance.run(
      meetingId, position, person?.name ?? `Peserta ${i + 1} Nama Lengkap, S.KM.`, person?.jobTitle ?? (i % 3 === 0 ? 'Kepala Bidang' : 'Staf'),
      agencies[i % agencies.length], '', person?.phone ?? `0812-5${String(100000 + i).slice(1)}`, NOW,
    );
  }
  // An absent invitee is recorded but neither counted nor listed.
  insertAttendance.run(meetingId, attendeeCount, 'Tidak Hadir', 'Kepala Dinas', agencies[0], '', '', NOW);
  db.prepare(`UPDATE attendance SET present = 0 WHERE meeting_id = ? AND name = 'Tidak Hadir'`).run(meetingId);

  const invite = db.prepare(`INSERT INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`);
  for (const agencyId of agencies.slice(0, o.invitedAgencies ?? 0)) invite.run(meetingId, agencyId);

  const insertDecision = db.prepare(`INSERT INTO decision (meeting_id, position, text) VALUES (?, ?, ?)`);
  (o.decisions ?? [
    'Dinkes memperbarui data stunting per desa paling lambat Desember 2024.',
    'Bappeda memasukkan kegiatan Puskesmas ramah anak ke dalam RKPD 2025.',
  ]).forEach((d, i) => insertDecision.run(meetingId, i, d));

  const reviewed = o.indicators ?? [11, 12, 13, 14, 15, 16];
  const insertReview = db.prepare(
    `INSERT INTO indicator_review (meeting_id, indicator_id, achievement, score, is_weak, problem, recommendation) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssignment = db.prepare(`INSERT OR IGNORE INTO assignment (indicator_id, agency_id, role, meeting_id) VALUES (?, ?, ?, ?)`);
  reviewed.forEach((number, i) => {
    const indicatorId = indicators.get(number);
    if (!indicatorId) return;
    const weak = i < Math.ceil(reviewed.length / 2) ? 0 : 1;
    insertReview.run(meetingId, indicatorId, `Capaian indikator ${number} tahun 2024 sebesar ${60 + i}%.`, 40 + i, weak, weak ? `Data indikator ${number} belum lengkap.` : '', `Lengkapi data dukung indikator ${number}.`);
    insertAssignment.run(indicatorId, agencies[i % agencies.length], 'lead', meetingId);
    insertAssignment.run(indicatorId, agencies[(i + 1) % agencies.length], 'support', meetingId);
  });

  const insertAction = db.prepare(
    `INSERT INTO action_item (meeting_id, indicator_id, problem, description, lead_agency_id, target_date, funding_source, status, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRelated = db.prepare(`INSERT INTO action_item_agency (action_item_id, agency_id) VALUES (?, ?)`);
  const statuses = ['belum', 'proses', 'selesai'];
  const actionCount = o.actions ?? 4;
  for (let i = 0; i < actionCount; i++) {
    const number = reviewed[i % Math.max(1, reviewed.length)] ?? 12;
    const id = insertAction.run(
      meetingId, indicators.get(number) ?? null, `Permasalahan ke-${i + 1}: cakupan belum merata.`,
      `Tindak lanjut ke-${i + 1}: pendampingan dan pendataan ulang di kecamatan.`, agencies[i % agencies.length],
      '2024-12-31', i % 2 ? 'APBD' : 'DAK nonfisik', statuses[i % 3], i % 4 === 0 ? '' : 'Dilaporkan pada rakor berikutnya.', NOW, NOW,
    ).lastInsertRowid;
    insertRelated.run(id, agencies[(i + 2) % agencies.length]);
    insertRelated.run(id, agencies[(i + 3) % agencies.length]);
  }

  const insertBudget = db.prepare(
    `INSERT INTO budget_line (agency_id, indicator_id, meeting_id, sub_activity_code, activity_name, funding_source, fiscal_year,
       allocation_sen, realization_sen, child_responsive, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 2024, ?, ?, 1, ?, ?)`,
  );
  const budgetCount = o.budgetLines ?? 3;
  for (let i = 0; i < budgetCount; i++) {
    // The first line is 1.250.000.000 rupiah, the figure the render test looks for.
    const allocation = i === 0 ? 125_000_000_000 : 5_000_000_000 + i * 123_456_700;
    insertBudget.run(
      agencies[i % 6], indicators.get(reviewed[i % Math.max(1, reviewed.length)] ?? 12) ?? null, meetingId,
      `2.08.06.2.01.${String(i + 1).padStart(4, '0')}`, `Sub kegiatan pemenuhan hak anak ke-${i + 1}`, i % 2 ? 'APBD' : 'DAK nonfisik',
      allocation, Math.round(allocation * 0.45), NOW, NOW,
    );
  }

  const earlier = o.earlierActions ?? 1;
  if (earlier > 0) {
    const previousId = Number(
      db.prepare(
        `INSERT INTO meeting (title, date, start_time, end_time, time_zone, place, status, created_at, updated_at)
         VALUES ('Rakor KLA Klaster III Triwulan II', '2024-08-13', '09:00', '11:30', 'WITA', 'Aula DP3A', 'selesai', ?, ?)`,
      ).run(NOW, NOW).lastInsertRowid,
    );
    for (let i = 0; i < earlier; i++) {
      const id = insertAction.run(previousId, indicators.get(12) ?? null, '', `RTL sebelumnya ke-${i + 1}: sosialisasi ASI eksklusif`, agencies[2], '2024-10-31', 'APBD', 'proses', '', NOW, NOW).lastInsertRowid;
      db.prepare(`INSERT INTO action_item_update (action_item_id, meeting_id, status, notes, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(id, meetingId, i % 2 ? 'proses' : 'selesai', 'Sudah dilaksanakan di 12 puskesmas.', NOW);
    }
  }
  return meetingId;
}

/** A data folder with the profile set and one meeting; close() removes nothing (tests clean up). */
export function createMeetingFixture(options: FixtureOptions = {}, dir: string = tempDataDir()): Fixture {
  const { db } = openFixtureDb(dir);
  setExportProfile(db, { withLogo: options.withLogo, paper: options.paper });
  const meetingId = db.transaction(() => insertMeeting(db, options))();
  return { db, dir, meetingId, close: () => db.open && db.close() };
}
