import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/core/backend';
import { edit, ok, refused, testBackend } from '../support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('region profile', () => {
  it('changes only the fields sent', async () => {
    await edit(backend, 'regionProfile.update', { regionName: 'Banua Harapan', timeZone: 'WITA', letterheadLines: ['PEMERINTAH KABUPATEN BANUA HARAPAN'] });
    const after = await edit(backend, 'regionProfile.update', { paper: 'F4' });
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
