import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/core/backend';
import { ok, refused, testBackend } from '../support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('reference data', () => {
  it('is seeded with 6 clusters and 24 indicators, with 21a–e (corrected by migration 5) and five predikat bands', async () => {
    const set = await ok(backend, 'reference.get', { year: 2026 });
    expect(set.year).toBe(2022);
    expect(set.clusters.map((c) => c.code)).toEqual(['KL', 'I', 'II', 'III', 'IV', 'V']);
    expect(set.clusters.map((c) => c.indicators.length)).toEqual([3, 3, 4, 6, 4, 4]);
    expect(set.clusters.flatMap((c) => c.indicators).map((i) => i.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const twentyOne = set.clusters[5].indicators.find((i) => i.number === 21)!;
    expect(twentyOne.subIndicators.map((s) => s.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(set.bands.map((b) => `${b.name} ${b.minScore}-${b.maxScore}`)).toEqual([
      'Pratama 500-600', 'Madya 601-700', 'Nindya 701-800', 'Utama 801-900', 'KLA 901-1000',
    ]);
    expect(await ok(backend, 'reference.years', {})).toEqual([2022]);
  });

  it('keeps EM, VA and final scores apart per year', async () => {
    await ok(backend, 'score.set', { year: 2024, stage: 'EM', total: 973.9 });
    await ok(backend, 'score.set', { year: 2024, stage: 'VA', total: 697.4 });
    const scores = await ok(backend, 'score.set', { year: 2024, stage: 'EM', total: 975 });
    expect(scores).toEqual([{ year: 2024, stage: 'EM', total: 975 }, { year: 2024, stage: 'VA', total: 697.4 }]);
    expect((await refused(backend, 'score.set', { year: 2024, stage: 'EM', total: 1000.5 })).code).toBe('VALIDATION');
    expect(await ok(backend, 'score.set', { year: 2024, stage: 'VA', total: null })).toEqual([{ year: 2024, stage: 'EM', total: 975 }]);
  });
});
