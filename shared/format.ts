// Indonesian formats for everything a user reads or signs. They never depend on the machine's
// locale or time zone: Intl is always asked for 'id-ID', and calendar dates are handled as UTC
// so that "2024-11-26" is 26 November on every laptop.

const LOCALE = 'id-ID';

export type TimeZoneCode = 'WIB' | 'WITA' | 'WIT';
export const TIME_ZONES: readonly TimeZoneCode[] = ['WIB', 'WITA', 'WIT'];
export const TIME_ZONE_IANA: Record<TimeZoneCode, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses "YYYY-MM-DD" into a UTC Date, or null when it is not a real calendar date. */
export function parseIsoDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2023-02-29 over to 1 March; a real date survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

export function isIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

function requireDate(iso: string): Date {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Tanggal tidak valid: ${iso}`);
  return date;
}

const longDate = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});
const dayMonthYear = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC',
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** "Selasa, 26 November 2024" */
export function formatLongDate(iso: string): string {
  const parts = longDate.formatToParts(requireDate(iso));
  // Assembled from parts: some ICU versions put "pukul" or no comma between the pieces.
  return `${part(parts, 'weekday')}, ${part(parts, 'day')} ${part(parts, 'month')} ${part(parts, 'year')}`;
}

/** "26 November 2024" (place-and-date line of a signature block). */
export function formatDate(iso: string): string {
  const parts = dayMonthYear.formatToParts(requireDate(iso));
  return `${part(parts, 'day')} ${part(parts, 'month')} ${part(parts, 'year')}`;
}

/** "26 Nov 2024" for dense tables. */
export function formatShortDate(iso: string): string {
  const parts = shortDate.formatToParts(requireDate(iso));
  return `${part(parts, 'day')} ${part(parts, 'month').replace('.', '')} ${part(parts, 'year')}`;
}

export function isHhMm(value: string): boolean {
  return HHMM.test(value);
}

/** "09:00" -> "09.00"; with a zone, "09.00 WITA". */
export function formatTime(hhmm: string, zone?: TimeZoneCode): string {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`Jam tidak valid: ${hhmm}`);
  return zone ? `${m[1]}.${m[2]} ${zone}` : `${m[1]}.${m[2]}`;
}

/** "09.00 WITA s.d. 12.00 WITA", or "09.00 WITA s.d. selesai" while the end is unknown. */
export function formatTimeRange(start: string, end: string | null | undefined, zone: TimeZoneCode): string {
  return `${formatTime(start, zone)} s.d. ${end ? formatTime(end, zone) : 'selesai'}`;
}

/** Minutes since midnight, for comparing start and end times. */
export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`Jam tidak valid: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const plainNumber = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: true });

/**
 * Money is kept as whole sen (1/100 rupiah) so that sums are exact.
 * 125_000_000_000 sen -> "Rp1.250.000.000,00" (no space after Rp: the government style).
 */
export function formatRupiah(sen: number): string {
  if (!Number.isSafeInteger(sen) || sen < 0) throw new RangeError(`Nilai rupiah tidak valid: ${sen}`);
  const rupiah = Math.trunc(sen / 100);
  const rest = sen % 100;
  // Grouping the whole part as an integer keeps amounts beyond 2^53/100 exact.
  return `Rp${plainNumber.format(rupiah)},${String(rest).padStart(2, '0')}`;
}

/** Parses what a user types as money: "1.250.000", "Rp1.250.000,50", "1250000". Returns sen. */
export function parseRupiah(text: string): number | null {
  const cleaned = text.replace(/\s+/g, '').replace(/^Rp\.?/i, '');
  if (cleaned === '') return null;
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const whole = Number(m[1].replace(/\./g, ''));
  const fraction = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  const sen = whole * 100 + fraction;
  return Number.isSafeInteger(sen) ? sen : null;
}

/** Editable form of an amount, without "Rp": "1.250.000" or "1.250.000,50". */
export function formatRupiahInput(sen: number): string {
  const text = formatRupiah(sen).slice(2);
  return text.endsWith(',00') ? text.slice(0, -3) : text;
}

/** Plain grouped number: 1250 -> "1.250". */
export function formatNumber(n: number): string {
  return plainNumber.format(n);
}

const percentNumber = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Percentage with a decimal comma and one decimal: 0.8523 -> "85,2%". */
export function formatPercent(ratio: number): string {
  // One formatter for the module: building an Intl.NumberFormat per call cost ~7 ms per export.
  return `${percentNumber.format(ratio * 100)}%`;
}

const scoreFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** KLA scores out of 1000 with two decimals and a decimal comma: 712.45 -> "712,45". */
export function formatScore(score: number): string {
  if (!Number.isFinite(score) || score < 0) throw new RangeError(`Nilai tidak valid: ${score}`);
  return scoreFormat.format(score);
}

/** Today's date as "YYYY-MM-DD" in the region's zone (not the laptop's). */
export function todayIso(zone: TimeZoneCode = 'WIB', now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE_IANA[zone], year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

/** The clock time now in the region's zone, "HH:MM" (a proposed jam selesai). */
export function nowHhMm(zone: TimeZoneCode = 'WIB', now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE_IANA[zone], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  return `${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

/** An instant (ISO 8601, e.g. a row's deleted_at) as the region reads it: "20 Mei 2025 10.04 WIB". */
export function formatTimestamp(isoInstant: string, zone: TimeZoneCode = 'WIB'): string {
  const at = new Date(isoInstant);
  if (Number.isNaN(at.getTime())) return isoInstant;
  return `${formatShortDate(todayIso(zone, at))} ${formatTime(nowHhMm(zone, at), zone)}`;
}

/** "26 November 2024, pukul 10.04 WIB": a stored instant in a sentence (when a backup was made). */
export function formatLongTimestamp(isoInstant: string, zone: TimeZoneCode = 'WIB'): string {
  const at = new Date(isoInstant);
  if (Number.isNaN(at.getTime())) return isoInstant;
  return `${formatDate(todayIso(zone, at))}, pukul ${formatTime(nowHhMm(zone, at), zone)}`;
}

/** "YYYY-MM-DD" plus n days. */
export function addDaysIso(iso: string, days: number): string {
  const date = requireDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The date proposed for the next rakor after one held on `sourceIso`: the same weekday, at
 * least a week after the source and after today (a copy dated today is almost never right).
 */
export function nextSameWeekday(sourceIso: string, todayIsoDate: string): string {
  let next = addDaysIso(sourceIso, 7);
  while (next <= todayIsoDate) next = addDaysIso(next, 7);
  return next;
}

/** "2024-11-26" -> "26/11/2024", the way dates are typed in Indonesian offices. */
export function formatDateInput(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * Typed day/month/year ("26/11/2024", "26-11-2024", "26.11.24", "2024-11-26") -> ISO, or null
 * when it is not a real date. Two-digit years are 20xx.
 */
export function parseDateInput(text: string): string | null {
  const t = text.trim();
  if (ISO_DATE.test(t)) return isIsoDate(t) ? t : null;
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(t);
  if (!m) return null;
  const year = m[3].length === 2 ? `20${m[3]}` : m[3];
  const iso = `${year}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Typed 24-hour time ("9", "09.00", "9:30", "0930") -> "HH:MM", or null. */
export function parseTimeInput(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[.:\s]?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const hhmm = `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
  return isHhMm(hhmm) ? hhmm : null;
}

/** "09:00" -> "09.00" as shown in a time field. */
export function formatTimeInput(hhmm: string): string {
  return isHhMm(hhmm) ? hhmm.replace(':', '.') : hhmm;
}

const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, useGrouping: true });

/** A file size as Indonesians read it: "50 MB", "1,5 MB", "820 KB" (1 MB = 1024 × 1024 byte). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${oneDecimal.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 * 1024) return `${oneDecimal.format(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} byte`;
}
