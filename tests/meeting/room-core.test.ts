import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { edit, ok, refused, testBackend } from '../support/backend';
import { migrate } from '../../src-main/core/db/database';
import { migration0001 } from '../../src-main/core/db/migrations/0001_initial';
import { migration0002 } from '../../src-main/core/db/migrations/0002_seed_reference';
import { migration0006 } from '../../src-main/core/db/migrations/0006_people_groups_province';
import { tempDir } from '../support/backup-helpers';
import { nextSameWeekday, parseDateInput, parseTimeInput } from '../../shared/format';

// Issue 15, core half: profile people, province, kab/kota agencies, seeded names by region
// type, draftFor, invitations in one write, agency groups, the duplicate's date.

describe('migration 0006 on a real v2 file', () => {
  it('rebuilds region_profile and agency keeping every column (also one a later migration added) and every reference', () => {
    const file = path.join(tempDir('rakor-0006-'), 'rakor-kla.sqlite');
    fs.copyFileSync(path.resolve(import.meta.dirname, '../fixtures/schema-v2.sqlite'), file);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    // As migration 0003 (issue 9) leaves them: a revision column on both rebuilt tables.
    db.exec(`ALTER TABLE agency ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
             ALTER TABLE region_profile ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
             UPDATE agency SET revision = 4 WHERE abbreviation = 'DUKCAPIL-FX'`);
    const agenciesBefore = db.prepare(`SELECT * FROM agency ORDER BY id`).all();
    const attendanceBefore = db.prepare(`SELECT * FROM attendance ORDER BY id`).all();
    migrate(db, [migration0001, migration0002, migration0006]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const agenciesAfter = db.prepare(`SELECT * FROM agency ORDER BY id`).all() as Record<string, unknown>[];
    expect(agenciesAfter.map(({ seed_key: _, ...rest }) => rest)).toEqual(agenciesBefore);
    expect(agenciesAfter.find((a) => a.abbreviation === 'DUKCAPIL-FX')?.revision).toBe(4);
    expect(db.prepare(`SELECT * FROM attendance ORDER BY id`).all()).toEqual(attendanceBefore);
    expect(agenciesAfter.find((a) => a.abbreviation === 'BNNK')?.seed_key).toBe('bnn');
    // The unique abbreviation index came back with the table.
    expect(() => db.prepare(`INSERT INTO agency (kind, name, abbreviation, created_at, updated_at) VALUES ('opd','x','bnnk','t','t')`).run()).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO agency (kind, name, abbreviation, created_at, updated_at) VALUES ('kabkota','Pemerintah Kota Samarinda','Pemkot Samarinda','t','t')`).run();
    db.prepare(`UPDATE region_profile SET region_type = 'provinsi' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE region_profile SET region_type = 'desa' WHERE id = 1`).run()).toThrow(/CHECK/);
    expect(db.prepare(`SELECT revision, head_name FROM region_profile`).get()).toEqual({ revision: 1, head_name: '' });
    expect(() => db.prepare(`INSERT INTO attendance (meeting_id, position, name, agency_id, created_at) VALUES (1, 9, 'x', 9999, 't')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('profile people and region types', () => {
  it('stores head, chair and notulis; a province renames the unedited seeded agencies and leaves edited ones', async () => {
    const b = testBackend();
    const profile = await edit(b, 'regionProfile.update', {
      headName: 'Dra. Siti Aminah, M.Si', headPosition: 'Kepala Dinas PPPA', headRank: 'Pembina Utama Muda (IV/c)', headNip: '19680512 199303 2 004',
      chairName: 'Drs. Ahmad Yani', notulisName: 'Rina Wati',
    });
    expect(profile.headNip).toBe('196805121993032004');
    expect((await refused(b, 'regionProfile.update', { chairNip: '123' })).fields?.[0]?.path).toBe('chairNip');
    const before = await ok(b, 'agency.list', {});
    const polres = before.find((a) => a.abbreviation === 'Polres')!;
    await edit(b, 'agency.update', { id: polres.id, name: 'Kepolisian Resor Kutai' });
    await edit(b, 'regionProfile.update', { regionType: 'provinsi', regionName: 'Kalimantan Timur' });
    const after = await ok(b, 'agency.list', {});
    expect(after.find((a) => a.abbreviation === 'BNNP')?.name).toBe('Badan Narkotika Nasional Provinsi');
    expect(after.find((a) => a.id === polres.id)?.name).toBe('Kepolisian Resor Kutai');
    await edit(b, 'regionProfile.update', { regionType: 'kota' });
    const kota = await ok(b, 'agency.list', {});
    expect(kota.find((a) => a.abbreviation === 'BNNK')?.name).toBe('Badan Narkotika Nasional Kota');
    expect(kota.some((a) => a.name === 'Dinas Pemberdayaan Masyarakat dan Desa')).toBe(false);
    const pemkot = await ok(b, 'agency.create', { kind: 'kabkota', name: 'Pemerintah Kota Samarinda', abbreviation: 'Pemkot Samarinda' });
    expect(pemkot.kind).toBe('kabkota');
    b.close();
  });
});

describe('a new rakor proposed from the profile and the last rakor of the same clusters', () => {
  it('draftFor, invitations in one write, duplicate dated next week', async () => {
    const b = testBackend();
    await edit(b, 'regionProfile.update', { chairName: 'Drs. Ahmad Yani', chairPosition: 'Sekretaris Daerah', notulisName: 'Rina Wati' });
    const empty = await ok(b, 'meeting.draftFor', { clusterCodes: ['III'] });
    expect(empty.sourceMeetingId).toBeNull();
    expect(empty.chairName).toBe('Drs. Ahmad Yani');
    expect(empty.invitedAgencyIds.length).toBeGreaterThan(0);
    const agencies = await ok(b, 'agency.list', {});
    const first = await ok(b, 'meeting.create', {
      title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2026-03-03', startTime: '13:30', place: 'Aula Dinkes',
      agenda: ['Pembukaan', 'Stunting'], invitedAgencyIds: [],
    });
    const ids = agencies.filter((a) => a.kind === 'opd').map((a) => a.id);
    const invited = await ok(b, 'meeting.setInvitations', { meetingId: first.id, agencyIds: ids, invited: true });
    expect(invited).toEqual([...ids].sort((x, y) => x - y));
    expect(await ok(b, 'meeting.setInvitations', { meetingId: first.id, agencyIds: ids.slice(1), invited: false })).toEqual([ids[0]]);
    expect((await refused(b, 'meeting.setInvitations', { meetingId: first.id, agencyIds: [999999], invited: true })).code).toBe('VALIDATION');
    await ok(b, 'meeting.create', { title: 'Pleno', clusterCodes: ['KL', 'I', 'II', 'III', 'IV', 'V'], date: '2026-04-01', startTime: '08:00', place: 'Pendopo' });
    const draft = await ok(b, 'meeting.draftFor', { clusterCodes: ['III'] });
    expect(draft).toMatchObject({ sourceMeetingId: first.id, place: 'Aula Dinkes', startTime: '13:30', agenda: ['Pembukaan', 'Stunting'], invitedAgencyIds: [ids[0]], chairName: 'Drs. Ahmad Yani' });
    const copy = await ok(b, 'meeting.duplicate', { id: first.id });
    expect(copy.date > '2026-03-03').toBe(true);
    expect(new Date(copy.date).getUTCDay()).toBe(new Date('2026-03-03').getUTCDay());
    b.close();
  });

  it('saved groups: create, rename, replace members, delete; an agency deleted leaves its groups', async () => {
    const b = testBackend();
    const [a1, a2] = await ok(b, 'agency.list', {});
    const g = await ok(b, 'agencyGroup.create', { name: 'Klaster III biasa', agencyIds: [a1.id, a2.id] });
    expect(g.agencyIds).toHaveLength(2);
    expect((await refused(b, 'agencyGroup.create', { name: 'klaster iii biasa' })).code).toBe('CONFLICT');
    const renamed = await ok(b, 'agencyGroup.update', { id: g.id, name: 'Kesehatan', agencyIds: [a2.id] });
    expect(renamed).toEqual({ id: g.id, name: 'Kesehatan', agencyIds: [a2.id] });
    const extra = await ok(b, 'agency.create', { kind: 'mitra', partnerType: 'lainnya', name: 'Yayasan Contoh', abbreviation: 'YC' });
    await ok(b, 'agencyGroup.update', { id: g.id, agencyIds: [a2.id, extra.id] });
    await ok(b, 'agency.delete', { id: extra.id });
    expect((await ok(b, 'agencyGroup.list', {}))[0].agencyIds).toEqual([a2.id]);
    await ok(b, 'agencyGroup.delete', { id: g.id });
    expect(await ok(b, 'agencyGroup.list', {})).toEqual([]);
    b.close();
  });
});

describe('Indonesian date and time entry', () => {
  it('parses what people type and refuses what is not a date', () => {
    expect(parseDateInput('26/11/2024')).toBe('2024-11-26');
    expect(parseDateInput('1-2-25')).toBe('2025-02-01');
    expect(parseDateInput('31/02/2025')).toBeNull();
    expect(parseDateInput('11/26/2024')).toBeNull();
    expect(parseTimeInput('09.00')).toBe('09:00');
    expect(parseTimeInput('9:30')).toBe('09:30');
    expect(parseTimeInput('1330')).toBe('13:30');
    expect(parseTimeInput('25.00')).toBeNull();
    expect(nextSameWeekday('2026-03-03', '2026-11-23')).toBe('2026-11-24');
    expect(nextSameWeekday('2026-11-20', '2026-11-23')).toBe('2026-11-27');
  });
});
