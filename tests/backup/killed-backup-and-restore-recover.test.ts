import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { seedDemo } from '../../src-main/core/demo/seed-demo';
import { BACKUP_STEPS, CRASH_ENV, RESTORE_STEPS } from '../../src-main/core/crash-point';
import type { BackupInfo } from '../../shared/api/backup';
import { tempDir } from '../support/backup-helpers';
import { bundleChild, runChild } from '../support/child-bundle';
import { b64, jpegBytes, pdfBytes } from '../support/evidence-files';
import { storedPath } from '../../src-main/core/evidence/file-store';
import type { Evidence } from '../../shared/api/evidence';
import { verifyEvidence } from '../../src-main/core/evidence/repository';

// Issue 12: a restore or a backup killed at any step. The child process runs the real backend
// and kills itself (SIGKILL, as a power cut or the task manager would) at the named step; then
// the backend is started again on that folder. It must find the old or the new database, never
// an empty one, and leave no temporary files behind. Issue 13: the backup carries two evidence
// files the live folder no longer has, so the restore's journaled steps include putting them
// back; whichever state is found, every file its database refers to is there and intact.

let child: Awaited<ReturnType<typeof bundleChild>>;
let template: string;
let backupZip: string;
beforeAll(async () => {
  child = await bundleChild('tests/support/backup-child.ts', 'backup-child');
  // The backup holds the demo regency plus agency "Penanda Baru"; the live database then
  // trades it for "Penanda Lama". Which marker is present tells old from new.
  template = tempDir('rakor-crash-template-');
  const b = createBackend({ dataDir: template, runtime: 'cli', log: () => undefined });
  seedDemo(b.db);
  await b.invoke('agency.create', { kind: 'opd', name: 'Penanda Baru' });
  const attached: Evidence[] = [];
  for (const [fileName, bytes] of [['foto.jpg', jpegBytes()], ['perda.pdf', pdfBytes('Perda baru')]] as const) {
    const r = await b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName, base64: b64(bytes), evidenceDate: '2025-03-10' });
    if (!r.ok) throw new Error(r.error.message);
    attached.push(r.data as Evidence);
  }
  const info = await b.invoke('backup.create', {});
  if (!info.ok) throw new Error(info.error.message);
  const zipFolder = tempDir('rakor-crash-zip-');
  backupZip = path.join(zipFolder, 'cadangan.zip');
  fs.copyFileSync((info.data as BackupInfo).file, backupZip);
  fs.cpSync(path.join(template, 'cadangan', 'berkas'), path.join(zipFolder, 'berkas'), { recursive: true });
  fs.rmSync(path.join(template, 'cadangan'), { recursive: true, force: true });
  b.db.exec(`DELETE FROM agency WHERE name = 'Penanda Baru'`);
  b.db.exec(`DELETE FROM evidence`);
  for (const e of attached) fs.rmSync(storedPath(template, e.sha256));
  await b.invoke('agency.create', { kind: 'opd', name: 'Penanda Lama' });
  const old = await b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName: 'lama.pdf', base64: b64(pdfBytes('Perda lama')), evidenceDate: '2025-01-10' });
  if (!old.ok) throw new Error(old.error.message);
  b.close();
}, 60_000);
afterAll(() => child?.remove());

function freshCopy(): string {
  const dir = tempDir('rakor-crash-case-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** Starts the backend as the app would after the kill and says which database it found. */
function startAndInspect(dir: string): { state: 'old' | 'new' | 'other'; meetings: number; leftovers: string[]; backend: Backend } {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: () => undefined });
  expect(backend.recoveryNeeded()).toBe(false);
  // Every evidence file the found database refers to is in the data folder, intact.
  expect(backend.db.prepare(`SELECT count(*) FROM evidence`).pluck().get()).toBeGreaterThan(0);
  expect(verifyEvidence(backend.db, dir)).toEqual([]);
  const db = backend.db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const meetings = (db.prepare(`SELECT count(*) AS n FROM meeting`).get() as { n: number }).n;
  const markers = (db.prepare(`SELECT name FROM agency WHERE name LIKE 'Penanda %'`).all() as { name: string }[]).map((r) => r.name);
  const state = markers.join() === 'Penanda Lama' ? 'old' : markers.join() === 'Penanda Baru' ? 'new' : 'other';
  const leftovers = fs.readdirSync(dir).filter((n) => n.startsWith('.pemulihan') || n.startsWith('.cadangan-sementara-') || n.includes('sebelum-pemulihan'));
  return { state, meetings, leftovers, backend };
}

describe('restore killed at every step', () => {
  for (const step of RESTORE_STEPS) {
    it(`after a kill at ${step} the next start finds the old or the new database`, async () => {
      const dir = freshCopy();
      const run = await runChild(child.file, ['restore', dir, backupZip], { [CRASH_ENV]: step });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const found = startAndInspect(dir);
      try {
        expect(found.meetings).toBeGreaterThan(0);
        // Before the journal is written nothing has changed; from then on the restore completes.
        const journaled = RESTORE_STEPS.indexOf(step) >= RESTORE_STEPS.indexOf('restore:journal');
        expect(found.state).toBe(journaled ? 'new' : 'old');
        expect(found.leftovers).toEqual([]);
      } finally {
        found.backend.close();
      }
    }, 60_000);
  }

  it('without a kill the restore completes', async () => {
    const dir = freshCopy();
    const run = await runChild(child.file, ['restore', dir, backupZip]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const found = startAndInspect(dir);
    expect(found.state).toBe('new');
    found.backend.close();
  }, 60_000);
});

describe('backup killed at every step', () => {
  for (const step of BACKUP_STEPS) {
    it(`after a kill at ${step} the data is intact and the leftovers are cleaned at start`, async () => {
      const dir = freshCopy();
      const run = await runChild(child.file, ['backup', dir], { [CRASH_ENV]: step });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      // A half-written zip in the backup folder (which may be shared) goes once it is old.
      const folder = path.join(dir, 'cadangan');
      const partials = fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.sebagian')) : [];
      const old = new Date(Date.now() - 11 * 60_000);
      for (const p of partials) fs.utimesSync(path.join(folder, p), old, old);
      const found = startAndInspect(dir);
      try {
        expect(found.state).toBe('old');
        expect(found.meetings).toBeGreaterThan(0);
        expect(found.leftovers).toEqual([]);
        expect(fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.sebagian')) : []).toEqual([]);
      } finally {
        found.backend.close();
      }
    }, 60_000);
  }
});

// The in-process checks of the backup service (queue, damaged source, snapshot folder) are in
// backup-service.test.ts, which mutation runs include.

describe('the restored database after a crash is the verified one', () => {
  it('a rolled-forward restore leaves no journal and opens the backup content', async () => {
    const dir = freshCopy();
    await runChild(child.file, ['restore', dir, backupZip], { [CRASH_ENV]: 'restore:moved-main' });
    expect(fs.existsSync(path.join(dir, '.pemulihan.json'))).toBe(true);
    expect(fs.existsSync(databasePath(dir))).toBe(false);
    const found = startAndInspect(dir);
    found.backend.close();
    expect(found.state).toBe('new');
    const db = new Database(databasePath(dir), { readonly: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    expect(fs.existsSync(path.join(dir, '.pemulihan.json'))).toBe(false);
  }, 60_000);
});
