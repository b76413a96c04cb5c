import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { databasePath } from '../../src-main/core/db/database';
import { tempDir } from '../support/backup-helpers';

// Kill a writer with SIGKILL at random moments, many times: after each kill the database
// must pass integrity_check and hold every write the writer saw acknowledged, and every
// multi-row change must be whole. The writer is bundled once so each spawn is cheap.

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/node/bin/node');
const KILLS = 60;
// Two levels below the root, so the bundle's createRequire('../../package.json') still resolves.
const bundleDir = path.join(ROOT, '.tmp', `crash-writer-${process.pid}`);
const bundle = path.join(bundleDir, 'writer.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [path.join(ROOT, 'tests/support/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'silent',
  });
});
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

function runAndKill(dataDir: string, delayMs: number): Promise<{ agencies: number[]; meetings: number[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(fs.existsSync(NODE) ? NODE : process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    const agencies: number[] = [];
    const meetings: number[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const safety = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (line.startsWith('a ')) agencies.push(Number(line.slice(2)));
        else if (line.startsWith('m ')) meetings.push(Number(line.slice(2)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      if (timer) clearTimeout(timer);
      // A partial last line is an id whose write had not been acknowledged in full: ignore it.
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code}): ${stderr}`));
      else resolve({ agencies, meetings, stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    const dataDir = tempDir('rakor-crash-');
    const acknowledgedAgencies: number[] = [];
    const acknowledgedMeetings: number[] = [];
    let killsDuringWrites = 0;
    for (let i = 0; i < KILLS; i++) {
      const { agencies, meetings } = await runAndKill(dataDir, Math.floor(Math.random() * 120));
      if (agencies.length + meetings.length > 0) killsDuringWrites++;
      acknowledgedAgencies.push(...agencies);
      acknowledgedMeetings.push(...meetings);

      const db = new Database(databasePath(dataDir), { fileMustExist: true });
      try {
        expect((db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)).toEqual(['ok']);
        const agencyIds = new Set((db.prepare(`SELECT id FROM agency`).all() as { id: number }[]).map((r) => r.id));
        for (const id of acknowledgedAgencies) expect(agencyIds.has(id), `agency ${id} after kill ${i}`).toBe(true);
        const meetingIds = new Set((db.prepare(`SELECT id FROM meeting`).all() as { id: number }[]).map((r) => r.id));
        for (const id of acknowledgedMeetings) expect(meetingIds.has(id), `meeting ${id} after kill ${i}`).toBe(true);
        // All or nothing: no meeting without its three agenda items.
        const torn = db.prepare(`SELECT m.id FROM meeting m LEFT JOIN agenda_item a ON a.meeting_id = m.id GROUP BY m.id HAVING count(a.id) <> 3`).all();
        expect(torn).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(killsDuringWrites).toBeGreaterThan(KILLS / 2);
    expect(acknowledgedAgencies.length + acknowledgedMeetings.length).toBeGreaterThan(KILLS);
  }, 120_000);
});
