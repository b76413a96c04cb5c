// NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, printed grouped 8-6-1-3
// ("19800101 200501 1 001": birth date, appointment month, sex, serial number).

export const NIP_DIGITS = 18;

/** Strips the spaces and dots people type; returns the 18 digits or null. */
export function normalizeNip(text: string): string | null {
  const digits = text.replace(/[\s.]/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}

export function formatNip(nip: string): string {
  const digits = normalizeNip(nip);
  if (!digits) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
