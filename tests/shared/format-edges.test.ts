import { describe, expect, it } from 'vitest';
import {
  formatLongDate, formatPercent, formatRupiah, formatRupiahInput, formatScore, formatShortDate, formatTime, formatTimeRange,
  isHhMm, isIsoDate, minutesOf, parseIsoDate, parseRupiah, TIME_ZONE_IANA, TIME_ZONES, todayIso,
} from '../../shared/format';

// Edges of the Indonesian formats that the examples in format.test.ts do not reach. Every
// expected value is written by hand from the calendar or the rule, not from the code.

describe('calendar dates', () => {
  it('are midnight UTC of that day', () => {
    expect(parseIsoDate('2024-11-26')?.toISOString()).toBe('2024-11-26T00:00:00.000Z');
    expect(parseIsoDate('2024-01-31')?.toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(parseIsoDate('2024-12-01')?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });

  it('are exactly YYYY-MM-DD, nothing around it', () => {
    for (const bad of [' 2024-11-26', '2024-11-26 ', 'x2024-11-26', '2024-11-26x', '12024-11-26', '2024-011-26', '2024-11-260', '24-11-26', '2024-11-2', '2024/11/26'])
      expect(parseIsoDate(bad), bad).toBeNull();
  });

  it('refuse days and months that roll over', () => {
    expect(parseIsoDate('2024-00-10')).toBeNull(); // month 0 would roll back to December 2023
    expect(parseIsoDate('2024-04-31')).toBeNull(); // 1 May
    expect(parseIsoDate('2024-04-00')).toBeNull(); // 31 March
    expect(parseIsoDate('2100-02-29')).toBeNull(); // 2100 is not a leap year
    expect(parseIsoDate('2000-02-29')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    // Date.UTC reads years 0–99 as 1900–1999: such a year is not the one typed.
    expect(parseIsoDate('0099-01-01')).toBeNull();
  });

  it('refuse to format a date that is not one, saying which', () => {
    expect(() => formatLongDate('2024-02-30')).toThrow('Tanggal tidak valid: 2024-02-30');
    expect(() => formatShortDate('kemarin')).toThrow(RangeError);
  });

  it('write every short month without a dot', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
    months.forEach((m, i) => expect(formatShortDate(`2025-${String(i + 1).padStart(2, '0')}-05`)).toBe(`05 ${m} 2025`));
  });

  it('knows every day name', () => {
    // 1–7 June 2025 run from Minggu to Sabtu.
    const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
    days.forEach((d, i) => expect(formatLongDate(`2025-06-0${i + 1}`)).toBe(`${d}, ${i + 1} Juni 2025`));
    expect(isIsoDate('2025-06-07')).toBe(true);
  });
});

describe('times of day', () => {
  it('are HH:MM on a 24-hour clock', () => {
    for (const good of ['00:00', '09:05', '19:59', '20:00', '23:59']) expect(isHhMm(good), good).toBe(true);
    for (const bad of ['24:00', '30:00', '19:60', '9:00', '09:0', ' 09:00', '09:00 ', '09.00', '109:00', '09:000', ''])
      expect(isHhMm(bad), bad).toBe(false);
  });

  it('count minutes from midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('13:05')).toBe(785);
    expect(() => minutesOf('25:00')).toThrow('Jam tidak valid: 25:00');
    expect(() => formatTime('7:30', 'WIT')).toThrow('Jam tidak valid: 7:30');
  });

  it('end "selesai" while the end is not set', () => {
    expect(formatTimeRange('08:30', '', 'WIT')).toBe('08.30 WIT s.d. selesai');
    expect(formatTimeRange('08:30', undefined, 'WITA')).toBe('08.30 WITA s.d. selesai');
    expect(formatTimeRange('13:00', '15:45', 'WIB')).toBe('13.00 WIB s.d. 15.45 WIB');
  });

  it('know the three Indonesian zones', () => {
    expect(TIME_ZONES).toEqual(['WIB', 'WITA', 'WIT']);
    expect(TIME_ZONE_IANA).toEqual({ WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' });
  });

  it("give today's date at each zone's midnight", () => {
    // WITA is UTC+8: 15:59Z is 23:59 WITA, 16:00Z is midnight.
    expect(todayIso('WITA', new Date('2024-12-31T15:59:00Z'))).toBe('2024-12-31');
    expect(todayIso('WITA', new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    // WIB (UTC+7) is the default zone.
    expect(todayIso(undefined, new Date('2024-02-28T16:59:59Z'))).toBe('2024-02-28');
    expect(todayIso(undefined, new Date('2024-02-28T17:00:00Z'))).toBe('2024-02-29');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('money', () => {
  it('puts whole rupiah before the comma and sen after it', () => {
    expect(formatRupiah(199)).toBe('Rp1,99');
    expect(formatRupiah(1_000_000)).toBe('Rp10.000,00');
    expect(formatRupiah(123_456_789)).toBe('Rp1.234.567,89');
  });

  it('refuses amounts it cannot write exactly, saying which', () => {
    expect(() => formatRupiah(Number.MAX_SAFE_INTEGER + 1)).toThrow('Nilai rupiah tidak valid: 9007199254740992');
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(-1)).toThrow('Nilai rupiah tidak valid: -1');
  });

  it('reads what people type, with or without Rp, dots, spaces and sen', () => {
    expect(parseRupiah('1 250 000')).toBe(125_000_000);
    expect(parseRupiah(' 1.250.000 ')).toBe(125_000_000);
    expect(parseRupiah('rp.1.000')).toBe(100_000);
    expect(parseRupiah('RP 2.500')).toBe(250_000);
    expect(parseRupiah('12.345')).toBe(1_234_500);
    expect(parseRupiah('1,5')).toBe(150);
    expect(parseRupiah('1,05')).toBe(105);
    expect(parseRupiah('7,')).toBeNull();
    expect(parseRupiah('Rp')).toBeNull();
    expect(parseRupiah('Rp ')).toBeNull();
  });

  it('refuses wrong grouping and text around the number', () => {
    for (const bad of ['1234.567', '1.23', '.250', '1..250', '1.250.', 'x1.000', '1.000Rp', 'Rp-1.000', 'Rp1.000x', '1.0000'])
      expect(parseRupiah(bad), bad).toBeNull();
  });

  it('refuses an amount beyond exact arithmetic', () => {
    expect(parseRupiah('90.071.992.547.409,91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseRupiah('90.071.992.547.409,92')).toBeNull();
  });

  it('drops ",00" and keeps other sen in the editable form', () => {
    expect(formatRupiahInput(100)).toBe('1');
    expect(formatRupiahInput(125_000_050)).toBe('1.250.000,50');
    expect(formatRupiahInput(10)).toBe('0,10');
    expect(formatRupiahInput(0)).toBe('0');
  });
});

describe('percentages and scores', () => {
  it('round percentages to one decimal with a comma', () => {
    expect(formatPercent(1)).toBe('100,0%');
    expect(formatPercent(0)).toBe('0,0%');
    expect(formatPercent(0.12345)).toBe('12,3%');
  });

  it('refuse scores that are not finite, saying which', () => {
    expect(() => formatScore(Number.NaN)).toThrow('Nilai tidak valid: NaN');
    expect(() => formatScore(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatScore(-0.01)).toThrow(RangeError);
    expect(formatScore(0.005)).toBe('0,01');
    expect(formatScore(12.3)).toBe('12,30');
  });
});
