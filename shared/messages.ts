// The one catalogue of what users read that is not a label on a screen: error messages and
// status lines, in Bahasa Indonesia. Keyed so that an English catalogue can follow.

export const messages = {
  'error.validation': 'Isian belum benar. Periksa kolom yang ditandai.',
  'error.notFound': 'Data tidak ditemukan. Mungkin sudah dihapus.',
  'error.conflict': 'Data ini bentrok dengan data yang sudah ada.',
  'error.internal': 'Terjadi kesalahan di aplikasi. Data Anda tidak berubah; coba ulangi.',
  'error.unknownOperation': 'Perintah tidak dikenal oleh aplikasi.',
  'error.unauthorized': 'Akses ditolak: sesi tidak sah.',
  'error.tooLarge': 'Data yang dikirim terlalu besar.',
  'error.busy': 'Folder data sedang dipakai oleh proses Rakor KLA lain. Tutup aplikasi itu dulu.',
  'error.dbTooNew': 'Basis data ini dibuat oleh versi Rakor KLA yang lebih baru. Perbarui aplikasi; data tidak diubah.',
  'error.agencyInUse': 'Instansi ini masih dipakai di rapat, anggaran, atau tindak lanjut, jadi tidak dapat dihapus. Nonaktifkan saja.',
  'error.agencyDuplicate': 'Instansi dengan singkatan ini sudah ada.',
  'field.required': 'Wajib diisi.',
  'field.tooLong': 'Terlalu panjang (maksimal {max} karakter).',
  'field.nip': 'NIP harus 18 digit angka.',
  'field.date': 'Tanggal tidak valid.',
  'field.time': 'Jam harus berformat JJ:MM, misalnya 09:00.',
  'field.money': 'Nilai rupiah harus angka 0 atau lebih.',
  'field.year': 'Tahun harus antara 2000 dan 2100.',
  'field.phone': 'Nomor HP hanya boleh berisi angka, spasi, tanda plus atau strip.',
  'field.unknown': 'Kolom tidak dikenal: {name}.',
  'field.endBeforeStart': 'Jam selesai tidak boleh sebelum jam mulai.',
  'field.logo': 'Logo harus gambar PNG atau JPEG, paling besar 1 MB.',
  'field.bandOrder': 'Rentang predikat tidak boleh tumpang tindih.',
  'error.busyOtherHost': 'Folder data sedang dipakai oleh Rakor KLA di komputer lain ({host}). Folder data jangan ditaruh di folder bersama; tutup aplikasi di komputer itu dulu.',
  'error.recoveryNeeded': 'Basis data rusak dan sedang menunggu pemulihan. Pulihkan dari cadangan atau mulai baru di layar Pemulihan.',
  'backup.notZipName': 'Berkas cadangan harus berakhiran .zip.',
  'backup.folderInvalid': 'Nama folder tidak valid.',
  'backup.folderNotAbsolute': 'Tulis lokasi folder lengkap, misalnya D:\\Cadangan Rakor atau /media/flashdisk/cadangan.',
  'backup.folderUnavailable': 'Folder cadangan tidak dapat dipakai: {folder}. Periksa apakah flashdisk atau folder bersama terpasang dan boleh ditulisi.',
  'backup.writeFailed': 'Cadangan gagal ditulis ke {folder}: {reason}. Data di aplikasi tidak berubah.',
  'backup.notFound': 'Berkas cadangan tidak ditemukan: {file}.',
  'backup.notZip': 'Berkas ini bukan cadangan Rakor KLA (bukan berkas zip yang utuh). Tidak ada yang diubah.',
  'backup.notOurs': 'Berkas zip ini bukan cadangan Rakor KLA (isinya tidak dikenal). Tidak ada yang diubah.',
  'backup.checksum': 'Cadangan ini rusak: isinya tidak cocok dengan tanda periksanya (checksum). Pilih cadangan lain; tidak ada yang diubah.',
  'backup.tooNew': 'Cadangan ini dibuat oleh Rakor KLA versi {version} yang lebih baru. Perbarui aplikasi dulu; tidak ada yang diubah.',
  'backup.damaged': 'Basis data di dalam cadangan ini rusak. Pilih cadangan lain; tidak ada yang diubah.',
  'saved': 'Tersimpan',
  'saving': 'Menyimpan…',
} as const;

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
