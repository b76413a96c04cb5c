import type { HomeDashboard } from '../../shared/api/dashboard';
import type { RegionProfile } from '../../shared/types';
import { clusterLabel } from '../../shared/kla';
import { formatScore } from '../../shared/format';

// "Langkah berikutnya" on Beranda: what the secretariat should do next, derived from what the
// dashboard already read (nothing stored). Most urgent first; each step opens its screen.

export interface NextStep { text: string; href: string }

export function nextSteps(d: HomeDashboard, profile: RegionProfile | undefined): NextStep[] {
  const steps: NextStep[] = [];
  if (profile && profile.regionName.trim() === '') steps.push({ text: 'Isi profil daerah (nama, kop surat, zona waktu).', href: '#/profil' });
  if (d.noMeetings) steps.push({ text: 'Buat rakor pertama.', href: '#/rapat/baru' });
  if (d.actions.overdue > 0) steps.push({ text: `Tinjau ${d.actions.overdue} RTL yang melewati target waktu.`, href: '#/tindak-lanjut' });
  if (profile && profile.targetPredikat.trim() === '') steps.push({ text: 'Tetapkan target predikat di Profil daerah.', href: '#/profil' });
  if (!d.score) steps.push({ text: 'Masukkan nilai evaluasi (evaluasi mandiri dan verifikasi).', href: '#/nilai' });
  else if (d.score.gap?.gap) steps.push({ text: `Cari ${formatScore(d.score.gap.gap)} poin lagi ke ${d.score.gap.target}: lihat simulasi per indikator.`, href: '#/nilai' });
  const weak = d.weak.reduce((n, c) => n + c.indicators.length, 0);
  if (weak > 0) steps.push({ text: `Bahas ${weak} indikator yang masih lemah di rakor klasternya.`, href: '#/papan' });
  if (!d.noMeetings) {
    const short = d.rakor.clusters.filter((c) => !c.meetsExpectation);
    if (short.length > 0) {
      const names = short.slice(0, 3).map((c) => clusterLabel(c.code)).join(', ');
      steps.push({ text: `Jadwalkan rakor ${names}${short.length > 3 ? ` dan ${short.length - 3} klaster lain` : ''}: belum lebih dari 4 kali tahun ${d.rakor.year}.`, href: '#/rakor-tahunan' });
    }
  }
  if (!d.budget) steps.push({ text: 'Catat anggaran (pagu dan realisasi) di tab Anggaran rakor.', href: '#/rapat' });
  if (!d.noMeetings) steps.push({ text: 'Lengkapi data dukung per indikator untuk evaluasi.', href: '#/data-dukung' });
  return steps.slice(0, 6);
}
