import { afterEach, describe, expect, it } from 'vitest';
import { agencyKey } from '../../shared/agency-key';
import { edit, ok, refused, testBackend } from '../support/backend';
import type { Backend } from '../../src-main/core/backend';

describe('agency duplicates', () => {
  let backend: Backend;
  afterEach(() => backend?.close());

  it('gives one key to spellings a secretary would call the same agency', () => {
    expect(agencyKey('DP3A')).toBe(agencyKey(' d.p.3.a. '));
    expect(agencyKey('Dinas  Kesehatan')).toBe(agencyKey('dinas kesehatan.'));
    // Cyrillic Р (U+0420) and А (U+0410) look like Latin P and A.
    expect(agencyKey('DР\u0420\u0420\u0410')).toBe(agencyKey('DPPPA'));
    expect(agencyKey('Ｄｉｎｓｏｓ')).toBe(agencyKey('Dinsos'));
    expect(agencyKey('Dinkes')).not.toBe(agencyKey('Dinsos'));
  });

  it('refuses a new agency whose name or abbreviation repeats another, naming it; nothing is written', async () => {
    backend = testBackend();
    const before = (await ok(backend, 'agency.list', {})).length;
    await ok(backend, 'agency.create', { kind: 'mitra', partnerType: 'lainnya', name: 'Forum Komunikasi Pemuda Anak', abbreviation: 'FKPA' });

    const sameName = await refused(backend, 'agency.create', { kind: 'mitra', name: 'forum komunikasi  pemuda anak.', abbreviation: 'X1' });
    expect(sameName).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'name' }] });
    expect(sameName.fields?.[0].message).toBe('Instansi dengan nama ini sudah ada: Forum Komunikasi Pemuda Anak.');

    // F, Cyrillic К (U+041A), Р (U+0420), А (U+0410).
    const lookAlike = await refused(backend, 'agency.create', { kind: 'opd', name: 'Dinas Lain Sama Sekali', abbreviation: 'F\u041A\u0420\u0410' });
    expect(lookAlike).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'abbreviation' }] });
    expect(lookAlike.fields?.[0].message).toBe('Singkatan ini sudah dipakai oleh Forum Komunikasi Pemuda Anak (FKPA).');

    const dotted = await refused(backend, 'agency.create', { kind: 'opd', name: 'Dinas Lain Lagi', abbreviation: 'f.k.p.a' });
    expect(dotted.code).toBe('CONFLICT');
    expect((await ok(backend, 'agency.list', {})).length).toBe(before + 1);
  });

  it('lets an agency be edited without clashing with itself, and refuses a rename onto another', async () => {
    backend = testBackend();
    const a = await ok(backend, 'agency.create', { kind: 'mitra', partnerType: 'lembaga_pendidikan', name: 'SMA Negeri 1 Sampit', abbreviation: 'SMAN 1' });
    const b = await ok(backend, 'agency.create', { kind: 'mitra', partnerType: 'organisasi_keagamaan', name: 'Majelis Ulama Indonesia', abbreviation: 'MUI' });
    await edit(backend, 'agency.update', { id: a.id, name: 'SMA Negeri 1 Sampit ' });
    const clash = await refused(backend, 'agency.update', { id: b.id, abbreviation: 'sman1' });
    expect(clash.fields?.[0].path).toBe('abbreviation');
  });
});
