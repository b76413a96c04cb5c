import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The formatters must print the same Indonesian date whatever zone the laptop is set to. Setting
// process.env.TZ inside a running test proves nothing (formatters built earlier keep their zone),
// so each zone gets its own process, with TZ set before anything is loaded. New York is behind
// UTC (a date read as UTC midnight shows the day before); Kiritimati is UTC+14 (the day after).

const root = path.resolve(import.meta.dirname, '../..');
const probe = path.join(root, 'tests/support/format-probe.ts');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

function formatsUnder(tz: string) {
  return JSON.parse(execFileSync(process.execPath, [tsx, probe], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: tz } }));
}

const EXPECTED = {
  long: ['Senin, 1 Januari 2024', 'Kamis, 29 Februari 2024', 'Selasa, 26 November 2024', 'Selasa, 31 Desember 2024'],
  time: ['00.00 WIB', '23.59 WIT', '09.00 WITA s.d. 12.00 WITA'],
  today: ['2024-11-27', '2024-11-26'],
};

describe('formats in a process of another time zone', () => {
  const utc = formatsUnder('UTC');

  it.each(['America/New_York', 'Pacific/Kiritimati'])('prints the same dates and times under TZ=%s', (tz) => {
    const there = formatsUnder(tz);
    expect(there.tz).toBe(tz);
    expect(there).toMatchObject(EXPECTED);
    expect({ ...there, tz: 'UTC' }).toEqual(utc);
  });
});
