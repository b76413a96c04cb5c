import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/core/backend';
import { testBackend } from '../support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('database settings', () => {
  it('runs in WAL with synchronous=FULL and foreign keys on', () => {
    expect(backend.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(backend.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(backend.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
