import { describe, expect, it } from 'vitest';
import { formatLongTimestamp, formatTimestamp, nowHhMm } from '../../shared/format';

// Instants (when a row was deleted, the clock proposed as jam selesai) are read in the region's
// zone, never the laptop's: a secretary in Balikpapan sees WITA even on a laptop set to UTC.

describe('times of instants in the region zone', () => {
  it('formats a stored instant in the region zone, crossing midnight where the zone does', () => {
    expect(formatTimestamp('2024-11-26T03:04:05.000Z', 'WIB')).toBe('26 Nov 2024 10.04 WIB');
    expect(formatTimestamp('2024-11-25T20:30:00.000Z', 'WITA')).toBe('26 Nov 2024 04.30 WITA');
    expect(formatTimestamp('2024-11-25T20:30:00.000Z', 'WIB')).toBe('26 Nov 2024 03.30 WIB');
    expect(formatTimestamp('2024-11-25T14:59:00.000Z', 'WIT')).toBe('25 Nov 2024 23.59 WIT');
    expect(formatTimestamp('bukan waktu', 'WIB')).toBe('bukan waktu');
  });

  it('writes an instant in a sentence with the month in full, in the region zone', () => {
    expect(formatLongTimestamp('2024-11-25T20:30:00.000Z', 'WITA')).toBe('26 November 2024, pukul 04.30 WITA');
    expect(formatLongTimestamp('2024-11-25T20:30:00.000Z', 'WIB')).toBe('26 November 2024, pukul 03.30 WIB');
    expect(formatLongTimestamp('2024-12-31T15:00:00.000Z', 'WIT')).toBe('1 Januari 2025, pukul 00.00 WIT');
    expect(formatLongTimestamp('bukan waktu')).toBe('bukan waktu');
  });

  it('gives the clock now in a zone as HH:MM on a 24-hour clock', () => {
    const at = new Date('2024-11-26T00:05:00.000Z');
    expect(nowHhMm('WIB', at)).toBe('07:05');
    expect(nowHhMm('WITA', at)).toBe('08:05');
    expect(nowHhMm('WIT', new Date('2024-11-26T15:00:00.000Z'))).toBe('00:00');
  });
});
