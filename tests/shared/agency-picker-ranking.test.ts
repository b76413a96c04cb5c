import { describe, expect, it } from 'vitest';
import { agencyMatchRank, matchAgencies } from '../../shared/agency-key';
import { closestAgencies, exactAgency, expandRepeats } from '../../shared/agency-match';

// The type-ahead of the agency pickers and the matcher of a typed instansi, on a small list
// written here by hand (no database): each expectation is what a secretary typing it would want.

const dinkes = { id: 1, name: 'Dinas Kesehatan', abbreviation: 'Dinkes' };
const dindik = { id: 2, name: 'Dinas Pendidikan dan Kebudayaan', abbreviation: 'Dindik' };
const dp3a = { id: 3, name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', abbreviation: 'DP3A' };
const bappeda = { id: 4, name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' };
const noAbbreviation = { id: 5, name: 'Kantor Kementerian Agama', abbreviation: '' };
const AGENCIES = [dinkes, dindik, dp3a, bappeda, noAbbreviation];

describe('type-ahead rank of an agency', () => {
  it('ranks the abbreviation itself 0, its start 1, words starting words 2, anything else no match', () => {
    expect(agencyMatchRank('dinkes', dinkes)).toBe(0);
    expect(agencyMatchRank('D.I.N.K.E.S', dinkes)).toBe(0);
    expect(agencyMatchRank('dink', dinkes)).toBe(1);
    expect(agencyMatchRank('kes', dinkes)).toBe(2);
    expect(agencyMatchRank('dinas kes', dinkes)).toBe(2);
    expect(agencyMatchRank('dinas pend', dindik)).toBe(2);
    expect(agencyMatchRank('(kebudayaan)', dindik)).toBe(2);
    expect(agencyMatchRank('dinas/kebudayaan', dindik)).toBe(2);
    expect(agencyMatchRank('kes pend', dindik)).toBeNull();
    expect(agencyMatchRank('hatan', dinkes)).toBeNull();
    expect(agencyMatchRank('dinkesx', dinkes)).toBeNull();
  });

  it('matches every agency with rank 2 when nothing is typed, and never an empty abbreviation', () => {
    expect(agencyMatchRank('', dinkes)).toBe(2);
    expect(agencyMatchRank(' .- ', dindik)).toBe(2);
    expect(agencyMatchRank('kem', noAbbreviation)).toBe(2);
    expect(agencyMatchRank('kantor kementerian', noAbbreviation)).toBe(2);
    expect(agencyMatchRank('xyz', noAbbreviation)).toBeNull();
  });

  it('lists the best rank first and keeps the list order within a rank', () => {
    const list = [dindik, dinkes, dp3a, { id: 6, name: 'Dinas Kesehatan Hewan', abbreviation: 'Dinkeswan' }];
    expect(matchAgencies('dinkes', list).map((a) => a.id)).toEqual([1, 6]);
    expect(matchAgencies('din', list).map((a) => a.id)).toEqual([2, 1, 6, 3]);
    expect(matchAgencies('', list).map((a) => a.id)).toEqual([2, 1, 3, 6]);
    expect(matchAgencies('perempuan', list).map((a) => a.id)).toEqual([3]);
    expect(matchAgencies('polres', list)).toEqual([]);
  });
});

describe('matching a typed instansi to the list', () => {
  it('spells out a letter before a digit only, not a digit in a number', () => {
    expect(expandRepeats('p2tp2a')).toBe('pptppa');
    expect(expandRepeats('dp3a')).toBe('dpppa');
    expect(expandRepeats('upt10')).toBe('upt10');
    expect(expandRepeats('a1')).toBe('a1');
    expect(expandRepeats('k9')).toBe('kkkkkkkkk');
  });

  it('takes the name, the abbreviation or its spelled-out form, never an empty abbreviation', () => {
    expect(exactAgency('Dinas Kesehatan', AGENCIES)).toBe(dinkes);
    expect(exactAgency('DPPPA', AGENCIES)).toBe(dp3a);
    expect(exactAgency('kantor kementerian agama', AGENCIES)).toBe(noAbbreviation);
    expect(exactAgency('...', AGENCIES)).toBeNull();
    expect(exactAgency('Dinas', AGENCIES)).toBeNull();
  });

  it('offers a mistyped abbreviation (up to two letters off) before a partial name', () => {
    expect(closestAgencies('dinkse', AGENCIES)).toEqual([dinkes]);
    expect(closestAgencies('bapeda', AGENCIES)).toEqual([bappeda]);
    // Three letters off is not the same abbreviation; a long text is not an abbreviation at all.
    expect(closestAgencies('dxnxxs', AGENCIES)).toEqual([]);
    expect(closestAgencies('bappedaxyzab', AGENCIES)).toEqual([bappeda]); // it starts with the abbreviation
  });

  it('offers the agency whose name a longer text holds, or a part of a name of four letters or more', () => {
    expect(closestAgencies('Dinas Kesehatan Kota Balikpapan', AGENCIES)[0]).toBe(dinkes);
    expect(closestAgencies('pendidikan', AGENCIES)).toEqual([dindik]);
    expect(closestAgencies('Perlindungan', AGENCIES)).toEqual([dp3a]);
    expect(closestAgencies('pen', AGENCIES)).toEqual([]);
  });

  it('scores shared words against the longer of the two, filler words left out', () => {
    // "perencanaan pembangunan" shares 2 of the 2 words that count in Bappeda's name (60 points).
    expect(closestAgencies('Perencanaan Pembangunan', AGENCIES)).toEqual([bappeda]);
    // One of the four words that count in DP3A's name, and nothing else: 15 points, under the bar of 30.
    expect(closestAgencies('Anak Sekolah', AGENCIES)).toEqual([]);
    // Filler words alone ("dinas", "dan", "kota") name no office.
    expect(closestAgencies('Dinas dan Kota', AGENCIES)).toEqual([]);
    expect(closestAgencies('', AGENCIES)).toEqual([]);
  });

  it('counts words in any order, a shared word scoring against the longer list of words', () => {
    // Neither text holds the other: only the words match (2 of 2 that count: 60 points).
    expect(closestAgencies('Pembangunan Perencanaan', AGENCIES)).toEqual([bappeda]);
    // 1 of 2 words: 30 points, just enough to be offered; 1 of 3: 20, not offered.
    expect(closestAgencies('Hewan Kesehatan', AGENCIES)).toEqual([dinkes]);
    expect(closestAgencies('Ternak Hewan Kesehatan', AGENCIES)).toEqual([]);
    // Words under three letters do not count ("RI", "xy"): 1 of 1, 60 points.
    expect(closestAgencies('Kesehatan RI xy', AGENCIES)).toEqual([dinkes]);
  });

  it('offers an abbreviation two letters longer or shorter than the one typed', () => {
    expect(closestAgencies('xydinkes', AGENCIES)).toEqual([dinkes]);
    expect(closestAgencies('nkes', AGENCIES)).toEqual([dinkes]);
  });

  it('keeps to the edges of each rule of closeness', () => {
    const one = (name: string, abbreviation: string) => [{ id: 1, name, abbreviation }];
    const offered = (text: string, agencies: { id: number; name: string; abbreviation: string }[]) => closestAgencies(text, agencies).length === 1;
    // A name is looked for inside a longer text from six letters on ("Polri" is too short).
    expect(offered('Polres Polri Sektor', one('Polri', ''))).toBe(false);
    expect(offered('Satpol Kecamatan Selatan Timur', one('Satpol', ''))).toBe(true);
    // A typed part of a name counts from four letters on.
    expect(offered('seha', one('Dinas Kesehatan', ''))).toBe(true);
    // A three-letter word of a name counts; a filler word does not.
    expect(offered('air', one('Dinas Air', ''))).toBe(true);
    // An abbreviation is compared letter by letter from three letters on ("PU" is too short).
    expect(offered('xy', one('Dinas Pekerjaan Umum', 'PU'))).toBe(false);
    // Up to ten typed letters are compared with an abbreviation; more are not an abbreviation.
    expect(offered('disdukcapl', one('Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'))).toBe(true);
    expect(offered('xisdukcapilx', one('Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'))).toBe(false);
    // Text that begins with an abbreviation of four letters or more names that agency.
    expect(offered('dpmdxyz', one('Dinas Pemberdayaan Masyarakat Desa', 'DPMD'))).toBe(true);
    expect(offered('bpsxyz', one('Badan Pusat Statistik', 'BPS'))).toBe(false);
    // A name made only of filler words is still found by its abbreviation.
    expect(offered('Setda', one('Sekretariat Daerah', 'Setda'))).toBe(true);
  });

  it('puts a name that holds the text (70) before an abbreviation one letter off (60)', () => {
    const klinik = { id: 9, name: 'Klinik Dinkse Sehat', abbreviation: '' };
    expect(closestAgencies('dinkse', [dinkes, klinik])).toEqual([klinik, dinkes]);
  });

  it('never takes blank text for an agency whose name has no letter', () => {
    expect(exactAgency('—', [{ id: 1, name: '—', abbreviation: '' }])).toBeNull();
  });

  it('lists at most the limit, best first, ties by name', () => {
    const twins = [
      { id: 11, name: 'Dinas Sosial Utara', abbreviation: 'DSU' },
      { id: 12, name: 'Dinas Sosial Barat', abbreviation: 'DSB' },
      { id: 13, name: 'Dinas Sosial Timur', abbreviation: 'DST' },
    ];
    expect(closestAgencies('dsx', twins).map((a) => a.id)).toEqual([12, 13, 11]);
    expect(closestAgencies('dsx', twins, 2).map((a) => a.id)).toEqual([12, 13]);
    expect(closestAgencies('dst', twins).map((a) => a.id)).toEqual([13, 12, 11]);
  });
});
