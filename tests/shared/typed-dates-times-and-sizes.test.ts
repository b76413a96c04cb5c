import { describe, expect, it } from 'vitest';
import {
  addDaysIso, formatBytes, formatDateInput, formatLongTimestamp, formatTimestamp, isIsoDate, nowHhMm, formatTimeInput, nextSameWeekday, parseDateInput, parseTimeInput,
} from '../../shared/format';

// What a secretary types into date and time fields, and the sizes shown beside attached files,
// with the expected values written out by hand.

describe('typed dates', () => {
  it('reads day/month/year with slashes, dashes, dots or spaces, and ISO dates', () => {
    const rows: [string, string | null][] = [
      ['26/11/2024', '2024-11-26'],
      ['26-11-2024', '2024-11-26'],
      ['26.11.24', '2024-11-26'],
      ['5 1 2025', '2025-01-05'],
      ['5/1/25', '2025-01-05'],
      ['  05/01/2025  ', '2025-01-05'],
      ['2024-11-26', '2024-11-26'],
      ['29/02/2024', '2024-02-29'],
      ['29/02/2023', null],
      ['2023-02-29', null],
      ['31/04/2025', null],
      ['26/13/2024', null],
      ['26/11/202', null],
      ['26/11/20245', null],
      ['123/11/2024', null],
      ['26/11', null],
      ['26_11_2024', null],
      ['x26/11/2024', null],
      ['26/11/2024x', null],
      ['', null],
    ];
    for (const [typed, iso] of rows) expect(parseDateInput(typed), JSON.stringify(typed)).toBe(iso);
    // Years before 100 are not taken (Date.UTC would read 0099 as 1999).
    expect(isIsoDate('0099-12-31')).toBe(false);
  });

  it('shows an ISO date the way it is typed, and nothing for anything else', () => {
    expect(formatDateInput('2024-11-26')).toBe('26/11/2024');
    expect(formatDateInput('2025-01-05')).toBe('05/01/2025');
    expect(formatDateInput('26/11/2024')).toBe('');
    expect(formatDateInput('')).toBe('');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDaysIso('2024-11-26', 7)).toBe('2024-12-03');
    expect(addDaysIso('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDaysIso('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDaysIso('2025-03-01', 0)).toBe('2025-03-01');
    expect(() => addDaysIso('2025-02-30', 1)).toThrow(RangeError);
  });

  it('proposes the next rakor on the same weekday, at least a week on and after today', () => {
    // Tuesday 5 Nov 2024: a week later when that is still ahead.
    expect(nextSameWeekday('2024-11-05', '2024-11-06')).toBe('2024-11-12');
    // The proposal is never today itself.
    expect(nextSameWeekday('2024-11-05', '2024-11-12')).toBe('2024-11-19');
    expect(nextSameWeekday('2024-11-05', '2024-11-13')).toBe('2024-11-19');
    // A rakor copied from months ago lands on the first Tuesday after today.
    expect(nextSameWeekday('2024-01-02', '2024-11-22')).toBe('2024-11-26');
    // Today before the source (a rakor planned ahead): one week after the source.
    expect(nextSameWeekday('2024-11-05', '2024-10-01')).toBe('2024-11-12');
  });
});

describe('typed times', () => {
  it('reads 24-hour times typed with a dot, a colon, a space or nothing between', () => {
    const rows: [string, string | null][] = [
      ['9', '09:00'],
      ['09', '09:00'],
      ['9.30', '09:30'],
      ['09:30', '09:30'],
      ['9 30', '09:30'],
      ['0930', '09:30'],
      ['930', '09:30'],
      ['123', '01:23'],
      ['2460', null],
      [' 13.05 ', '13:05'],
      ['23.59', '23:59'],
      ['0', '00:00'],
      ['24', null],
      ['24.00', null],
      ['12.60', null],
      ['9.3', null],
      ['9-30', null],
      ['9..30', null],
      ['jam 9', null],
      ['', null],
    ];
    for (const [typed, hhmm] of rows) expect(parseTimeInput(typed), JSON.stringify(typed)).toBe(hhmm);
  });

  it('shows a stored time with a dot, and anything else as it is', () => {
    expect(formatTimeInput('09:30')).toBe('09.30');
    expect(formatTimeInput('23:00')).toBe('23.00');
    expect(formatTimeInput('9:30')).toBe('9:30');
    expect(formatTimeInput('')).toBe('');
  });
});

describe('stored instants in a sentence', () => {
  it('writes the date and "pukul" with the region\'s zone, and leaves a broken value as it is', () => {
    expect(formatLongTimestamp('2024-11-26T03:04:05.000Z', 'WIB')).toBe('26 November 2024, pukul 10.04 WIB');
    expect(formatLongTimestamp('2024-11-25T16:30:00.000Z', 'WITA')).toBe('26 November 2024, pukul 00.30 WITA');
    expect(formatLongTimestamp('2024-11-25T14:59:00.000Z', 'WIT')).toBe('25 November 2024, pukul 23.59 WIT');
    expect(formatLongTimestamp('2024-11-26T03:04:05.000Z')).toBe('26 November 2024, pukul 10.04 WIB');
    expect(formatLongTimestamp('bukan waktu', 'WIB')).toBe('bukan waktu');
    // Without a zone, WIB.
    expect(formatTimestamp('2024-11-26T03:04:05.000Z')).toBe('26 Nov 2024 10.04 WIB');
    expect(nowHhMm(undefined, new Date('2024-11-26T03:04:05.000Z'))).toBe('10:04');
  });
});

describe('file sizes', () => {
  it('reads as byte, KB, MB or GB with a decimal comma, 1 KB being 1024 bytes', () => {
    const rows: [number, string][] = [
      [0, '0 byte'],
      [1, '1 byte'],
      [1023, '1.023 byte'],
      [1024, '1 KB'],
      [1536, '2 KB'],
      [820 * 1024, '820 KB'],
      [1024 * 1024 - 1, '1.024 KB'],
      [1024 * 1024, '1 MB'],
      [1.5 * 1024 * 1024, '1,5 MB'],
      [50 * 1024 * 1024, '50 MB'],
      [1024 ** 3 - 1, '1.024 MB'],
      [1024 ** 3, '1 GB'],
      [2.25 * 1024 ** 3, '2,3 GB'],
      [1536 * 1024 ** 3, '1.536 GB'],
    ];
    for (const [bytes, text] of rows) expect(formatBytes(bytes), String(bytes)).toBe(text);
  });
});
