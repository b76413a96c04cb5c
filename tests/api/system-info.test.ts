import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/core/backend';
import { ok, testBackend } from '../support/backend';

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe('system', () => {
  it('reports schema version and runtime', async () => {
    const info = await ok(backend, 'system.info', {});
    expect(info.runtime).toBe('cli');
    expect(info.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
