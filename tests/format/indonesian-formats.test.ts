import { describe, expect, it } from 'vitest';
import {
  formatDate, formatLongDate, formatNumber, formatPercent, formatRupiah, formatRupiahInput, formatScore, formatShortDate,
  formatTime, formatTimeRange, isIsoDate, minutesOf, parseRupiah, todayIso,
} from '../../shared/format';
import { formatNip, normalizeNip } from '../../shared/nip';

// These run under whatever locale and zone the machine has; CI sets neither. The outputs must
// be the Indonesian forms regardless.

describe('dates', () => {
  it('writes the long Indonesian date with the day name', () => {
    expect(formatLongDate('2024-11-26')).toBe('Selasa, 26 November 2024');
    expect(formatLongDate('2025-01-05')).toBe('Minggu, 5 Januari 2025');
    expect(formatLongDate('2026-08-14')).toBe('Jumat, 14 Agustus 2026');
  });

  it('handles 29 Februari only in leap years', () => {
    expect(formatLongDate('2024-02-29')).toBe('Kamis, 29 Februari 2024');
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(() => formatLongDate('2023-02-29')).toThrow(RangeError);
  });

  it('rejects malformed dates', () => {
    for (const bad of ['2024-13-01', '2024-1-1', '26/11/2024', '', '2024-11-31']) expect(isIsoDate(bad)).toBe(false);
  });

  it('has a signature-line form and a short table form', () => {
    expect(formatDate('2024-11-26')).toBe('26 November 2024');
    expect(formatShortDate('2024-08-17')).toBe('17 Agu 2024');
  });

  // Independence from the process time zone: time-zone-independence.test.ts (child processes).

  it("gives today's date in the region's zone, not the laptop's", () => {
    const lateEvening = new Date('2024-11-26T17:30:00Z'); // already 00.30 WIB on the 27th
    expect(todayIso('WIB', lateEvening)).toBe('2024-11-27');
    expect(todayIso('WIT', new Date('2024-11-26T14:59:00Z'))).toBe('2024-11-26');
    expect(todayIso('WIT', new Date('2024-11-26T15:00:00Z'))).toBe('2024-11-27');
  });
});

describe('times', () => {
  it('uses a period between hours and minutes and the zone', () => {
    expect(formatTime('09:00', 'WITA')).toBe('09.00 WITA');
    expect(formatTime('13:05')).toBe('13.05');
    expect(formatTimeRange('09:00', '12:00', 'WITA')).toBe('09.00 WITA s.d. 12.00 WITA');
    expect(formatTimeRange('09:00', null, 'WIB')).toBe('09.00 WIB s.d. selesai');
  });

  it('rejects impossible times', () => {
    expect(() => formatTime('24:00')).toThrow(RangeError);
    expect(() => formatTime('9:00')).toThrow(RangeError);
    expect(minutesOf('23:59')).toBe(1439);
  });
});

describe('money', () => {
  it('writes Rupiah with no space, dots for thousands and a decimal comma', () => {
    expect(formatRupiah(125_000_000_000)).toBe('Rp1.250.000.000,00');
    expect(formatRupiah(0)).toBe('Rp0,00');
    expect(formatRupiah(5)).toBe('Rp0,05');
    expect(formatRupiah(Number.MAX_SAFE_INTEGER)).toBe('Rp90.071.992.547.409,91');
  });

  it('rejects negative and fractional sen', () => {
    expect(() => formatRupiah(-100)).toThrow(RangeError);
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
  });

  it('parses what people type', () => {
    expect(parseRupiah('1.250.000')).toBe(125_000_000);
    expect(parseRupiah('Rp1.250.000,50')).toBe(125_000_050);
    expect(parseRupiah('Rp 75000')).toBe(7_500_000);
    expect(parseRupiah('0')).toBe(0);
    for (const bad of ['-5', '1,2,3', '12.34', 'abc', '', '1.250.000,505']) expect(parseRupiah(bad)).toBeNull();
  });

  it('round-trips through the input form', () => {
    for (const sen of [0, 100, 125_000_000_000, 125_000_050]) expect(parseRupiah(formatRupiahInput(sen))).toBe(sen);
  });

  it('formats numbers and percentages the Indonesian way', () => {
    expect(formatNumber(1250)).toBe('1.250');
    expect(formatPercent(0.8523)).toBe('85,2%');
  });
});

describe('scores and NIP', () => {
  it('writes scores with two decimals and a comma', () => {
    expect(formatScore(712.45)).toBe('712,45');
    expect(formatScore(1000)).toBe('1000,00');
    expect(formatScore(0)).toBe('0,00');
    expect(() => formatScore(-1)).toThrow(RangeError);
  });

  it('groups an 18-digit NIP 8-6-1-3', () => {
    expect(formatNip('198001012005011001')).toBe('19800101 200501 1 001');
    expect(normalizeNip('19800101 200501 1 001')).toBe('198001012005011001');
    expect(normalizeNip('12345678901234567')).toBeNull();
    expect(normalizeNip('1980010120050110012')).toBeNull();
    expect(normalizeNip('19800101200501100a')).toBeNull();
  });
});
