import type { Db } from '../db/database';
import type { OpParsed } from '../../../shared/api/contract';
import type { Cluster, EvaluationYear, Indicator, PredikatBandRow, SubIndicator } from '../../../shared/types';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { getEvaluationYear, referenceYearFor } from './repository';
import { setClause } from '../db/patch';
import { setUsualAgencyIds, usualAgencyIdsOf } from './usual-agencies';

// Editing the reference data: names, sub-items, maximum points and predikat bands of one
// evaluation year. A new year starts as a copy of the set in force, so earlier meetings keep
// pointing at the indicators they discussed.

export function updateCluster(db: Db, input: OpParsed<'reference.updateCluster'>): Cluster {
  const row = db.prepare(`SELECT id, year, code, name, position FROM cluster WHERE id = ?`);
  if (!row.get(input.id)) throw AppError.of('NOT_FOUND', 'error.notFound');
  const set = setClause({ name: 'name' }, input);
  if (set) db.prepare(`UPDATE cluster SET ${set.sql} WHERE id = ?`).run(...set.values, input.id);
  return row.get(input.id) as Cluster;
}

function getIndicator(db: Db, id: number): Indicator {
  const row = db
    .prepare(`SELECT id, cluster_id AS clusterId, number, name, usual_agencies AS usualAgencies, max_points AS maxPoints FROM indicator WHERE id = ?`)
    .get(id) as Omit<Indicator, 'subIndicators' | 'usualAgencyIds'> | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  const usualAgencyIds = usualAgencyIdsOf(db, [id]).get(id) ?? [];
  const subIndicators = db
    .prepare(`SELECT id, indicator_id AS indicatorId, code, name, max_points AS maxPoints FROM sub_indicator WHERE indicator_id = ? ORDER BY code`)
    .all(id) as SubIndicator[];
  return { ...row, usualAgencyIds, subIndicators };
}

export function setUsualAgencies(db: Db, input: OpParsed<'reference.setUsualAgencies'>): Indicator {
  getIndicator(db, input.indicatorId);
  setUsualAgencyIds(db, input.indicatorId, input.agencyIds);
  return getIndicator(db, input.indicatorId);
}

export function updateIndicator(db: Db, input: OpParsed<'reference.updateIndicator'>): Indicator {
  getIndicator(db, input.id);
  const set = setClause({ name: 'name', usualAgencies: 'usual_agencies', maxPoints: 'max_points' }, input);
  if (set) db.prepare(`UPDATE indicator SET ${set.sql} WHERE id = ?`).run(...set.values, input.id);
  return getIndicator(db, input.id);
}

function getSub(db: Db, id: number): SubIndicator {
  const row = db.prepare(`SELECT id, indicator_id AS indicatorId, code, name, max_points AS maxPoints FROM sub_indicator WHERE id = ?`).get(id) as
    | SubIndicator
    | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

function assertSubCodeFree(db: Db, indicatorId: number, code: string, exceptId: number | null) {
  if (db.prepare(`SELECT 1 FROM sub_indicator WHERE indicator_id = ? AND code = ? AND id IS NOT ?`).get(indicatorId, code, exceptId)) {
    const message = t('error.conflict');
    throw new AppError('CONFLICT', message, [{ path: 'code', message }]);
  }
}

export function createSubIndicator(db: Db, input: OpParsed<'reference.createSubIndicator'>): SubIndicator {
  getIndicator(db, input.indicatorId);
  assertSubCodeFree(db, input.indicatorId, input.code, null);
  const id = db
    .prepare(`INSERT INTO sub_indicator (indicator_id, code, name, max_points) VALUES (?, ?, ?, ?)`)
    .run(input.indicatorId, input.code, input.name, input.maxPoints).lastInsertRowid;
  return getSub(db, Number(id));
}

export function updateSubIndicator(db: Db, input: OpParsed<'reference.updateSubIndicator'>): SubIndicator {
  const sub = getSub(db, input.id);
  if (input.code !== undefined) assertSubCodeFree(db, sub.indicatorId, input.code, input.id);
  const set = setClause({ code: 'code', name: 'name', maxPoints: 'max_points' }, input);
  if (set) db.prepare(`UPDATE sub_indicator SET ${set.sql} WHERE id = ?`).run(...set.values, input.id);
  return getSub(db, input.id);
}

export function deleteSubIndicator(db: Db, id: number): { id: number } {
  getSub(db, id);
  db.prepare(`DELETE FROM sub_indicator WHERE id = ?`).run(id);
  return { id };
}

/** Bands sorted by minimum must each end before the next begins, and have min <= max. */
export function validateBands(bands: OpParsed<'reference.setBands'>['bands']): void {
  const fields: { path: string; message: string }[] = [];
  bands.forEach((b, i) => {
    if (b.minScore > b.maxScore) fields.push({ path: `bands.${i}.minScore`, message: t('field.bandMinMax') });
  });
  const order = bands.map((b, i) => ({ ...b, i })).sort((a, b) => a.minScore - b.minScore);
  for (let k = 1; k < order.length; k++) {
    if (order[k].minScore <= order[k - 1].maxScore) fields.push({ path: `bands.${order[k].i}.minScore`, message: t('field.bandOrder') });
  }
  const names = new Set<string>();
  bands.forEach((b, i) => {
    const key = b.name.toLowerCase();
    if (names.has(key)) fields.push({ path: `bands.${i}.name`, message: t('error.conflict') });
    names.add(key);
  });
  if (fields.length > 0) throw new AppError('VALIDATION', t('error.validation'), fields);
}

export function setBands(db: Db, input: OpParsed<'reference.setBands'>): PredikatBandRow[] {
  validateBands(input.bands);
  if (!db.prepare(`SELECT 1 FROM evaluation_year WHERE year = ?`).get(input.year)) throw AppError.of('NOT_FOUND', 'error.notFound');
  db.prepare(`DELETE FROM predikat_band WHERE year = ?`).run(input.year);
  const insert = db.prepare(`INSERT INTO predikat_band (year, name, min_score, max_score) VALUES (?, ?, ?, ?)`);
  for (const b of input.bands) insert.run(input.year, b.name, b.minScore, b.maxScore);
  return getEvaluationYear(db, input.year).bands;
}

export function createEvaluationYear(db: Db, year: number): EvaluationYear {
  if (db.prepare(`SELECT 1 FROM evaluation_year WHERE year = ?`).get(year)) {
    const message = t('error.yearExists');
    throw new AppError('CONFLICT', message, [{ path: 'year', message }]);
  }
  const source = getEvaluationYear(db, referenceYearFor(db, year));
  db.prepare(`INSERT INTO evaluation_year (year, notes) VALUES (?, ?)`).run(year, `Disalin dari set tahun ${source.year}.`);
  const insertCluster = db.prepare(`INSERT INTO cluster (year, code, name, position) VALUES (?, ?, ?, ?)`);
  const insertIndicator = db.prepare(`INSERT INTO indicator (cluster_id, number, name, usual_agencies, max_points) VALUES (?, ?, ?, ?, ?)`);
  const insertSub = db.prepare(`INSERT INTO sub_indicator (indicator_id, code, name, max_points) VALUES (?, ?, ?, ?)`);
  for (const c of source.clusters) {
    const clusterId = insertCluster.run(year, c.code, c.name, c.position).lastInsertRowid;
    for (const i of c.indicators) {
      const indicatorId = insertIndicator.run(clusterId, i.number, i.name, i.usualAgencies, i.maxPoints).lastInsertRowid;
      setUsualAgencyIds(db, Number(indicatorId), i.usualAgencyIds);
      for (const s of i.subIndicators) insertSub.run(indicatorId, s.code, s.name, s.maxPoints);
    }
  }
  const insertBand = db.prepare(`INSERT INTO predikat_band (year, name, min_score, max_score) VALUES (?, ?, ?, ?)`);
  for (const b of source.bands) insertBand.run(year, b.name, b.minScore, b.maxScore);
  return getEvaluationYear(db, year);
}
