import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { seedDemo } from '../../src-main/core/demo/seed-demo';
import { readBackupInfo } from '../../src-main/core/backup/backup';
import { extractDatabase } from '../../src-main/core/backup/extract';
import type { BackupInfo } from '../../shared/api/backup';
import { tempDir } from '../support/backup-helpers';
import { bundleChild, NODE, ROOT } from '../support/child-bundle';

// Kill the app with SIGKILL at random moments, many times: while it writes, while it starts,
// while it backs up and while it restores. After each kill the app's own start-up (lock
// take-over, health check, WAL recovery, migrations) must open the folder; then a read-only
// checker finds integrity ok, every acknowledged write present with the content that was
// acknowledged, every multi-row change whole, and every acknowledged backup complete.

const WRITE_KILLS = 60;
const OTHER_KILLS = 12;

let writer: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  writer = await bundleChild('tests/support/crash-writer.ts', 'crash-writer');
});
afterAll(() => writer?.remove());

function runAndKill(args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [writer.file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const safety = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        else lines.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      if (timer) clearTimeout(timer);
      // A partial last line is a write whose acknowledgement had not left in full: ignored.
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

/** The app's start-up on the folder, as the next launch would do it, then an orderly close. */
function appStartsCleanly(dataDir: string): void {
  const backend = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
  try {
    expect(backend.recoveryNeeded()).toBe(false);
  } finally {
    backend.close();
  }
  expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.pemulihan') || n.startsWith('.cadangan-sementara-'))).toEqual([]);
}

function readOnly<T>(dataDir: string, check: (db: Database.Database) => T): T {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    return check(db);
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged write, by content, across ${WRITE_KILLS} SIGKILLs`, async () => {
    const dataDir = tempDir('rakor-crash-');
    const agencies = new Map<number, string>();
    const meetings = new Map<number, string>();
    let killsDuringWrites = 0;
    for (let i = 0; i < WRITE_KILLS; i++) {
      const lines = await runAndKill(['write', dataDir], Math.floor(Math.random() * 120));
      if (lines.length > 0) killsDuringWrites++;
      for (const line of lines) {
        const [kind, id, ...rest] = line.split(' ');
        (kind === 'a' ? agencies : meetings).set(Number(id), rest.join(' '));
      }
      // The killed writer's WAL is recovered by the app's start-up, not by the checker.
      appStartsCleanly(dataDir);
      readOnly(dataDir, (db) => {
        const agencyName = db.prepare(`SELECT name FROM agency WHERE id = ?`).pluck();
        for (const [id, name] of agencies) expect(agencyName.get(id), `agency ${id} after kill ${i}`).toBe(name);
        const meetingTitle = db.prepare(`SELECT title FROM meeting WHERE id = ?`).pluck();
        const agenda = db.prepare(`SELECT position, title, notes FROM agenda_item WHERE meeting_id = ? ORDER BY position`);
        for (const [id, title] of meetings) {
          expect(meetingTitle.get(id), `meeting ${id} after kill ${i}`).toBe(title);
          expect(agenda.all(id)).toEqual([1, 2, 3].map((p) => ({ position: p, title: `Acara ${p}`, notes: `${title} `.repeat(20 * p) })));
        }
        // All or nothing: no meeting without its three agenda items, acknowledged or not.
        const torn = db.prepare(`SELECT m.id FROM meeting m LEFT JOIN agenda_item a ON a.meeting_id = m.id GROUP BY m.id HAVING count(a.id) <> 3`).all();
        expect(torn).toEqual([]);
      });
    }
    expect(killsDuringWrites).toBeGreaterThan(WRITE_KILLS / 2);
    expect(agencies.size + meetings.size).toBeGreaterThan(WRITE_KILLS);
  }, 240_000);

  it(`opens cleanly after ${OTHER_KILLS} kills during start-up`, async () => {
    const dataDir = tempDir('rakor-crash-start-');
    appStartsCleanly(dataDir);
    const before = readOnly(dataDir, (db) => db.prepare(`SELECT count(*) FROM indicator`).pluck().get());
    for (let i = 0; i < OTHER_KILLS; i++) {
      await runAndKill(['startup', dataDir], Math.floor(Math.random() * 300));
      appStartsCleanly(dataDir);
      expect(readOnly(dataDir, (db) => db.prepare(`SELECT count(*) FROM indicator`).pluck().get())).toBe(before);
    }
  }, 240_000);

  it(`keeps every acknowledged backup complete across ${OTHER_KILLS} kills during backups`, async () => {
    const dataDir = tempDir('rakor-crash-backup-');
    const seed = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
    seedDemo(seed.db);
    seed.close();
    const acknowledged: string[] = [];
    for (let i = 0; i < OTHER_KILLS; i++) {
      const lines = await runAndKill(['backup', dataDir], 100 + Math.floor(Math.random() * 600));
      acknowledged.push(...lines.map((l) => l.slice(2)));
      appStartsCleanly(dataDir);
      readOnly(dataDir, (db) => expect(db.prepare(`SELECT count(*) FROM meeting`).pluck().get()).toBe(5));
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    // Rotation may remove old ones; every acknowledged backup still there is whole.
    let checked = 0;
    for (const file of acknowledged.filter((f) => fs.existsSync(f))) {
      const info: BackupInfo = readBackupInfo(file);
      expect(info.readable).toBe(true);
      await extractDatabase(file, null);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  }, 240_000);

  it(`finds the old or the restored database after ${OTHER_KILLS} kills during restores`, async () => {
    const dataDir = tempDir('rakor-crash-restore-');
    const seed = createBackend({ dataDir, runtime: 'cli', log: () => undefined });
    seedDemo(seed.db);
    const made = await seed.invoke('backup.create', {});
    if (!made.ok) throw new Error(made.error.message);
    const zip = path.join(tempDir('rakor-crash-zip-'), 'cadangan.zip');
    fs.copyFileSync((made.data as BackupInfo).file, zip);
    seed.close();
    for (let i = 0; i < OTHER_KILLS; i++) {
      await runAndKill(['restore', dataDir, zip], 50 + Math.floor(Math.random() * 500));
      appStartsCleanly(dataDir);
      readOnly(dataDir, (db) => expect(db.prepare(`SELECT count(*) FROM meeting`).pluck().get()).toBe(5));
    }
  }, 240_000);
});
