import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { backupFileName } from '../../src-main/core/backup/rotation';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/api/backup';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { backendsClosedAfterEach, resultData } from '../support/closing-backends';
import { strictLog } from '../support/strict-log';
import { b64, jpegBytes } from '../support/evidence-files';

// The backup service in this process: backups queue one after the other, a live database that
// fails the check is never backed up (and is kept aside, not deleted, when a restore replaces it),
// and the snapshot is taken inside the data folder. These ran in the crash test's file, which
// mutation runs leave out (it kills child processes); none of them needs a child.

const open = backendsClosedAfterEach();
let template: string;
let backupZip: string;

beforeAll(async () => {
  // The backup holds agency "Penanda Baru" and a photo; the live database then trades it for
  // "Penanda Lama". Which marker is present tells old from new.
  template = tempDir('rakor-service-template-');
  const b = createBackend({ dataDir: template, runtime: 'cli', log: strictLog() });
  await resultData(b.invoke('agency.create', { kind: 'opd', name: 'Penanda Baru' }));
  await resultData(b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName: 'foto.jpg', base64: b64(jpegBytes()), evidenceDate: '2025-03-10' }));
  const info = await resultData<BackupInfo>(b.invoke('backup.create', {}));
  const zipFolder = tempDir('rakor-service-zip-');
  backupZip = path.join(zipFolder, 'cadangan.zip');
  fs.copyFileSync(info.file, backupZip);
  fs.cpSync(path.join(template, 'cadangan', 'berkas'), path.join(zipFolder, 'berkas'), { recursive: true });
  fs.rmSync(path.join(template, 'cadangan'), { recursive: true, force: true });
  b.db.exec(`UPDATE agency SET name = 'Penanda Lama' WHERE name = 'Penanda Baru'`);
  b.close();
}, 60_000);

function freshCopy(): string {
  const dir = tempDir('rakor-service-case-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

const workFolders = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.cadangan-sementara-'));

/** An orphan row, as a damaged disk or an old bug could leave: foreign_key_check finds it. */
function orphan(db: import('better-sqlite3').Database): void {
  db.pragma('foreign_keys = OFF');
  db.prepare(`INSERT INTO sub_indicator (indicator_id, code, name) VALUES (987654, 'x', 'yatim')`).run();
  db.pragma('foreign_keys = ON');
}

describe('the backup service', () => {
  it('runs two requested backups one after the other, both complete and readable', async () => {
    const dir = freshCopy();
    const b = open(dir);
    const [x, y] = await Promise.all([resultData<BackupInfo>(b.invoke('backup.create', {})), resultData<BackupInfo>(b.invoke('backup.create', {}))]);
    expect(x.name).not.toBe(y.name);
    const list = await resultData<BackupList>(b.invoke('backup.list', {}));
    expect(list.backups.map((i) => i.name).sort()).toEqual([x.name, y.name].sort());
    expect(list.backups.every((i) => i.readable)).toBe(true);
    expect(workFolders(dir)).toEqual([]);
  }, 60_000);

  it('refuses to back up a database that fails the check, and rotation keeps the old backups', async () => {
    const dir = freshCopy();
    const folder = path.join(dir, 'cadangan');
    fs.mkdirSync(folder, { recursive: true });
    // More than rotation keeps: a backup that went through would have pushed some out.
    const olds: string[] = [];
    const now = Date.now();
    for (let i = 1; i <= 12; i++) {
      const name = backupFileName(new Date(now - i * 3600_000));
      fs.writeFileSync(path.join(folder, name), 'lama');
      olds.push(name);
    }
    const b = open(dir);
    orphan(b.db);
    const r = await b.invoke('backup.create', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(t('backup.sourceDamaged'));
    expect(fs.readdirSync(folder).sort()).toEqual(olds.sort());
    expect(workFolders(dir)).toEqual([]);
  }, 60_000);

  it('restores over a live database that fails the check, keeping that file aside instead of a backup', async () => {
    const dir = freshCopy();
    const b = open(dir);
    orphan(b.db);
    const r = await resultData<RestoreResult>(b.invoke('backup.restore', { file: backupZip }));
    expect(r.safetyBackup).toBeNull();
    expect(b.db.prepare(`SELECT name FROM agency WHERE name LIKE 'Penanda %'`).pluck().all()).toEqual(['Penanda Baru']);
    // The damaged database is kept beside, never deleted, and still holds what it held.
    const aside = fs.readdirSync(dir).filter((n) => /^rakor-kla\.rusak-\d{8}-\d{6}\.sqlite$/.test(n));
    expect(aside).toHaveLength(1);
    // No safety backup was written (it would have failed the check).
    const folder = path.join(dir, 'cadangan');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.includes('.zip')) : []).toEqual([]);
  }, 60_000);

  it('takes the snapshot inside the data folder, not the system temp folder', async () => {
    const dir = freshCopy();
    const b = open(dir);
    const seen = new Set<string>();
    const watcher = fs.watch(dir, (_event, name) => name && seen.add(String(name)));
    try {
      await resultData(b.invoke('backup.create', {}));
    } finally {
      watcher.close();
    }
    expect([...seen].some((n) => n.startsWith('.cadangan-sementara-'))).toBe(true);
    expect(workFolders(dir)).toEqual([]);
  }, 60_000);
});
