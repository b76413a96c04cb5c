// Rupiah on a chart axis: short Indonesian units (rb, jt, M, T) with a decimal comma, so a tick
// reads "Rp1,5 M" instead of thirteen digits. Exact amounts stay in the tables and tooltips.

const UNITS: [number, string][] = [[1e12, 'T'], [1e9, 'M'], [1e6, 'jt'], [1e3, 'rb']];
const short = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function shortRupiah(rupiah: number): string {
  const found = UNITS.find(([size]) => Math.abs(rupiah) >= size);
  return found ? `Rp${short.format(rupiah / found[0])} ${found[1]}` : `Rp${short.format(rupiah)}`;
}
