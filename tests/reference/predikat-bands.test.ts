import { describe, expect, it } from 'vitest';
import { clusterLabel, predikatFor } from '../../shared/kla';
import { SEED_BANDS } from '../../src-main/core/db/migrations/0002_seed_data';

describe('predikat from bands', () => {
  it('picks the band a score falls in', () => {
    expect(predikatFor(712.45, SEED_BANDS)?.name).toBe('Nindya');
    expect(predikatFor(500, SEED_BANDS)?.name).toBe('Pratama');
    expect(predikatFor(901, SEED_BANDS)?.name).toBe('KLA');
    expect(predikatFor(1000, SEED_BANDS)?.name).toBe('KLA');
  });

  it('has no predikat below the lowest band', () => {
    expect(predikatFor(499.99, SEED_BANDS)).toBeNull();
    expect(predikatFor(0, [])).toBeNull();
  });

  it('keeps a score between whole-number bands in the lower one', () => {
    expect(predikatFor(600.5, SEED_BANDS)?.name).toBe('Pratama');
    expect(predikatFor(700.99, SEED_BANDS)?.name).toBe('Madya');
  });

  it('follows bands that a region edited', () => {
    const edited = [{ name: 'Pratama', minScore: 450, maxScore: 600 }];
    expect(predikatFor(460, edited)?.name).toBe('Pratama');
  });

  it('names clusters as people write them', () => {
    expect(clusterLabel('KL')).toBe('Kelembagaan');
    expect(clusterLabel('III')).toBe('Klaster III');
  });
});
