import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closestAgencies, exactAgency, expandRepeats } from '../../shared/agency-match';
import type { Agency } from '../../shared/types';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';

// Issue 15: a typed instansi is matched to the master list (the seeded one of a fresh install),
// or the closest agencies are offered instead of storing the text silently.

let t: TestBackend;
let agencies: Agency[];
beforeAll(async () => {
  t = openTestBackend();
  agencies = await t.call('agency.list', {});
});
afterAll(() => t.close());

const abbr = (list: Agency[]) => list.map((a) => a.abbreviation || a.name);

describe('matching a typed instansi', () => {
  it('spells out "P3" as "PPP"', () => {
    expect(expandRepeats('dp3a')).toBe('dpppa');
    expect(expandRepeats('p2tp2a')).toBe('pptppa');
    expect(expandRepeats('dp3akb')).toBe('dpppakb');
  });

  it('finds the one agency meant by abbreviation, name, case, dots or look-alike letters', () => {
    const dinkes = agencies.find((a) => a.abbreviation === 'Dinkes')!;
    for (const typed of ['dinkes', 'DINKES', 'Din.kes', 'Dinas Kesehatan', 'dinas  kesehatan', 'Dіnkes' /* Cyrillic і */]) {
      expect(exactAgency(typed, agencies)?.id, typed).toBe(dinkes.id);
    }
    expect(exactAgency('Puskesmas Baamang', agencies)).toBeNull();
    expect(exactAgency('', agencies)).toBeNull();
  });

  it('offers the closest agencies for a mistyped or longer name', () => {
    expect(abbr(closestAgencies('Dinas Kesehatan Kota Balikpapan', agencies))[0]).toBe('Dinkes');
    expect(abbr(closestAgencies('dinkse', agencies))[0]).toBe('Dinkes');
    expect(abbr(closestAgencies('Dinas Pendidikan dan Kebudayaan', agencies))[0]).toBe('Dindik');
    // "dp3a" where the list says DPPPA (or the other way round) is the same office.
    const withDpppa = agencies.map((a) => (a.abbreviation === 'DP3A' ? { ...a, abbreviation: 'DPPPA' } : a));
    expect(exactAgency('dp3a', withDpppa)?.abbreviation).toBe('DPPPA');
    expect(closestAgencies('Warung Kopi Sejahtera Abadi', agencies)).toEqual([]);
    expect(closestAgencies('Kesehatan', agencies).length).toBeLessThanOrEqual(3);
  });
});
