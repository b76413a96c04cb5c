// KLA rules that do not belong to the database: ordering of predikat and picking the band a score
// falls in. The bands themselves are data per evaluation year (see reference tables).

export const PREDIKAT_ORDER = ['Pratama', 'Madya', 'Nindya', 'Utama', 'KLA'] as const;
export type PredikatName = (typeof PREDIKAT_ORDER)[number];

export interface PredikatBand {
  name: string;
  minScore: number;
  maxScore: number;
}

/** The band whose [min, max] holds the score; null below the lowest band ("belum berpredikat"). */
export function predikatFor(score: number, bands: readonly PredikatBand[]): PredikatBand | null {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  // Bands are published as whole numbers (500–600, 601–700): a score of 600,50 sits between
  // them and belongs to the lower one, so a band is found by its minimum alone.
  return sorted.find((b) => score >= b.minScore) ?? null;
}

/** The four scores of one evaluation, in the order they are given (see ../shared/DOMAIN.md). */
export const SCORE_STAGES = ['EM', 'VA', 'PUSAT', 'FINAL'] as const;
export type ScoreStage = (typeof SCORE_STAGES)[number];
export const SCORE_STAGE_LABEL: Record<ScoreStage, string> = {
  EM: 'Evaluasi Mandiri',
  VA: 'Verifikasi Administrasi',
  PUSAT: 'Verifikasi Pusat',
  FINAL: 'Nilai Akhir (Verifikasi Lapangan)',
};
/** Short column headings (spreadsheet template, narrow tables). */
export const SCORE_STAGE_SHORT: Record<ScoreStage, string> = { EM: 'EM', VA: 'VA', PUSAT: 'Pusat', FINAL: 'Akhir' };

export const CLUSTER_CODES = ['KL', 'I', 'II', 'III', 'IV', 'V'] as const;
export type ClusterCode = (typeof CLUSTER_CODES)[number];

/** "Klaster III" or "Kelembagaan": how a cluster is named in running text. */
export function clusterLabel(code: string): string {
  return code === 'KL' ? 'Kelembagaan' : `Klaster ${code}`;
}
