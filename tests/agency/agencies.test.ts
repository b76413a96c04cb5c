import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/core/backend';
import { edit, ok, refused, testBackend } from '../support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

const count = (table: string) => (backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

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
    const renamed = await edit(backend, 'agency.update', { id: created.id, name: 'Universitas Lambung Mangkurat' });
    expect(renamed).toMatchObject({ name: 'Universitas Lambung Mangkurat', abbreviation: 'ULM', partnerType: 'perguruan_tinggi', active: true });
    const inactive = await edit(backend, 'agency.update', { id: created.id, active: false });
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
