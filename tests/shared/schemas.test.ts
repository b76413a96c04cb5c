import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fieldErrorsOf, parseInput } from '../../shared/api/validate';
import {
  byId, empty, hhmm, id, isoDate, LIMITS, nip, optionalText, patchOf, patchText, phone, requiredText, sen, timeZone, year,
} from '../../shared/schemas/common';

// The building blocks every input schema is made of, at their boundaries. Each row is a value
// a user or a stale window could send, with the answer written by hand.

function issues(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('limits', () => {
  it('are generous for real use and bounded', () => {
    expect(LIMITS).toEqual({ name: 200, line: 500, notes: 250_000, listItems: 500, attendees: 5000, logoBase64: 1_400_000 });
  });
});

describe("zod's own messages", () => {
  it('are Indonesian where a schema sets none (a wrong type from a stale or hostile client)', () => {
    expect(issues(id, 'x')).toEqual(['Input tidak valid: diharapkan number, diterima string']);
    expect(issues(requiredText(), 5)).toEqual(['Input tidak valid: diharapkan string, diterima number']);
  });
});

describe('ids', () => {
  it('are positive safe integers', () => {
    expect(id.parse(1)).toBe(1);
    expect(id.parse(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '1', null]) expect(id.safeParse(bad).success, String(bad)).toBe(false);
    expect(byId.parse({ id: 7 })).toEqual({ id: 7 });
    expect(byId.safeParse({ id: 7, extra: 1 }).success).toBe(false);
    expect(empty.parse({})).toEqual({});
    expect(empty.safeParse({ a: 1 }).success).toBe(false);
  });
});

describe('text', () => {
  it('required text is trimmed, not blank, and at most its maximum', () => {
    expect(requiredText().parse('  Dinas Sosial  ')).toBe('Dinas Sosial');
    expect(issues(requiredText(), '   ')).toEqual(['Wajib diisi.']);
    expect(requiredText().parse('a'.repeat(200))).toHaveLength(200);
    expect(issues(requiredText(), 'a'.repeat(201))).toEqual(['Terlalu panjang (maksimal 200 karakter).']);
    expect(issues(requiredText(5), 'abcdef')).toEqual(['Terlalu panjang (maksimal 5 karakter).']);
  });

  it('patch text is kept exactly as typed', () => {
    expect(patchText(10).parse('  rapat ')).toBe('  rapat ');
    expect(issues(patchText(3), 'abcd')).toEqual(['Terlalu panjang (maksimal 3 karakter).']);
  });

  it('optional text is trimmed, empty by default, at most 500 by default', () => {
    expect(optionalText().parse(undefined)).toBe('');
    expect(optionalText().parse(' catatan ')).toBe('catatan');
    expect(optionalText().parse('a'.repeat(500))).toHaveLength(500);
    expect(issues(optionalText(), 'a'.repeat(501))).toEqual(['Terlalu panjang (maksimal 500 karakter).']);
  });
});

describe('dates, times, zones', () => {
  it('take real dates and 24-hour times only, in Indonesian', () => {
    expect(isoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(issues(isoDate, '2023-02-29')).toEqual(['Tanggal tidak valid.']);
    expect(hhmm.parse('23:59')).toBe('23:59');
    expect(issues(hhmm, '24:00')).toEqual(['Jam harus berformat JJ:MM, misalnya 09:00.']);
  });

  it('know WIB, WITA and WIT only', () => {
    for (const zone of ['WIB', 'WITA', 'WIT']) expect(timeZone.parse(zone)).toBe(zone);
    for (const bad of ['wib', 'WET', '']) expect(timeZone.safeParse(bad).success, bad).toBe(false);
  });
});

describe('NIP field', () => {
  it('is empty for non-civil-servants, bare digits otherwise', () => {
    expect(nip.parse('')).toBe('');
    expect(nip.parse('   ')).toBe('');
    expect(nip.parse('19800101 200501 1 001')).toBe('198001012005011001');
    expect(issues(nip, '1980')).toEqual(['NIP harus 18 digit angka.']);
    expect(nip.safeParse('1980').error?.issues[0].code).toBe('custom');
    // 40 characters of spaced digits are accepted, 41 are not even looked at.
    expect(nip.parse(`${' '.repeat(22)}198001012005011001`)).toBe('198001012005011001');
    expect(issues(nip, `${' '.repeat(23)}198001012005011001`)).toEqual(['NIP harus 18 digit angka.']);
  });
});

describe('numbers', () => {
  it('money is whole sen from 0 to Rp10 triliun', () => {
    expect(sen.parse(0)).toBe(0);
    expect(sen.parse(1_000_000_000_000_000)).toBe(1_000_000_000_000_000);
    for (const bad of [-1, 0.5, 1_000_000_000_000_001, '100']) expect(issues(sen, bad), String(bad)).toEqual(['Nilai rupiah harus angka 0 atau lebih.']);
  });

  it('years run from 2000 to 2100', () => {
    expect(year.parse(2000)).toBe(2000);
    expect(year.parse(2100)).toBe(2100);
    for (const bad of [1999, 2101, 2024.5, '2024']) expect(issues(year, bad), String(bad)).toEqual(['Tahun harus antara 2000 dan 2100.']);
  });

  it('phone numbers are digits, spaces, plus, dash and brackets, empty by default', () => {
    expect(phone.parse(undefined)).toBe('');
    expect(phone.parse(' +62 (812) 3456-7890 ')).toBe('+62 (812) 3456-7890');
    expect(phone.parse('')).toBe('');
    expect(issues(phone, '0812 abc')).toEqual(['Nomor HP hanya boleh berisi angka, spasi, tanda plus atau strip.']);
    expect(issues(phone, 'abc 0812')).toEqual(['Nomor HP hanya boleh berisi angka, spasi, tanda plus atau strip.']);
    expect(issues(phone, `0${'1'.repeat(30)}`)).toEqual(['Terlalu panjang (maksimal 30 karakter).']);
  });
});

describe('patchOf', () => {
  const fields = z.strictObject({ title: requiredText(), notes: optionalText(), done: z.boolean().default(false) });
  const patch = patchOf(fields);

  it('leaves keys that were not sent absent instead of filling defaults', () => {
    expect(patch.parse({ title: ' Rapat ' })).toEqual({ title: 'Rapat' });
    expect(patch.parse({})).toEqual({});
    expect(patch.parse({ notes: ' x ', done: true })).toEqual({ notes: 'x', done: true });
  });

  it('still validates what was sent and refuses unknown keys', () => {
    expect(patch.safeParse({ title: '' }).success).toBe(false);
    expect(patch.safeParse({ titel: 'x' }).success).toBe(false);
  });
});

describe('boundary validation', () => {
  it('joins issue paths with dots and names unknown keys in Indonesian', () => {
    const schema = z.strictObject({ chair: z.strictObject({ nip }), items: z.array(z.strictObject({ title: requiredText() })) });
    const r = schema.safeParse({ chair: { nip: '12' }, items: [{ title: 'a' }, { title: ' ' }], foo: 1, bar: 2 });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual([
      { path: 'chair.nip', message: 'NIP harus 18 digit angka.' },
      { path: 'items.1.title', message: 'Wajib diisi.' },
      { path: '', message: 'Kolom tidak dikenal: foo, bar.' },
    ]);
  });

  function thrown(fn: () => unknown): AppError {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    throw new Error('did not throw');
  }

  it('refuses an unknown operation', () => {
    const e = thrown(() => parseInput('meeting.explode', {}));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('UNKNOWN_OPERATION');
    expect(e.message).toBe('Perintah tidak dikenal oleh aplikasi.');
    expect(thrown(() => parseInput('toString', {})).code).toBe('UNKNOWN_OPERATION');
  });

  it('reads a missing input as no fields and refuses null, with field errors', () => {
    expect(parseInput('agency.list', undefined)).toEqual({ search: '', includeInactive: true });
    const e = thrown(() => parseInput('agency.list', null));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('Isian belum benar. Periksa kolom yang ditandai.');
    expect(e.fields?.length).toBe(1);
    const bad = thrown(() => parseInput('meeting.get', { id: 0 }));
    expect(bad.fields?.map((f) => f.path)).toEqual(['id']);
  });
});
