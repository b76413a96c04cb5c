import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tempDir } from './backup-helpers';
import { strictLog } from './strict-log';

/** A small seeded PRNG, so a failing fuzz case can be replayed. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzTarget {
  dataDir: string;
  backend: Backend;
  server: WebServer;
}

/**
 * For a fuzz test file: the real web runtime on a fresh data folder holding a few rows besides
 * the seed (something to protect), serving a one-line page. Read the fields inside tests.
 */
export function fuzzTarget(prefix: string): FuzzTarget {
  const target = {} as FuzzTarget;
  beforeAll(async () => {
    target.dataDir = tempDir(prefix);
    target.backend = createBackend({ dataDir: target.dataDir, runtime: 'web', log: strictLog() });
    for (let i = 0; i < 3; i++) await target.backend.invoke('agency.create', { kind: 'opd', name: `Dinas Uji ${i}` });
    const staticDir = tempDir(`${prefix}static-`);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>uji</title>');
    target.server = await startWebServer({ backend: target.backend, staticDir });
  });
  afterAll(async () => {
    await target.server?.close();
    target.backend?.close();
  });
  return target;
}
