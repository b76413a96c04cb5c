// The reference rakor of issue 15, as fixture data: a Klaster III rakor of a kabupaten with
// 20 attendees, 5 weak indicators, 3 budget lines, 6 RTL and 2 decisions. Texts are of the
// length a notulis really types; nothing here is shortened to flatter the count.

export interface ReferenceRakor {
  profile: [label: string, value: string][];
  timeZone: string;
  cluster: string;
  date: string;
  nextDate: string;
  startTime: string;
  endTime: string;
  place: string;
  agenda: string[];
  attendees: { name: string; jobTitle: string; agency: string; phone: string }[];
  weak: { number: number; achievement: string; problem: string; lead: string }[];
  budget: { indicator: number; agency: string; code: string; name: string; source: string; pagu: string; realisasi: string }[];
  rtl: { indicator: number; description: string; lead?: string; target: string; related: string[] }[];
  decisions: string[];
}

export const REFERENCE_RAKOR: ReferenceRakor = {
  profile: [
    ['Nama kabupaten/kota', 'Banua Harapan'],
    ['Provinsi', 'Kalimantan Selatan'],
    ['Nama kepala dinas', 'Dra. Hj. Siti Aminah, M.Si'],
    ['Nama pimpinan rapat', 'Drs. H. Rahmat Hidayat, M.Si.'],
    ['Jabatan pimpinan rapat', 'Sekretaris Daerah'],
    ['Nama notulis', 'Maya Sari, S.H.'],
    ['NIP notulis', '198805152015032002'],
  ],
  timeZone: 'WITA',
  cluster: 'III',
  date: '15/04/2025',
  nextDate: '15/07/2025',
  startTime: '09.00',
  endTime: '12.00',
  place: 'Aula Bappeda Banua Harapan',
  agenda: ['Pembukaan', 'Paparan capaian indikator Klaster III', 'Diskusi dan rencana tindak lanjut'],
  attendees: [
    { name: 'dr. Sari Wulandari', jobTitle: 'Kepala Bidang Kesehatan Masyarakat', agency: 'Dinkes', phone: '081234567001' },
    { name: 'Siti Aminah, S.KM', jobTitle: 'Analis Kebijakan Gizi', agency: 'Dinkes', phone: '081234567002' },
    { name: 'Ir. Bambang Hartono', jobTitle: 'Kepala Bidang Cipta Karya', agency: 'PUPR', phone: '081234567003' },
    { name: 'Yusuf Maulana, S.T.', jobTitle: 'Kepala Seksi Air Minum', agency: 'PUPR', phone: '081234567004' },
    { name: 'Drs. Hendri Saputra', jobTitle: 'Kepala Bidang Penegakan Perda', agency: 'Satpol PP', phone: '081234567005' },
    { name: 'Nurhayati, S.Sos.', jobTitle: 'Sekretaris Dinas', agency: 'DP3A', phone: '081234567006' },
    { name: 'Ahmad Fauzi, S.E.', jobTitle: 'Kepala Subbidang Sosial Budaya', agency: 'Bappeda', phone: '081234567007' },
    { name: 'Rina Marlina', jobTitle: 'Ketua Pokja IV', agency: 'TP PKK', phone: '081234567008' },
    { name: 'dr. Hendra Wijaya', jobTitle: 'Direktur', agency: 'RSUD', phone: '081234567009' },
    { name: 'Budi Santoso, S.Kep.', jobTitle: 'Kepala Bidang Pelayanan', agency: 'RSUD', phone: '081234567010' },
    { name: 'Dewi Lestari', jobTitle: 'Ketua', agency: 'FAD', phone: '081234567011' },
    { name: 'H. Mahmud Yunus, S.Ag.', jobTitle: 'Kepala Seksi Bimas Islam', agency: 'Kemenag', phone: '081234567012' },
    { name: 'Lilis Suryani, S.Pd.', jobTitle: 'Kepala Bidang PAUD', agency: 'Dindik', phone: '081234567013' },
    { name: 'Agus Salim, S.IP.', jobTitle: 'Kepala Bidang Pemerintahan Desa', agency: 'DPMD', phone: '081234567014' },
    { name: 'Rahmawati, S.Si.', jobTitle: 'Kepala Bidang Pengendalian Pencemaran', agency: 'DLH', phone: '081234567015' },
    { name: 'Fajar Nugroho, S.T.', jobTitle: 'Kepala Bidang Perumahan', agency: 'Perkim', phone: '081234567016' },
    { name: 'Indah Permata, S.Sos.', jobTitle: 'Analis Data Statistik', agency: 'BPS', phone: '081234567017' },
    { name: 'Taufik Hidayat, S.H.', jobTitle: 'Kepala Subbagian Perundang-undangan', agency: 'Bag. Hukum', phone: '081234567018' },
    { name: 'Sri Wahyuni, S.Kom.', jobTitle: 'Kepala Bidang Informasi Publik', agency: 'Diskominfo', phone: '081234567019' },
    { name: 'Maya Sari, S.H.', jobTitle: 'Analis Perlindungan Anak', agency: 'DP3A', phone: '081234567020' },
  ],
  weak: [
    { number: 11, achievement: 'Persalinan di faskes 91%', problem: 'Masih ada persalinan di rumah di 3 kecamatan terpencil.', lead: 'Dinkes' },
    { number: 12, achievement: 'Prevalensi stunting 24,1%', problem: 'Prevalensi stunting 24,1%, di atas target 14%; data by name by address belum lengkap.', lead: 'Dinkes' },
    { number: 13, achievement: 'ASI eksklusif 58%', problem: 'Konselor menyusui baru ada di 9 dari 21 puskesmas.', lead: 'Dinkes' },
    { number: 15, achievement: 'Akses air minum layak 78%', problem: 'Akses air minum layak baru 78% rumah tangga; 12 desa belum punya SPAM.', lead: 'PUPR' },
    { number: 16, achievement: 'Belum ada Perda KTR', problem: 'Perda KTR belum ada; iklan rokok masih terpasang di sekitar sekolah.', lead: 'Satpol PP' },
  ],
  budget: [
    { indicator: 12, agency: 'Dinkes', code: '1.02.02.2.02.0014', name: 'Pengelolaan pelayanan kesehatan gizi masyarakat', source: 'APBD', pagu: '1.250.000.000', realisasi: '312.500.000' },
    { indicator: 15, agency: 'PUPR', code: '1.03.03.2.01.0005', name: 'Pembangunan SPAM jaringan perpipaan', source: 'DAK', pagu: '2.000.000.000', realisasi: '1.500.000.000' },
    { indicator: 16, agency: 'Satpol PP', code: '1.05.02.2.01.0001', name: 'Penegakan peraturan daerah', source: 'APBD', pagu: '45.000.000', realisasi: '10.000.000' },
  ],
  rtl: [
    { indicator: 12, description: 'Pemberian makanan tambahan untuk 320 balita gizi kurang', target: '30/06/2025', related: ['DP3A', 'TP PKK'] },
    { indicator: 12, description: 'Kelas ibu balita di 12 posyandu lokus stunting', target: '30/09/2025', related: ['DPMD'] },
    { indicator: 13, description: 'Pelatihan konselor menyusui untuk 12 puskesmas', target: '31/08/2025', related: [] },
    { indicator: 15, description: 'Pembangunan SPAM di 4 desa lokus', target: '31/12/2025', related: ['Bappeda'] },
    { indicator: 16, description: 'Menyusun rancangan Perda KTR', lead: 'Bag. Hukum', target: '30/11/2025', related: ['Dinkes'] },
    { indicator: 16, description: 'Penertiban reklame rokok di radius 500 m dari sekolah', target: '31/07/2025', related: ['Diskominfo'] },
  ],
  decisions: [
    'Dinkes memimpin percepatan penurunan stunting dengan target prevalensi 20% pada akhir 2025.',
    'Bagian Hukum menyiapkan naskah akademik Perda KTR paling lambat Agustus 2025.',
  ],
};
