import type { Migration } from './types';
import { SEED_AGENCIES, SEED_BANDS, SEED_CLUSTERS, SEED_YEAR } from './0002_seed_data';

// Seeds the 2022 reference set and a typical agency list. It runs once per database, so a
// region's later edits are never overwritten.
export const migration0002: Migration = {
  version: 2,
  name: 'seed KLA 2022 reference set and agencies',
  up(db) {
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO evaluation_year (year, notes) VALUES (?, ?)`).run(
      SEED_YEAR,
      'Permen PPPA 12/2022: 24 indikator. Nama indikator 7–24 dan sub-indikator belum diverifikasi; sesuaikan bila perlu.',
    );
    const insertCluster = db.prepare(`INSERT INTO cluster (year, code, name, position) VALUES (?, ?, ?, ?)`);
    const insertIndicator = db.prepare(`INSERT INTO indicator (cluster_id, number, name, usual_agencies) VALUES (?, ?, ?, ?)`);
    const insertSub = db.prepare(`INSERT INTO sub_indicator (indicator_id, code, name) VALUES (?, ?, ?)`);
    SEED_CLUSTERS.forEach((cluster, index) => {
      const clusterId = insertCluster.run(SEED_YEAR, cluster.code, cluster.name, index).lastInsertRowid;
      for (const ind of cluster.indicators) {
        const indicatorId = insertIndicator.run(clusterId, ind.number, ind.name, ind.usualAgencies).lastInsertRowid;
        for (const sub of ind.subIndicators ?? []) insertSub.run(indicatorId, sub.code, sub.name);
      }
    });
    const insertBand = db.prepare(`INSERT INTO predikat_band (year, name, min_score, max_score) VALUES (?, ?, ?, ?)`);
    for (const band of SEED_BANDS) insertBand.run(SEED_YEAR, band.name, band.minScore, band.maxScore);
    const insertAgency = db.prepare(
      `INSERT INTO agency (kind, partner_type, name, abbreviation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const a of SEED_AGENCIES) insertAgency.run(a.kind, a.partnerType ?? '', a.name, a.abbreviation, now, now);
  },
};
