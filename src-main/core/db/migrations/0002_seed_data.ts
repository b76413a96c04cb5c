// FROZEN: the data migration 0002 inserted when it shipped. Never edit it (a database migrated
// before the edit would differ from one migrated after); correct the seed in a new migration.

// The KLA reference set in force since 2022 (Permen PPPA 12/2022), from ../shared/DOMAIN.md.
// Only the cluster names, indicators 1–6 and the count per cluster are confirmed; the rest is
// seeded as editable data, never treated as truth by the code.

export interface SeedIndicator {
  number: number;
  name: string;
  usualAgencies: string;
  subIndicators?: { code: string; name: string }[];
}

export interface SeedCluster {
  code: string;
  name: string;
  indicators: SeedIndicator[];
}

export const SEED_YEAR = 2022;

export const SEED_CLUSTERS: SeedCluster[] = [
  {
    code: 'KL',
    name: 'Kelembagaan',
    indicators: [
      { number: 1, name: 'Peraturan daerah / kebijakan tentang KLA', usualAgencies: 'Bagian Hukum, DP3A' },
      { number: 2, name: 'Penguatan kelembagaan KLA (Gugus Tugas, RAD KLA, profil anak, kecamatan/desa layak anak)', usualAgencies: 'Bappeda, DP3A' },
      { number: 3, name: 'Keterlibatan lembaga masyarakat, dunia usaha dan media', usualAgencies: 'DP3A, Diskominfo' },
    ],
  },
  {
    code: 'I',
    name: 'Hak Sipil dan Kebebasan',
    indicators: [
      { number: 4, name: 'Anak yang memiliki kutipan akta kelahiran', usualAgencies: 'Disdukcapil' },
      { number: 5, name: 'Fasilitas informasi layak anak (ILA, PISA)', usualAgencies: 'Diskominfo, Perpustakaan' },
      { number: 6, name: 'Partisipasi anak (Forum Anak)', usualAgencies: 'DP3A' },
    ],
  },
  {
    code: 'II',
    name: 'Lingkungan Keluarga dan Pengasuhan Alternatif',
    indicators: [
      { number: 7, name: 'Perkawinan anak (pencegahan)', usualAgencies: 'DP3A, Kemenag, Pengadilan Agama' },
      { number: 8, name: 'Lembaga konsultasi pengasuhan keluarga (PUSPAGA)', usualAgencies: 'DP3A' },
      { number: 9, name: 'Lembaga pengasuhan alternatif terstandar (LKSA)', usualAgencies: 'Dinsos' },
      { number: 10, name: 'Infrastruktur ruang publik ramah anak', usualAgencies: 'PUPR/Perkim, Dishub' },
    ],
  },
  {
    code: 'III',
    name: 'Kesehatan Dasar dan Kesejahteraan',
    indicators: [
      { number: 11, name: 'Persalinan di fasilitas kesehatan', usualAgencies: 'Dinkes' },
      { number: 12, name: 'Status gizi balita (stunting)', usualAgencies: 'Dinkes' },
      { number: 13, name: 'Pemberian makan bayi dan anak / ASI', usualAgencies: 'Dinkes' },
      { number: 14, name: 'Fasilitas kesehatan / Puskesmas ramah anak', usualAgencies: 'Dinkes' },
      { number: 15, name: 'Air minum dan sanitasi layak', usualAgencies: 'PUPR, Dinkes' },
      { number: 16, name: 'Kawasan tanpa rokok, larangan iklan rokok', usualAgencies: 'Dinkes, Satpol PP' },
    ],
  },
  {
    code: 'IV',
    name: 'Pendidikan, Pemanfaatan Waktu Luang, dan Kegiatan Budaya',
    indicators: [
      { number: 17, name: 'PAUD holistik integratif', usualAgencies: 'Dindik, Dinkes, DP3A' },
      { number: 18, name: 'Wajib belajar 12 tahun', usualAgencies: 'Dindik, Kemenag' },
      { number: 19, name: 'Satuan pendidikan ramah anak (SRA)', usualAgencies: 'Dindik, Kemenag' },
      { number: 20, name: 'Fasilitas kegiatan budaya, kreatif, rekreatif (RBRA)', usualAgencies: 'Disbudpar, Dispora' },
    ],
  },
  {
    code: 'V',
    name: 'Perlindungan Khusus',
    indicators: [
      {
        number: 21,
        name: 'Anak korban kekerasan dan eksploitasi yang terlayani',
        usualAgencies: 'UPTD PPA, Dinsos',
        subIndicators: [
          { code: 'a', name: 'Kekerasan fisik' },
          { code: 'b', name: 'Kekerasan psikis' },
          { code: 'c', name: 'Kekerasan seksual' },
          { code: 'd', name: 'Eksploitasi ekonomi dan seksual' },
          { code: 'e', name: 'Perdagangan orang' },
          { code: 'f', name: 'Penelantaran dan perlakuan salah' },
        ],
      },
      { number: 22, name: 'Pekerja anak yang dibebaskan', usualAgencies: 'Disnaker' },
      { number: 23, name: 'Anak berhadapan dengan hukum: keadilan restoratif / diversi', usualAgencies: 'Polres, Kejari, PN, Bapas' },
      { number: 24, name: 'Anak korban pornografi, NAPZA, HIV, bencana, terorisme, disabilitas', usualAgencies: 'Dinsos, BNN, BPBD' },
    ],
  },
];

/** Predikat bands (unverified; editable per year). Below 500 there is no predikat. */
export const SEED_BANDS = [
  { name: 'Pratama', minScore: 500, maxScore: 600 },
  { name: 'Madya', minScore: 601, maxScore: 700 },
  { name: 'Nindya', minScore: 701, maxScore: 800 },
  { name: 'Utama', minScore: 801, maxScore: 900 },
  { name: 'KLA', minScore: 901, maxScore: 1000 },
];

/** A typical kabupaten's task force members; every region edits this list. */
export const SEED_AGENCIES: { kind: 'opd' | 'vertikal' | 'mitra'; partnerType?: string; name: string; abbreviation: string }[] = [
  { kind: 'opd', name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' },
  { kind: 'opd', name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', abbreviation: 'DP3A' },
  { kind: 'opd', name: 'Dinas Kesehatan', abbreviation: 'Dinkes' },
  { kind: 'opd', name: 'Dinas Pendidikan', abbreviation: 'Dindik' },
  { kind: 'opd', name: 'Dinas Sosial', abbreviation: 'Dinsos' },
  { kind: 'opd', name: 'Dinas Kependudukan dan Pencatatan Sipil', abbreviation: 'Disdukcapil' },
  { kind: 'opd', name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo' },
  { kind: 'opd', name: 'Dinas Pemberdayaan Masyarakat dan Desa', abbreviation: 'DPMD' },
  { kind: 'opd', name: 'Dinas Perhubungan', abbreviation: 'Dishub' },
  { kind: 'opd', name: 'Dinas Lingkungan Hidup', abbreviation: 'DLH' },
  { kind: 'opd', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', abbreviation: 'PUPR' },
  { kind: 'opd', name: 'Dinas Perumahan dan Kawasan Permukiman', abbreviation: 'Perkim' },
  { kind: 'opd', name: 'Dinas Tenaga Kerja', abbreviation: 'Disnaker' },
  { kind: 'opd', name: 'Dinas Kebudayaan dan Pariwisata', abbreviation: 'Disbudpar' },
  { kind: 'opd', name: 'Dinas Kepemudaan dan Olahraga', abbreviation: 'Dispora' },
  { kind: 'opd', name: 'Badan Penanggulangan Bencana Daerah', abbreviation: 'BPBD' },
  { kind: 'opd', name: 'Satuan Polisi Pamong Praja', abbreviation: 'Satpol PP' },
  { kind: 'opd', name: 'Bagian Hukum Sekretariat Daerah', abbreviation: 'Bag. Hukum' },
  { kind: 'opd', name: 'Dinas Perpustakaan dan Kearsipan', abbreviation: 'Dispursip' },
  { kind: 'opd', name: 'Rumah Sakit Umum Daerah', abbreviation: 'RSUD' },
  { kind: 'opd', name: 'UPTD Perlindungan Perempuan dan Anak', abbreviation: 'UPTD PPA' },
  { kind: 'vertikal', name: 'Kepolisian Resor', abbreviation: 'Polres' },
  { kind: 'vertikal', name: 'Kejaksaan Negeri', abbreviation: 'Kejari' },
  { kind: 'vertikal', name: 'Pengadilan Negeri', abbreviation: 'PN' },
  { kind: 'vertikal', name: 'Pengadilan Agama', abbreviation: 'PA' },
  { kind: 'vertikal', name: 'Kantor Kementerian Agama', abbreviation: 'Kemenag' },
  { kind: 'vertikal', name: 'Badan Pusat Statistik', abbreviation: 'BPS' },
  { kind: 'vertikal', name: 'Badan Narkotika Nasional Kabupaten', abbreviation: 'BNNK' },
  { kind: 'vertikal', name: 'Balai Pemasyarakatan', abbreviation: 'Bapas' },
  { kind: 'mitra', partnerType: 'pkk', name: 'Tim Penggerak PKK', abbreviation: 'TP PKK' },
  { kind: 'mitra', partnerType: 'forum_anak', name: 'Forum Anak Daerah', abbreviation: 'FAD' },
  { kind: 'mitra', partnerType: 'lpa', name: 'Lembaga Perlindungan Anak', abbreviation: 'LPA' },
  { kind: 'mitra', partnerType: 'media', name: 'Persatuan Wartawan Indonesia', abbreviation: 'PWI' },
  { kind: 'mitra', partnerType: 'dunia_usaha', name: 'Asosiasi Perusahaan Sahabat Anak Indonesia', abbreviation: 'APSAI' },
];
