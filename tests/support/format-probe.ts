// Run in a child process with TZ set (tests/format/time-zone-independence.test.ts): prints what
// the formatters give in that process, built there under that zone from the start.
import { formatDate, formatLongDate, formatShortDate, formatTime, formatTimeRange, todayIso } from '../../shared/format';

const dates = ['2024-01-01', '2024-02-29', '2024-11-26', '2024-12-31'];
process.stdout.write(JSON.stringify({
  tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  long: dates.map(formatLongDate),
  date: dates.map(formatDate),
  short: dates.map(formatShortDate),
  time: [formatTime('00:00', 'WIB'), formatTime('23:59', 'WIT'), formatTimeRange('09:00', '12:00', 'WITA')],
  today: [todayIso('WIB', new Date('2024-11-26T17:30:00Z')), todayIso('WIT', new Date('2024-11-26T14:59:00Z'))],
}));
