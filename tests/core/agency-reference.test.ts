import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/database';
import { createAgency, deleteAgency, getAgency, listAgencies, updateAgency } from '../../src-main/core/agency/repository';
import {
  getEvaluationYear, listReferenceYears, referenceYearFor,
} from '../../src-main/core/reference/repository';
import { listYearScores, setYearScore } from '../../src-main/core/score/repository';
import { scoreHandlers } from '../../src-main/core/score/handlers';
import {
  createEvaluationYear, createSubIndicator, deleteSubIndicator, setBands, updateCluster, updateIndicator, updateSubIndicator, validateBands,
} from '../../src-main/core/reference/editing';
import { nowIso } from '../../src-main/core/db/clock';
import { AppError } from '../../shared/errors';
import { tempDir } from '../support/backup-helpers';
import { agencyHandlers } from '../../src-main/core/agency/handlers';
import { referenceHandlers } from '../../src-main/core/reference/handlers';
import type { CoreContext } from '../../src-main/core/handler-types';

// The master lists (agencies, the KLA reference set per year, the region's scores) through
// their repositories on a real migrated SQLite file.

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not throw');
}

let db: Db;
beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'ref.sqlite'));
  return () => db.close();
});

describe('agencies', () => {
  const list = (filter: Partial<Parameters<typeof listAgencies>[1]> = {}) =>
    listAgencies(db, { search: '', includeInactive: true, ...filter }).map((a) => a.name);

  beforeEach(() => {
    // A clean list: the seeded links of the indicators go first (they point at the seeded agencies).
    db.exec(`DELETE FROM indicator_agency; DELETE FROM agency`);
    createAgency(db, { kind: 'mitra', partnerType: 'forum_anak', name: 'forum anak daerah', abbreviation: 'FAD', active: true });
    createAgency(db, { kind: 'opd', partnerType: 'pkk', name: 'Dinas Sosial', abbreviation: 'Dinsos', active: true });
    createAgency(db, { kind: 'vertikal', partnerType: '', name: 'Kantor Kemenag', abbreviation: '', active: false });
    createAgency(db, { kind: 'opd', partnerType: '', name: 'bappeda 50%', abbreviation: '', active: true });
  });

  it('lists OPD, then vertical agencies, then partners, by name regardless of case', () => {
    expect(list()).toEqual(['bappeda 50%', 'Dinas Sosial', 'Kantor Kemenag', 'forum anak daerah']);
    expect(list({ includeInactive: false })).toEqual(['bappeda 50%', 'Dinas Sosial', 'forum anak daerah']);
    expect(list({ kind: 'opd' })).toEqual(['bappeda 50%', 'Dinas Sosial']);
    expect(list({ search: 'dinsos' })).toEqual(['Dinas Sosial']); // abbreviation
    expect(list({ search: 'ANAK' })).toEqual(['forum anak daerah']); // name
    expect(list({ search: '50%' })).toEqual(['bappeda 50%']);
    expect(list({ search: '_' })).toEqual([]);
    expect(list({ search: 'a', kind: 'mitra', includeInactive: false })).toEqual(['forum anak daerah']);
  });

  it('keeps a partner type for partners only, and active as a boolean', () => {
    const [opd, mitra, vertikal] = ['Dinas Sosial', 'forum anak daerah', 'Kantor Kemenag'].map((n) => listAgencies(db, { search: n, includeInactive: true })[0]);
    expect(opd).toMatchObject({ kind: 'opd', partnerType: '', abbreviation: 'Dinsos', active: true });
    expect(mitra).toMatchObject({ kind: 'mitra', partnerType: 'forum_anak', active: true });
    expect(vertikal.active).toBe(false);
    const changed = updateAgency(db, { id: mitra.id, baseRevision: mitra.revision, kind: 'opd' });
    expect(changed).toMatchObject({ kind: 'opd', partnerType: '', name: 'forum anak daerah', abbreviation: 'FAD' });
    const back = updateAgency(db, { id: mitra.id, baseRevision: changed.revision, kind: 'mitra', partnerType: 'lpa', active: false });
    expect(back).toMatchObject({ kind: 'mitra', partnerType: 'lpa', active: false });
    expect(updateAgency(db, { id: mitra.id, baseRevision: back.revision, active: true }).active).toBe(true);
    expect(back.updatedAt >= back.createdAt).toBe(true);
  });

  it('lets several agencies have no abbreviation, but not the same one', () => {
    const e = thrown(() => createAgency(db, { kind: 'opd', partnerType: '', name: 'Dinas Lain', abbreviation: 'd.i.n.s.o.s', active: true }));
    expect(e.toApiError()).toEqual({
      code: 'CONFLICT',
      message: 'Singkatan ini sudah dipakai oleh Dinas Sosial (Dinsos).',
      fields: [{ path: 'abbreviation', message: 'Singkatan ini sudah dipakai oleh Dinas Sosial (Dinsos).' }],
    });
    expect(createAgency(db, { kind: 'opd', partnerType: '', name: 'Dinas Ketiga', abbreviation: '', active: true }).abbreviation).toBe('');
    expect(createAgency(db, { kind: 'opd', partnerType: '', name: 'Dinas Keempat', abbreviation: '...', active: true }).name).toBe('Dinas Keempat');
  });

  it('refuses to delete an agency in use anywhere, and deletes it when unused', () => {
    const id = listAgencies(db, { search: 'Dinas Sosial', includeInactive: true })[0].id;
    const now = nowIso();
    const meeting = Number(db.prepare(`INSERT INTO meeting (title, date, start_time, time_zone, created_at, updated_at) VALUES ('R', '2025-01-01', '09:00', 'WIB', ?, ?)`).run(now, now).lastInsertRowid);
    const indicator = (db.prepare(`SELECT min(id) AS id FROM indicator`).get() as { id: number }).id;
    const uses: [string, () => void, string][] = [
      ['attendance', () => db.prepare(`INSERT INTO attendance (meeting_id, position, name, agency_id, created_at) VALUES (?, 1, 'Ani', ?, ?)`).run(meeting, id, now), `DELETE FROM attendance`],
      ['invitation', () => db.prepare(`INSERT INTO meeting_invitation (meeting_id, agency_id) VALUES (?, ?)`).run(meeting, id), `DELETE FROM meeting_invitation`],
      ['assignment', () => db.prepare(`INSERT INTO assignment (indicator_id, agency_id, role) VALUES (?, ?, 'lead')`).run(indicator, id), `DELETE FROM assignment`],
      ['budget', () => db.prepare(`INSERT INTO budget_line (agency_id, sub_activity_code, activity_name, fiscal_year, allocation_sen, created_at, updated_at) VALUES (?, '1', 'x', 2025, 0, ?, ?)`).run(id, now, now), `DELETE FROM budget_line`],
      ['lead', () => db.prepare(`INSERT INTO action_item (meeting_id, description, lead_agency_id, created_at, updated_at) VALUES (?, 'x', ?, ?, ?)`).run(meeting, id, now, now), `DELETE FROM action_item`],
      ['related', () => {
        const action = db.prepare(`INSERT INTO action_item (meeting_id, description, created_at, updated_at) VALUES (?, 'x', ?, ?)`).run(meeting, now, now).lastInsertRowid;
        db.prepare(`INSERT INTO action_item_agency (action_item_id, agency_id) VALUES (?, ?)`).run(action, id);
      }, `DELETE FROM action_item_agency; DELETE FROM action_item`],
    ];
    for (const [label, use, undo] of uses) {
      use();
      const e = thrown(() => deleteAgency(db, id));
      expect(e.code, label).toBe('CONFLICT');
      expect(e.message).toBe('Instansi ini masih dipakai di rapat, anggaran, atau tindak lanjut, jadi tidak dapat dihapus. Nonaktifkan saja.');
      db.exec(undo);
    }
    expect(deleteAgency(db, id)).toEqual({ id });
    expect(thrown(() => getAgency(db, id)).code).toBe('NOT_FOUND');
    expect(thrown(() => deleteAgency(db, id)).code).toBe('NOT_FOUND');
  });
});

describe('reference sets', () => {
  it('uses the newest set not after a year, or the oldest one before any', () => {
    expect(listReferenceYears(db)).toEqual([2022]);
    createEvaluationYear(db, 2026);
    expect(listReferenceYears(db)).toEqual([2022, 2026]);
    expect([2019, 2022, 2025, 2026, 2030].map((y) => referenceYearFor(db, y))).toEqual([2022, 2022, 2022, 2026, 2026]);
    db.exec(`DELETE FROM predikat_band; DELETE FROM sub_indicator; DELETE FROM indicator; DELETE FROM cluster; DELETE FROM evaluation_year`);
    expect(thrown(() => referenceYearFor(db, 2024)).code).toBe('NOT_FOUND');
  });

  it('reads a year with clusters in order, indicators by number, sub-indicators by code, bands by minimum', () => {
    const set = getEvaluationYear(db, 2024);
    expect(set.year).toBe(2022);
    expect(set.clusters.map((c) => c.code)).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    const numbers = set.clusters.flatMap((c) => c.indicators.map((i) => i.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(set.clusters.every((c) => c.indicators.every((i) => i.clusterId === c.id))).toBe(true);
    expect(set.bands.map((b) => b.name)).toEqual(['Pratama', 'Madya', 'Nindya', 'Utama', 'KLA']);
    const ind = set.clusters[3].indicators[0];
    createSubIndicator(db, { indicatorId: ind.id, code: 'b', name: 'Kedua', maxPoints: 5 });
    createSubIndicator(db, { indicatorId: ind.id, code: 'a', name: 'Pertama', maxPoints: 7 });
    const again = getEvaluationYear(db, 2022).clusters[3].indicators[0];
    expect(again.subIndicators.map((s) => [s.code, s.name, s.maxPoints, s.indicatorId])).toEqual([['a', 'Pertama', 7, ind.id], ['b', 'Kedua', 5, ind.id]]);
    expect(getEvaluationYear(db, 2022).clusters[3].indicators[1]?.subIndicators ?? []).toEqual([]);
  });

  it('edits clusters, indicators and sub-indicators, and refuses what does not exist', () => {
    const cluster = getEvaluationYear(db, 2022).clusters[1];
    expect(updateCluster(db, { id: cluster.id, name: 'Hak Sipil' })).toEqual({ id: cluster.id, year: 2022, code: 'I', name: 'Hak Sipil', position: cluster.position });
    expect(updateCluster(db, { id: cluster.id }).name).toBe('Hak Sipil');
    expect(thrown(() => updateCluster(db, { id: 999_999, name: 'x' })).code).toBe('NOT_FOUND');
    const ind = getEvaluationYear(db, 2022).clusters[1].indicators[0];
    expect(updateIndicator(db, { id: ind.id, maxPoints: 42, usualAgencies: 'Disdukcapil' })).toMatchObject({ id: ind.id, name: ind.name, maxPoints: 42, usualAgencies: 'Disdukcapil', subIndicators: [] });
    expect(updateIndicator(db, { id: ind.id }).maxPoints).toBe(42);
    expect(updateIndicator(db, { id: ind.id, name: 'Akta kelahiran anak' }).name).toBe('Akta kelahiran anak');
    expect(thrown(() => updateIndicator(db, { id: 999_999 })).code).toBe('NOT_FOUND');
    const sub = createSubIndicator(db, { indicatorId: ind.id, code: 'a', name: 'Akta', maxPoints: 10 });
    const other = createSubIndicator(db, { indicatorId: ind.id, code: 'b', name: 'KIA', maxPoints: 5 });
    expect(thrown(() => createSubIndicator(db, { indicatorId: ind.id, code: 'a', name: 'dobel', maxPoints: 0 })).toApiError()).toEqual({
      code: 'CONFLICT', message: 'Data ini bentrok dengan data yang sudah ada.', fields: [{ path: 'code', message: 'Data ini bentrok dengan data yang sudah ada.' }],
    });
    expect(thrown(() => createSubIndicator(db, { indicatorId: 999_999, code: 'z', name: 'x', maxPoints: 0 })).code).toBe('NOT_FOUND');
    expect(thrown(() => updateSubIndicator(db, { id: other.id, code: 'a' })).code).toBe('CONFLICT');
    expect(updateSubIndicator(db, { id: sub.id, code: 'a', name: 'Akta kelahiran' })).toEqual({ id: sub.id, indicatorId: ind.id, code: 'a', name: 'Akta kelahiran', maxPoints: 10 });
    expect(updateSubIndicator(db, { id: sub.id }).name).toBe('Akta kelahiran');
    expect(updateSubIndicator(db, { id: sub.id, maxPoints: 12 }).maxPoints).toBe(12);
    expect(deleteSubIndicator(db, sub.id)).toEqual({ id: sub.id });
    expect(thrown(() => deleteSubIndicator(db, sub.id)).code).toBe('NOT_FOUND');
    expect(thrown(() => updateSubIndicator(db, { id: sub.id, name: 'x' })).code).toBe('NOT_FOUND');
  });

  it('checks predikat bands: min not above max, no overlap, no repeated name', () => {
    const fields = (bands: { name: string; minScore: number; maxScore: number }[]) => {
      try {
        validateBands(bands);
        return [];
      } catch (e) {
        expect((e as AppError).code).toBe('VALIDATION');
        expect((e as AppError).message).toBe('Isian belum benar. Periksa kolom yang ditandai.');
        return (e as AppError).fields ?? [];
      }
    };
    expect(fields([{ name: 'A', minScore: 600, maxScore: 600 }, { name: 'B', minScore: 500, maxScore: 599.99 }])).toEqual([]);
    expect(fields([{ name: 'A', minScore: 601, maxScore: 600 }])).toEqual([{ path: 'bands.0.minScore', message: 'Batas bawah tidak boleh lebih besar dari batas atas.' }]);
    // Listed out of order: the overlap is reported on the band that starts inside the other.
    expect(fields([{ name: 'B', minScore: 600, maxScore: 700 }, { name: 'A', minScore: 500, maxScore: 600 }])).toEqual([{ path: 'bands.0.minScore', message: 'Rentang predikat tidak boleh tumpang tindih.' }]);
    expect(fields([{ name: 'Madya', minScore: 500, maxScore: 550 }, { name: 'madya', minScore: 600, maxScore: 700 }])).toEqual([{ path: 'bands.1.name', message: 'Data ini bentrok dengan data yang sudah ada.' }]);
    expect(fields([])).toEqual([]);
  });

  it('replaces the bands of an existing year only', () => {
    const bands = setBands(db, { year: 2022, bands: [{ name: 'Utama', minScore: 800, maxScore: 1000 }, { name: 'Pratama', minScore: 0, maxScore: 799 }] });
    expect(bands.map((b) => [b.name, b.minScore, b.maxScore, b.year])).toEqual([['Pratama', 0, 799, 2022], ['Utama', 800, 1000, 2022]]);
    expect(thrown(() => setBands(db, { year: 2030, bands: [] })).code).toBe('NOT_FOUND');
    expect(thrown(() => setBands(db, { year: 2022, bands: [{ name: 'X', minScore: 2, maxScore: 1 }] })).code).toBe('VALIDATION');
    expect(getEvaluationYear(db, 2022).bands).toHaveLength(2);
  });

  it('starts a new year as a copy of the set in force, refusing a year that exists', () => {
    const source = getEvaluationYear(db, 2022);
    const ind = source.clusters[0].indicators[0];
    createSubIndicator(db, { indicatorId: ind.id, code: 'a', name: 'Perda', maxPoints: 3 });
    const copy = createEvaluationYear(db, 2026);
    expect(copy.year).toBe(2026);
    expect(db.prepare(`SELECT notes FROM evaluation_year WHERE year = 2026`).get()).toEqual({ notes: 'Disalin dari set tahun 2022.' });
    const shape = (s: typeof source) => s.clusters.map((c) => [c.code, c.name, c.position, c.indicators.map((i) => [i.number, i.name, i.usualAgencies, i.maxPoints, i.subIndicators.map((x) => [x.code, x.name, x.maxPoints])])]);
    expect(shape(copy)).toEqual(shape(getEvaluationYear(db, 2022)));
    expect(copy.clusters[0].indicators[0].id).not.toBe(ind.id);
    expect(copy.bands.map((b) => [b.name, b.minScore, b.maxScore])).toEqual(source.bands.map((b) => [b.name, b.minScore, b.maxScore]));
    expect(thrown(() => createEvaluationYear(db, 2026)).toApiError()).toEqual({
      code: 'CONFLICT', message: 'Tahun evaluasi ini sudah ada.', fields: [{ path: 'year', message: 'Tahun evaluasi ini sudah ada.' }],
    });
  });

  it("keeps the region's scores per year and stage, replaced or removed", () => {
    expect(listYearScores(db)).toEqual([]);
    setYearScore(db, 2024, 'VA', 697.4);
    setYearScore(db, 2023, 'FINAL', 650);
    expect(setYearScore(db, 2024, 'EM', 700)).toEqual([{ year: 2023, stage: 'FINAL', total: 650 }, { year: 2024, stage: 'EM', total: 700 }, { year: 2024, stage: 'VA', total: 697.4 }]);
    expect(setYearScore(db, 2024, 'EM', 712.5)).toContainEqual({ year: 2024, stage: 'EM', total: 712.5 });
    expect(setYearScore(db, 2024, 'EM', null)).toEqual([{ year: 2023, stage: 'FINAL', total: 650 }, { year: 2024, stage: 'VA', total: 697.4 }]);
  });
});

describe('handler maps', () => {
  it('route every agency and reference operation to its repository', async () => {
    const ctx = { db } as unknown as CoreContext;
    const agency = agencyHandlers(ctx);
    const created = await agency['agency.create']({ kind: 'opd', partnerType: '', name: 'Dinas Uji', abbreviation: 'DU', active: true });
    expect((await agency['agency.list']({ search: 'Dinas Uji', includeInactive: true })).map((a) => a.id)).toEqual([created.id]);
    expect((await agency['agency.update']({ id: created.id, baseRevision: created.revision, name: 'Dinas Uji Coba' })).name).toBe('Dinas Uji Coba');
    expect(await agency['agency.delete']({ id: created.id })).toEqual({ id: created.id });

    const ref = referenceHandlers(ctx);
    expect(await ref['reference.years']({})).toEqual([2022]);
    const set = await ref['reference.get']({ year: 2024 });
    expect(set.year).toBe(2022);
    const cluster = set.clusters[2];
    const ind = cluster.indicators[0];
    expect((await ref['reference.updateCluster']({ id: cluster.id, name: 'Klaster Dua' })).name).toBe('Klaster Dua');
    expect((await ref['reference.updateIndicator']({ id: ind.id, maxPoints: 9 })).maxPoints).toBe(9);
    const sub = await ref['reference.createSubIndicator']({ indicatorId: ind.id, code: 'q', name: 'Sub', maxPoints: 1 });
    expect(sub.code).toBe('q');
    expect((await ref['reference.updateSubIndicator']({ id: sub.id, name: 'Sub dua' })).name).toBe('Sub dua');
    expect(await ref['reference.deleteSubIndicator']({ id: sub.id })).toEqual({ id: sub.id });
    expect((await ref['reference.setBands']({ year: 2022, bands: [{ name: 'Pratama', minScore: 500, maxScore: 1000 }] })).map((b) => b.name)).toEqual(['Pratama']);
    expect((await ref['reference.createYear']({ year: 2027 })).year).toBe(2027);
    const score = scoreHandlers(ctx);
    expect(await score['score.set']({ year: 2027, stage: 'EM', total: 801 })).toEqual([{ year: 2027, stage: 'EM', total: 801 }]);
    expect(await score['score.list']({})).toEqual([{ year: 2027, stage: 'EM', total: 801 }]);
  });
});
