import { describe, expect, it } from 'vitest';
import { agencyKey } from '../../shared/agency-key';
import { AppError, isApiError } from '../../shared/errors';
import { CLUSTER_CODES, clusterLabel, PREDIKAT_ORDER, predikatFor, SCORE_STAGE_LABEL, SCORE_STAGES } from '../../shared/kla';
import { ACTION_STATUS_LABEL, FUNDING_SOURCES, MEETING_STATUS_LABEL, proposeMeetingTitle } from '../../shared/meeting';
import { messages, t, type MessageKey } from '../../shared/messages';
import { formatNip, NIP_DIGITS, normalizeNip } from '../../shared/nip';

// The small pure rules of shared/: NIP, agency keys, KLA bands, titles, labels, errors and the
// message catalogue. Expected values are the ones a secretariat reads, written out by hand.

describe('NIP', () => {
  it('accepts 18 digits typed with spaces, tabs or dots', () => {
    expect(NIP_DIGITS).toBe(18);
    expect(normalizeNip('19800101.200501.1.001')).toBe('198001012005011001');
    expect(normalizeNip('19800101\t200501 1  001')).toBe('198001012005011001');
    expect(normalizeNip('x198001012005011001')).toBeNull();
    expect(normalizeNip('198001012005011001x')).toBeNull();
    expect(normalizeNip('19800101-200501-1-001')).toBeNull();
  });

  it('groups a NIP typed loosely and leaves anything else as typed', () => {
    expect(formatNip('19800101.200501.1.001')).toBe('19800101 200501 1 001');
    expect(formatNip('123')).toBe('123');
    expect(formatNip('')).toBe('');
  });
});

describe('agency key', () => {
  it('maps every Cyrillic and Greek look-alike to its Latin letter', () => {
    expect(agencyKey('АВЕКМНОРСТУХІЈЅ')).toBe('abekmhopctyxijs');
    expect(agencyKey('авекмнорстухіјѕ')).toBe('abekmhopctyxijs');
    expect(agencyKey('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ')).toBe('abezhikmnoptyx');
    expect(agencyKey('αικνορτυχ')).toBe('aikvoptux');
  });

  it('keeps letters and digits only, lower case, accents dropped', () => {
    expect(agencyKey('Dinas P-3/A. Café')).toBe('dinasp3acafe');
    expect(agencyKey('Ж')).toBe(''); // a letter with no Latin look-alike is not a letter of the key
    expect(agencyKey('Bappeda 2')).toBe('bappeda2');
  });
});

describe('KLA', () => {
  const bands = [
    { name: 'Madya', minScore: 601, maxScore: 700 },
    { name: 'KLA', minScore: 901, maxScore: 1000 },
    { name: 'Pratama', minScore: 500, maxScore: 600 },
  ];

  it('finds the band whatever order the bands are listed in', () => {
    expect(predikatFor(950, bands)?.name).toBe('KLA');
    expect(predikatFor(601, bands)?.name).toBe('Madya');
    expect(predikatFor(600.99, bands)?.name).toBe('Pratama');
    expect(predikatFor(800, bands)?.name).toBe('Madya'); // a gap in the edited bands stays in the lower one
    expect(predikatFor(499, bands)).toBeNull();
    expect(bands.map((b) => b.name)).toEqual(['Madya', 'KLA', 'Pratama']); // the caller's list is not reordered
  });

  it('names predikat, stages and clusters in their official order', () => {
    expect(PREDIKAT_ORDER).toEqual(['Pratama', 'Madya', 'Nindya', 'Utama', 'KLA']);
    expect(SCORE_STAGES).toEqual(['EM', 'VA', 'PUSAT', 'FINAL']);
    expect(SCORE_STAGE_LABEL).toEqual({ EM: 'Evaluasi Mandiri', VA: 'Verifikasi Administrasi', PUSAT: 'Verifikasi Pusat', FINAL: 'Nilai Akhir (Verifikasi Lapangan)' });
    expect(CLUSTER_CODES).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    expect(clusterLabel('V')).toBe('Klaster V');
  });
});

describe('meeting titles and labels', () => {
  const clusters = [
    { code: 'KL', name: 'Kelembagaan' },
    { code: 'I', name: 'Hak Sipil dan Kebebasan' },
    { code: 'II', name: 'Lingkungan Keluarga dan Pengasuhan Alternatif' },
  ];

  it('proposes a title for none, one, several or all clusters', () => {
    expect(proposeMeetingTitle([], 6)).toBe('Rapat Koordinasi Gugus Tugas KLA');
    expect(proposeMeetingTitle([clusters[1]], 6)).toBe('Rapat Koordinasi Gugus Tugas KLA Klaster I Hak Sipil dan Kebebasan');
    expect(proposeMeetingTitle(clusters.slice(0, 2), 6)).toBe('Rapat Koordinasi Gugus Tugas KLA Kelembagaan dan Klaster I');
    expect(proposeMeetingTitle(clusters, 6)).toBe('Rapat Koordinasi Gugus Tugas KLA Kelembagaan, Klaster I dan Klaster II');
    expect(proposeMeetingTitle(clusters, 3)).toBe('Rapat Pleno Gugus Tugas KLA');
    // A reference set of one cluster: choosing it is not a pleno.
    expect(proposeMeetingTitle([clusters[0]], 1)).toBe('Rapat Koordinasi Gugus Tugas KLA Kelembagaan');
  });

  it('labels statuses and lists funding sources as users read them', () => {
    expect(MEETING_STATUS_LABEL).toEqual({ draf: 'Draf', berlangsung: 'Berlangsung', selesai: 'Selesai' });
    expect(ACTION_STATUS_LABEL).toEqual({ belum: 'Belum', proses: 'Proses', selesai: 'Selesai' });
    expect(FUNDING_SOURCES).toEqual([
      'APBD murni', 'APBD perubahan', 'APBN', 'DAK fisik', 'DAK nonfisik', 'Dana Desa', 'Hibah',
      'CSR/TJSL dunia usaha', 'Swadaya masyarakat',
    ]);
  });
});

describe('errors', () => {
  it('carry a code, a message and field errors only when there are some', () => {
    const plain = AppError.of('CONFLICT', 'error.agencyDuplicate', { name: 'Dinas Sosial', abbreviation: 'Dinsos' });
    expect(plain).toBeInstanceOf(Error);
    expect(plain.name).toBe('AppError');
    expect(plain.message).toBe('Singkatan ini sudah dipakai oleh Dinas Sosial (Dinsos).');
    expect(plain.toApiError()).toEqual({ code: 'CONFLICT', message: 'Singkatan ini sudah dipakai oleh Dinas Sosial (Dinsos).' });
    expect(new AppError('VALIDATION', 'x', []).toApiError()).toEqual({ code: 'VALIDATION', message: 'x' });
    const fields = [{ path: 'chair.nip', message: 'NIP harus 18 digit angka.' }];
    expect(new AppError('VALIDATION', 'x', fields).toApiError()).toEqual({ code: 'VALIDATION', message: 'x', fields });
    expect(AppError.of('NOT_FOUND', 'error.notFound').message).toBe('Data tidak ditemukan. Mungkin sudah dihapus.');
  });

  it('recognise the error shape that crosses the boundary', () => {
    expect(isApiError({ code: 'IO', message: 'gagal' })).toBe(true);
    expect(isApiError({ code: 'IO' })).toBe(false);
    expect(isApiError({ message: 'gagal' })).toBe(false);
    expect(isApiError({ code: 5, message: 'gagal' })).toBe(false);
    expect(isApiError({ code: 'IO', message: 5 })).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError('IO')).toBe(false);
    // A function carrying the two fields is still not an error that crossed the boundary.
    expect(isApiError(Object.assign(() => undefined, { code: 'IO', message: 'gagal' }))).toBe(false);
  });
});

describe('message catalogue', () => {
  it('has a written sentence for every key, and only {placeholders} made of word characters', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim().length, key).toBeGreaterThan(3);
      expect(text, key).not.toMatch(/Stryker|undefined|TODO/);
      for (const placeholder of text.match(/\{[^}]*\}/g) ?? []) expect(placeholder, key).toMatch(/^\{\w+\}$/);
    }
  });

  it('fills every placeholder, numbers included, and blanks a missing one', () => {
    expect(t('field.tooLong', { max: 200 })).toBe('Terlalu panjang (maksimal 200 karakter).');
    expect(t('field.blankRows', { min: 5, max: 60 })).toBe('Jumlah baris harus antara 5 dan 60.');
    expect(t('backup.notFound')).toBe('Berkas cadangan tidak ditemukan: .');
    expect(t('saved')).toBe('Tersimpan');
    expect(t('field.unknown' as MessageKey, { name: 'x_y', other: 'z' })).toBe('Kolom tidak dikenal: x_y.');
  });
});
