import { describe, expect, it } from 'vitest';
import { fittingSize, textWidthEm } from '../../src-main/core/export/text-width';

describe('kop surat line fitting', () => {
  it('measures with Arial metrics (bold capitals wider than regular lower case)', () => {
    expect(textWidthEm('I', true)).toBeCloseTo(0.278);
    expect(textWidthEm('WWW', false)).toBeCloseTo(2.832);
    expect(textWidthEm('DINAS', true)).toBeGreaterThan(textWidthEm('dinas', false));
  });

  it('keeps the preferred size when the line fits and shrinks it just enough when not', () => {
    const width = 9360; // 16.5 cm of text width in twips
    expect(fittingSize('PEMERINTAH KABUPATEN BANUA HARAPAN', true, 28, width)).toBe(28);
    const office = 'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK';
    const size = fittingSize(office, true, 32, width);
    expect(size).toBeLessThan(32);
    expect((textWidthEm(office, true) * size) / 2).toBeLessThanOrEqual(width / 20);
    expect((textWidthEm(office, true) * (size + 1)) / 2).toBeGreaterThan((width / 20) * 0.97);
  });

  it('never goes below the minimum, even for a very long line', () => {
    expect(fittingSize('X'.repeat(400), true, 28, 9360)).toBe(16);
  });
});
