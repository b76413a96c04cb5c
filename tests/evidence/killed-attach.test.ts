import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { CRASH_ENV, EVIDENCE_STEPS } from '../../src-main/core/crash-point';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { tempDir } from '../support/backup-helpers';
import { bundleChild, NODE, ROOT, runChild } from '../support/child-bundle';
import { b64, groupFile, pngBytes } from '../support/evidence-files';
import { strictLog } from '../support/strict-log';

// Issue 13: an attach killed (SIGKILL) at every step leaves the whole attachment or nothing.
// The child runs the real backend and kills itself at the named step; then the backend starts
// again on that folder: no row without its intact file, no temporary file left, and attaching
// the same bytes again works (and reuses a file that was already renamed into place).

let child: Awaited<ReturnType<typeof bundleChild>>;
let template: string;
let meetingId: number;
beforeAll(async () => {
  child = await bundleChild('tests/support/evidence-child.ts', 'evidence-child');
  template = tempDir('rakor-evidence-crash-');
  const b = createBackend({ dataDir: template, runtime: 'cli', log: strictLog() });
  const m = await b.invoke('meeting.create', { title: 'Rakor', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' });
  if (!m.ok) throw new Error(m.error.message);
  meetingId = (m.data as { id: number }).id;
  b.close();
}, 60_000);
afterAll(() => child?.remove());

const bytes = pngBytes(Buffer.from('foto dokumentasi rakor klaster III'));
const hash = sha256Of(bytes);

function inspect(dir: string) {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
  const rows = backend.db.prepare(`SELECT sha256 FROM evidence`).all() as { sha256: string }[];
  const temps = fs.existsSync(path.join(dir, 'files')) ? fs.readdirSync(path.join(dir, 'files')).filter((n) => n.startsWith('.')) : [];
  return { backend, rows, temps };
}

describe('attach killed at every step', () => {
  for (const step of EVIDENCE_STEPS) {
    it(`after a kill at ${step} the attachment is whole or absent`, async () => {
      const dir = tempDir('rakor-evidence-case-');
      fs.cpSync(template, dir, { recursive: true });
      const run = await runChild(child.file, ['attach', dir, String(meetingId), b64(bytes)], { [CRASH_ENV]: step });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const found = inspect(dir);
      try {
        // Every step is before COMMIT: the row is gone with the transaction.
        expect(found.rows).toEqual([]);
        expect(found.temps).toEqual([]);
        expect(await found.backend.invoke('evidence.verify', {})).toEqual({ ok: true, data: [] });
        // Renamed into place before the kill: an invisible orphan, reused by the next attach.
        expect(listStoredHashes(dir)).toEqual(step === 'evidence:temp-written' ? [] : [hash]);
        const again = await found.backend.invoke('evidence.attach', { meetingId, fileName: 'foto.png', base64: b64(bytes), evidenceDate: '2025-03-10' });
        expect(again.ok).toBe(true);
        expect(fs.readFileSync(storedPath(dir, hash)).equals(bytes)).toBe(true);
      } finally {
        found.backend.close();
      }
    }, 60_000);
  }

  it('without a kill the attachment is complete', async () => {
    const dir = tempDir('rakor-evidence-case-');
    fs.cpSync(template, dir, { recursive: true });
    const run = await runChild(child.file, ['attach', dir, String(meetingId), b64(bytes)]);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const found = inspect(dir);
    try {
      expect(found.rows).toEqual([{ sha256: hash }]);
      expect(found.temps).toEqual([]);
      expect(fs.readFileSync(storedPath(dir, hash)).equals(bytes)).toBe(true);
    } finally {
      found.backend.close();
    }
  }, 60_000);
});

// Attaches in flight together are committed as one group (attach-group.ts): a kill while a group
// is written, published or inserted leaves every file whole (row and intact file) or absent, and
// every attach acknowledged before the kill is there.

const COUNT = 6;

/** The folder after a restart: rows, leftover temps, and whether each row's file hashes to its name. */
async function inspectAfterRestart(dir: string) {
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
      const found = await inspectAfterRestart(dir);
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
    const found = await inspectAfterRestart(dir);
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
      const found = await inspectAfterRestart(dir);
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
