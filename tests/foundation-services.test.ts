import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../src-main/core/backend';
import { ok, refused, testBackend } from './support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

const count = (table: string) => (backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('database settings', () => {
  it('runs in WAL with synchronous=FULL and foreign keys on', () => {
    expect(backend.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(backend.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(backend.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('reference data', () => {
  it('is seeded with 6 clusters and 24 indicators, with 21a–e (corrected by migration 5) and five predikat bands', async () => {
    const set = await ok(backend, 'reference.get', { year: 2026 });
    expect(set.year).toBe(2022);
    expect(set.clusters.map((c) => c.code)).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    expect(set.clusters.map((c) => c.indicators.length)).toEqual([3, 3, 4, 6, 4, 4]);
    expect(set.clusters.flatMap((c) => c.indicators).map((i) => i.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const twentyOne = set.clusters[5].indicators.find((i) => i.number === 21)!;
    expect(twentyOne.subIndicators.map((s) => s.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(set.bands.map((b) => `${b.name} ${b.minScore}-${b.maxScore}`)).toEqual([
      'Pratama 500-600', 'Madya 601-700', 'Nindya 701-800', 'Utama 801-900', 'KLA 901-1000',
    ]);
    expect(await ok(backend, 'reference.years', {})).toEqual([2022]);
  });

  it('keeps EM, VA and final scores apart per year', async () => {
    await ok(backend, 'score.set', { year: 2024, stage: 'EM', total: 973.9 });
    await ok(backend, 'score.set', { year: 2024, stage: 'VA', total: 697.4 });
    const scores = await ok(backend, 'score.set', { year: 2024, stage: 'EM', total: 975 });
    expect(scores).toEqual([{ year: 2024, stage: 'EM', total: 975 }, { year: 2024, stage: 'VA', total: 697.4 }]);
    expect((await refused(backend, 'score.set', { year: 2024, stage: 'EM', total: 1000.5 })).code).toBe('VALIDATION');
    expect(await ok(backend, 'score.set', { year: 2024, stage: 'VA', total: null })).toEqual([{ year: 2024, stage: 'EM', total: 975 }]);
  });
});

describe('region profile', () => {
  it('changes only the fields sent', async () => {
    await ok(backend, 'regionProfile.update', { regionName: 'Banua Harapan', timeZone: 'WITA', letterheadLines: ['PEMERINTAH KABUPATEN BANUA HARAPAN'] });
    const after = await ok(backend, 'regionProfile.update', { paper: 'F4' });
    expect(after).toMatchObject({ regionName: 'Banua Harapan', timeZone: 'WITA', paper: 'F4', letterheadLines: ['PEMERINTAH KABUPATEN BANUA HARAPAN'] });
  });

  it('refuses bad values with field messages and changes nothing', async () => {
    const before = await ok(backend, 'regionProfile.get', {});
    const error = await refused(backend, 'regionProfile.update', { timeZone: 'GMT', fontSizePt: 40, letterheadLines: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['fontSizePt', 'letterheadLines', 'timeZone']);
    const logo = await refused(backend, 'regionProfile.update', { logoDataUrl: 'data:text/html;base64,PGgxPg==' });
    expect(logo.fields?.[0].message).toBe('Logo harus gambar PNG atau JPEG, paling besar 1 MB.');
    expect(await ok(backend, 'regionProfile.get', {})).toEqual(before);
  });
});

describe('agencies', () => {
  it('is seeded with OPD, instansi vertikal and mitra', async () => {
    const all = await ok(backend, 'agency.list', {});
    expect(new Set(all.map((a) => a.kind))).toEqual(new Set(['opd', 'vertikal', 'mitra']));
    expect(all.find((a) => a.abbreviation === 'Polres')?.kind).toBe('vertikal');
    expect(all.find((a) => a.abbreviation === 'FAD')).toMatchObject({ kind: 'mitra', partnerType: 'forum_anak' });
  });

  it('creates, searches (name or abbreviation, wildcards literal), filters and edits', async () => {
    const created = await ok(backend, 'agency.create', { kind: 'mitra', partnerType: 'perguruan_tinggi', name: 'Universitas Lambung_Mangkurat 100%', abbreviation: 'ULM' });
    expect(created).toMatchObject({ kind: 'mitra', partnerType: 'perguruan_tinggi', active: true });
    expect((await ok(backend, 'agency.list', { search: 'lambung_' })).map((a) => a.id)).toEqual([created.id]);
    expect(await ok(backend, 'agency.list', { search: '100%' })).toHaveLength(1);
    expect(await ok(backend, 'agency.list', { search: '_' })).toHaveLength(1);
    expect((await ok(backend, 'agency.list', { search: 'ulm' })).map((a) => a.id)).toEqual([created.id]);
    expect((await ok(backend, 'agency.list', { kind: 'vertikal' })).every((a) => a.kind === 'vertikal')).toBe(true);

    // A one-field patch leaves the other fields alone.
    const renamed = await ok(backend, 'agency.update', { id: created.id, name: 'Universitas Lambung Mangkurat' });
    expect(renamed).toMatchObject({ name: 'Universitas Lambung Mangkurat', abbreviation: 'ULM', partnerType: 'perguruan_tinggi', active: true });
    const inactive = await ok(backend, 'agency.update', { id: created.id, active: false });
    expect(inactive.active).toBe(false);
    expect((await ok(backend, 'agency.list', { includeInactive: false })).some((a) => a.id === created.id)).toBe(false);
  });

  it('refuses an empty name, an unknown kind and a duplicate abbreviation, writing nothing', async () => {
    const before = count('agency');
    expect((await refused(backend, 'agency.create', { kind: 'opd', name: '   ' })).fields?.[0]).toEqual({ path: 'name', message: 'Wajib diisi.' });
    expect((await refused(backend, 'agency.create', { kind: 'swasta', name: 'X' })).code).toBe('VALIDATION');
    const dup = await refused(backend, 'agency.create', { kind: 'opd', name: 'Dinas Kesehatan Lain', abbreviation: 'DINKES' });
    expect(dup).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'abbreviation' }] });
    expect(count('agency')).toBe(before);
  });

  it('deletes an unused agency but keeps one that a meeting uses', async () => {
    const spare = await ok(backend, 'agency.create', { kind: 'opd', name: 'Dinas Sementara' });
    expect(await ok(backend, 'agency.delete', { id: spare.id })).toEqual({ id: spare.id });
    expect((await refused(backend, 'agency.delete', { id: spare.id })).code).toBe('NOT_FOUND');

    const used = (await ok(backend, 'agency.list', { search: 'Dinkes' }))[0];
    const now = new Date().toISOString();
    const meetingId = backend.db
      .prepare(`INSERT INTO meeting (title, date, start_time, time_zone, created_at, updated_at) VALUES ('Rakor', '2025-01-10', '09:00', 'WIB', ?, ?)`)
      .run(now, now).lastInsertRowid;
    backend.db.prepare(`INSERT INTO attendance (meeting_id, position, name, agency_id, created_at) VALUES (?, 0, 'Budi', ?, ?)`).run(meetingId, used.id, now);
    const error = await refused(backend, 'agency.delete', { id: used.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Nonaktifkan');
  });
});

describe('system', () => {
  it('reports schema version and runtime', async () => {
    const info = await ok(backend, 'system.info', {});
    expect(info.runtime).toBe('cli');
    expect(info.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
