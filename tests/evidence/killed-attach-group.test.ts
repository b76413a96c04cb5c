import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { CRASH_ENV, EVIDENCE_STEPS } from '../../src-main/core/crash-point';
import { sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { tempDir } from '../support/backup-helpers';
import { bundleChild, NODE, ROOT, runChild } from '../support/child-bundle';
import { groupFile } from '../support/evidence-files';
import { strictLog } from '../support/strict-log';

// Issue 13: attaches in flight together are committed as one group (attach-group.ts). A kill
// (SIGKILL) while a group is written, published or inserted leaves every file either whole
// (row and intact file) or absent: no row without its file, no temporary file after the next
// start, and every attach that was acknowledged before the kill is there.

let child: Awaited<ReturnType<typeof bundleChild>>;
let template: string;
let meetingId: number;
beforeAll(async () => {
  child = await bundleChild('tests/support/evidence-child.ts', 'evidence-group-child');
  template = tempDir('rakor-evidence-group-crash-');
  const b = createBackend({ dataDir: template, runtime: 'cli', log: strictLog() });
  const m = await b.invoke('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  if (!m.ok) throw new Error(m.error.message);
  meetingId = (m.data as { id: number }).id;
  b.close();
}, 60_000);
afterAll(() => child?.remove());

const COUNT = 6;

/** The folder after a restart: rows, leftover temps, and whether each row's file hashes to its name. */
async function inspect(dir: string) {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
  try {
    const rows = backend.db.prepare(`SELECT original_name AS name, sha256 FROM evidence ORDER BY id`).all() as { name: string; sha256: string }[];
    const temps = fs.readdirSync(path.join(dir, 'files')).filter((n) => n.startsWith('.'));
    const verify = await backend.invoke('evidence.verify', {});
    return { rows, temps, verify };
  } finally {
    backend.close();
  }
}

function acknowledged(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.slice(3));
}

describe('attaches committed as a group, killed at every step', () => {
  for (const step of EVIDENCE_STEPS) {
    it(`after a kill at ${step} in the second round, the first round is whole and the second absent`, async () => {
      const dir = tempDir('rakor-evidence-group-case-');
      fs.cpSync(template, dir, { recursive: true });
      const run = await runChild(child.file, ['groups', dir, String(meetingId), String(COUNT), step]);
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const first = Array.from({ length: COUNT }, (_, i) => `foto-1-${i}.png`);
      expect(acknowledged(run.stdout).sort()).toEqual(first.sort());
      const found = await inspect(dir);
      expect(found.rows.map((r) => r.name).sort()).toEqual(first.sort());
      for (const row of found.rows) {
        const index = Number(/foto-1-(\d+)/.exec(row.name)![1]);
        expect(row.sha256).toBe(sha256Of(groupFile(1, index)));
        expect(fs.readFileSync(storedPath(dir, row.sha256)).equals(groupFile(1, index))).toBe(true);
      }
      expect(found.temps).toEqual([]);
      expect(found.verify).toEqual({ ok: true, data: [] });
    }, 60_000);
  }

  it('without a kill both rounds are complete', async () => {
    const dir = tempDir('rakor-evidence-group-case-');
    fs.cpSync(template, dir, { recursive: true });
    const run = await runChild(child.file, ['groups', dir, String(meetingId), String(COUNT), 'none']);
    expect(run.code, run.stderr).toBe(0);
    const found = await inspect(dir);
    expect(found.rows).toHaveLength(2 * COUNT);
    expect(found.temps).toEqual([]);
    expect(found.verify).toEqual({ ok: true, data: [] });
  }, 60_000);

  it('killed at a random moment among attaches in flight: every acknowledged file is whole, no row without its file', async () => {
    let ackedInAll = 0;
    for (const delay of [150, 400, 900]) {
      const dir = tempDir('rakor-evidence-group-case-');
      fs.cpSync(template, dir, { recursive: true });
      const out = await new Promise<string>((resolve, reject) => {
        const proc = spawn(NODE, [child.file, 'stream', dir, String(meetingId), '512'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [CRASH_ENV]: '' } });
        let stdout = '';
        proc.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          if (stdout.startsWith('ready\n') && !proc.killed) setTimeout(() => proc.kill('SIGKILL'), delay).unref();
        });
        proc.on('error', reject);
        proc.on('exit', () => resolve(stdout));
      });
      const acked = acknowledged(out);
      ackedInAll += acked.length;
      const found = await inspect(dir);
      const names = found.rows.map((r) => r.name);
      // Acknowledged means committed; a group killed before its COMMIT left no row.
      for (const name of acked) expect(names).toContain(name);
      for (const row of found.rows) {
        const index = Number(/foto-(\d+)/.exec(row.name)![1]);
        expect(row.sha256).toBe(sha256Of(groupFile(0, index, 512 * 1024)));
      }
      expect(found.temps).toEqual([]);
      expect(found.verify).toEqual({ ok: true, data: [] });
    }
    // The kills landed among attaches, not before the first one was acknowledged.
    expect(ackedInAll).toBeGreaterThan(0);
  }, 90_000);
});
