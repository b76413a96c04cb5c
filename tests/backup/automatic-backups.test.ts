import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { backupFileName, backupsIn } from '../../src-main/core/backup/rotation';
import { tempDir } from '../support/backup-helpers';
import { strictLog } from '../support/strict-log';

// The automatic backups: at start when the newest is older than a day,
// and after a meeting is closed.

async function ok(result: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error?.message);
  return r.data as { id: number };
}

describe('automatic backups', () => {
  it('backs up at start only when the newest backup is older than a day', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'cadangan');
    let b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 0, log: strictLog() });
    await new Promise((r) => setTimeout(r, 20));
    await b.settle();
    b.close();
    expect(backupsIn(folder).length).toBe(1);
    // A fresh backup exists: the next start does not make another.
    b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 0, log: strictLog() });
    await new Promise((r) => setTimeout(r, 20));
    await b.settle();
    b.close();
    expect(backupsIn(folder).length).toBe(1);
    // Only an old one: a start backs up again.
    for (const f of fs.readdirSync(folder)) fs.renameSync(path.join(folder, f), path.join(folder, backupFileName(new Date(Date.now() - 2 * 86400000))));
    b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 0, log: strictLog() });
    await new Promise((r) => setTimeout(r, 20));
    await b.settle();
    b.close();
    expect(backupsIn(folder).length).toBe(2);
  });

  describe('at the day\'s boundary (the clock fixed)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    async function startWithNewestAged(ms: number): Promise<number> {
      const now = new Date('2026-03-10T08:00:00.000Z');
      vi.useFakeTimers({ toFake: ['Date'], now });
      const dir = tempDir();
      const folder = path.join(dir, 'cadangan');
      fs.mkdirSync(folder);
      const newest = backupFileName(new Date(now.getTime() - ms));
      fs.copyFileSync(await firstBackupOf(dir), path.join(folder, newest));
      const b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 0, log: strictLog() });
      await new Promise((r) => setTimeout(r, 20));
      await b.settle();
      b.close();
      return backupsIn(folder).length;
    }

    /** A genuine backup zip, made in a folder of its own. */
    async function firstBackupOf(dir: string): Promise<string> {
      const other = path.join(dir, 'lain');
      const b = createBackend({ dataDir: tempDir(), runtime: 'web', log: strictLog() });
      const made = await ok(b.invoke('backup.settings.set', { folder: other }).then(() => b.invoke('backup.create', {})));
      b.close();
      return (made as unknown as { file: string }).file;
    }

    it('backs up when the newest backup is exactly a day old', async () => {
      expect(await startWithNewestAged(24 * 60 * 60 * 1000)).toBe(2);
    });

    it('does not when it is a second younger than a day', async () => {
      expect(await startWithNewestAged(24 * 60 * 60 * 1000 - 1000)).toBe(1);
    });
  });

  it('reports a start backup that fails to the log, and the app keeps running', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cadangan'), 'bukan folder');
    const reports: [string, unknown][] = [];
    const b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 0, log: (text, detail) => reports.push([text, detail]) });
    await new Promise((r) => setTimeout(r, 20));
    await b.settle();
    const list = await b.invoke('agency.list', {});
    b.close();
    expect(reports.map(([text]) => text)).toEqual(['automatic backup failed']);
    expect(list.ok).toBe(true);
  });

  it('backs up after a meeting is closed', async () => {
    const dir = tempDir();
    const b = createBackend({ dataDir: dir, runtime: 'web', autoBackup: true, autoBackupDelayMs: 60_000, log: strictLog() });
    try {
      const m = await ok(b.invoke('meeting.create', { title: 'Rakor Klaster III', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00' }));
      await ok(b.invoke('meeting.close', { id: m.id, endTime: '11:30' }));
      await b.settle();
      const list = await ok(b.invoke('backup.list', {})) as unknown as { backups: { reason: string; rowCounts: Record<string, number> }[] };
      expect(list.backups.map((x) => x.reason)).toEqual(['meeting-closed']);
      expect(list.backups[0].rowCounts.meeting).toBe(1);
    } finally {
      b.close();
    }
  });
});
