import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { SCHEMA_VERSION } from '../../src-main/core/db/migrations';
import { acquireDataLock, LOCK_FILE_NAME } from '../../src-main/core/db/lock';
import { createBackup } from '../../src-main/core/backup/backup';
import { evidenceFiles } from '../../src-main/core/evidence/file-store';
import { backupsToKeep, backupFileName, timeOfBackupName } from '../../src-main/core/backup/rotation';
import type { BackupInfo, BackupList, RecoveryStatus, RestoreResult } from '../../shared/api/backup';
import { dumpTables, fileSha, tempDir } from '../support/backup-helpers';
import { DAMAGE_REPORT, strictLog } from '../support/strict-log';
import { backendsClosedAfterEach, resultData } from '../support/closing-backends';

const backend = backendsClosedAfterEach();
const ok = resultData;

async function addAgencies(b: Backend, prefix: string, n: number) {
  for (let i = 0; i < n; i++) await ok(b.invoke('agency.create', { kind: 'mitra', partnerType: 'media', name: `${prefix} ${i}` }));
}

describe('backup and restore', () => {
  it('creates a zip with metadata, lists it, and restores it table by table', async () => {
    const dir = tempDir();
    const b = backend(dir);
    await addAgencies(b, 'Radio', 5);
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dumpTables(databasePath(dir));

    const info = await ok<BackupInfo>(b.invoke('backup.create', {}));
    expect(info.readable).toBe(true);
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(path.dirname(info.file)).toBe(path.join(dir, 'cadangan'));
    const entries = unzipSync(fs.readFileSync(info.file));
    expect(Object.keys(entries).sort()).toEqual(['berkas.json', 'metadata.json', 'rakor-kla.sqlite']);
    const meta = JSON.parse(new TextDecoder().decode(entries['metadata.json']));
    expect(meta.rowCounts.agency).toBe(info.rowCounts.agency);
    expect(meta.appVersion).toMatch(/^\d+\.\d+\.\d+/);

    const list = await ok<BackupList>(b.invoke('backup.list', {}));
    expect(list.backups.map((x) => x.name)).toEqual([info.name]);
    expect(list.backups[0].rowCounts.agency).toBe(info.rowCounts.agency);

    // Change the data, then go back.
    b.db.exec(`DELETE FROM agency WHERE name LIKE 'Radio%'`);
    await addAgencies(b, 'Koran', 3);
    const result = await ok<RestoreResult>(b.invoke('backup.restore', { file: info.file }));
    expect(result.safetyBackup?.rowCounts.agency).toBe(info.rowCounts.agency - 5 + 3);
    expect(dumpTables(databasePath(dir))).toEqual(before);
    // The backend works on the restored database afterwards.
    await addAgencies(b, 'Setelah', 1);
    const names = (b.db.prepare(`SELECT name FROM agency WHERE name LIKE 'Radio%' OR name LIKE 'Setelah%'`).all() as { name: string }[]).length;
    expect(names).toBe(6);
    // Restoring by bare name (what the list shows) works too.
    await ok<RestoreResult>(b.invoke('backup.restore', { file: info.name }));
    expect(dumpTables(databasePath(dir))).toEqual(before);
  });

  it('refuses a file that is not a valid backup and changes nothing', async () => {
    const dir = tempDir();
    const b = backend(dir);
    await addAgencies(b, 'Tetap', 2);
    const good = await ok<BackupInfo>(b.invoke('backup.create', {}));
    const entries = unzipSync(fs.readFileSync(good.file));
    const meta = JSON.parse(new TextDecoder().decode(entries['metadata.json']));
    const bad = tempDir('rakor-bad-');
    const write = (name: string, bytes: Uint8Array) => {
      fs.writeFileSync(path.join(bad, name), bytes);
      return path.join(bad, name);
    };
    const tampered = new Uint8Array(entries['rakor-kla.sqlite']);
    tampered[tampered.length - 100] ^= 0xff;
    const cases: Record<string, string> = {
      notZip: write('bukan.zip', strToU8('ini bukan zip')),
      truncated: write('terpotong.zip', fs.readFileSync(good.file).subarray(0, 2000)),
      wrongZip: write('lain.zip', zipSync({ 'foto.jpg': strToU8('jpeg') })),
      checksum: write('checksum.zip', zipSync({ 'metadata.json': entries['metadata.json'], 'berkas.json': entries['berkas.json'], 'rakor-kla.sqlite': tampered })),
      newer: write('baru.zip', zipSync({ 'metadata.json': strToU8(JSON.stringify({ ...meta, schemaVersion: SCHEMA_VERSION + 1 })), 'berkas.json': entries['berkas.json'], 'rakor-kla.sqlite': entries['rakor-kla.sqlite'] })),
      missing: path.join(bad, 'tidak-ada.zip'),
    };
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dumpTables(databasePath(dir));
    const backupsBefore = fs.readdirSync(path.join(dir, 'cadangan'));
    const messages: Record<string, string> = {};
    for (const [label, file] of Object.entries(cases)) {
      const r = await b.invoke('backup.restore', { file });
      expect(r.ok, label).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, label).toBe('INVALID_BACKUP');
      messages[label] = r.error.message;
    }
    expect(messages.checksum).toMatch(/checksum/);
    expect(messages.newer).toMatch(/lebih baru/);
    expect(messages.notZip).toMatch(/bukan cadangan/);
    expect(messages.wrongZip).toMatch(/bukan bagian dari cadangan/);
    expect(dumpTables(databasePath(dir))).toEqual(before);
    expect(fs.readdirSync(path.join(dir, 'cadangan'))).toEqual(backupsBefore);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.pemulihan'))).toEqual([]);
  });

  it('keeps the last ten and one per month for a year', () => {
    const now = new Date(2025, 5, 15, 12, 0, 0);
    const backups = [];
    for (let d = 0; d < 500; d += 3) {
      const time = new Date(2025, 5, 15 - d, 9, 0, 0);
      backups.push({ name: backupFileName(time), time });
    }
    const keep = backupsToKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b.name));
    // 10 newest + newest of each of the 12 months (the current month's newest is among the 10).
    expect(kept.slice(0, 10).map((b) => b.name)).toEqual(backups.slice(0, 10).map((b) => b.name));
    const months = new Set(kept.slice(10).map((b) => `${b.time.getFullYear()}-${b.time.getMonth()}`));
    expect(months.size).toBe(kept.length - 10);
    expect(kept.every((b) => b.time >= new Date(2024, 6, 1))).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(22);
    expect(timeOfBackupName(backupFileName(now))?.getTime()).toBe(now.getTime());
    expect(timeOfBackupName('catatan.zip')).toBeNull();
  });

  // The clock is injected (createBackup's `now`, the one backup.create passes on), so the result
  // does not depend on the day the suite runs. On the 1st of a month the hourly backups of the
  // night before belong to the previous month, whose newest one is kept as that month's backup.
  it.each([
    { clock: new Date(2025, 5, 15, 12, 0), kept: 10, monthly: [] as string[] },
    { clock: new Date(2025, 6, 1, 11, 30), kept: 11, monthly: [backupFileName(new Date(2025, 5, 30, 23, 30))] },
  ])('rotates real files at $clock, keeping $kept and never touching other files in the folder', async ({ clock, kept, monthly }) => {
    const dir = tempDir();
    const folder = path.join(dir, 'cadangan');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'catatan-saya.zip'), 'x');
    const hourly = Array.from({ length: 14 }, (_, i) => backupFileName(new Date(clock.getTime() - (i + 1) * 3600_000)));
    for (const name of hourly) fs.writeFileSync(path.join(folder, name), 'old');
    const b = backend(dir);
    const created = await createBackup(b.db, { folder, dataDir: dir, reason: 'manual', now: clock, evidence: evidenceFiles });
    const names = fs.readdirSync(folder);
    expect(names).toContain('catatan-saya.zip');
    const ours = names.filter((n) => n.startsWith('rakor-kla-')).sort().reverse();
    expect(ours).toHaveLength(kept);
    expect(ours.slice(0, 10)).toEqual([created.name, ...hourly.slice(0, 9)]);
    expect(ours.slice(10)).toEqual(monthly);
  });

  it('stores the folder setting and uses it', async () => {
    const dir = tempDir();
    const other = tempDir('rakor-flashdisk-');
    const b = backend(dir);
    const set = await ok<{ folder: string; isDefault: boolean }>(b.invoke('backup.settings.set', { folder: other }));
    expect(set).toMatchObject({ folder: other, isDefault: false });
    const info = await ok<BackupInfo>(b.invoke('backup.create', {}));
    expect(path.dirname(info.file)).toBe(other);
    const relative = await b.invoke('backup.settings.set', { folder: 'relatif/saja' });
    expect(relative.ok).toBe(false);
    const back = await ok<{ isDefault: boolean }>(b.invoke('backup.settings.set', { folder: '' }));
    expect(back.isDefault).toBe(true);
  });
});

describe('start-up check and recovery', () => {
  it('moves a damaged database aside with its -wal/-shm and restores the newest backup', async () => {
    const dir = tempDir();
    const other = tempDir('rakor-cadangan-lain-');
    let b = backend(dir);
    await ok(b.invoke('backup.settings.set', { folder: other }));
    await addAgencies(b, 'Penting', 4);
    await ok(b.invoke('backup.create', {}));
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dumpTables(databasePath(dir));
    b.close();

    const file = databasePath(dir);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 0, 100); // header gone: "file is not a database"
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(file + '-wal', 'sisa');
    const damagedSha = fileSha(file);

    b = backend(dir, [DAMAGE_REPORT]);
    expect(b.recoveryNeeded()).toBe(true);
    const status = await ok<RecoveryStatus>(b.invoke('backup.recovery.status', {}));
    expect(status.needed).toBe(true);
    expect(status.movedTo.length).toBe(2);
    expect(fileSha(status.movedTo[0])).toBe(damagedSha);
    expect(status.folder).toBe(other);
    expect(status.backups.length).toBe(1);
    const refused = await b.invoke('agency.list', {});
    expect(refused.ok ? '' : refused.error.code).toBe('RECOVERY_NEEDED');

    await ok(b.invoke('backup.restore', { file: status.backups[0].file }));
    expect(b.recoveryNeeded()).toBe(false);
    expect(dumpTables(databasePath(dir))).toEqual(before);
    expect(fs.existsSync(status.movedTo[0])).toBe(true);
  });

  it('offers a fresh start, keeping the damaged file', async () => {
    const dir = tempDir();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(4096 * 3, 0x55));
    const b = backend(dir, [DAMAGE_REPORT]);
    const status = await ok<RecoveryStatus>(b.invoke('backup.recovery.status', {}));
    expect(status.backups).toEqual([]);
    const after = await ok<RecoveryStatus>(b.invoke('backup.recovery.startFresh', {}));
    expect(after.needed).toBe(false);
    expect(((await ok<unknown[]>(b.invoke('agency.list', {})))).length).toBeGreaterThan(0);
    expect(fs.existsSync(status.movedTo[0])).toBe(true);
  });

  it('refuses a database from a newer app without touching it', () => {
    const dir = tempDir();
    const b = backend(dir);
    b.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`).run(SCHEMA_VERSION + 5);
    b.close();
    const file = databasePath(dir);
    const sha = fileSha(file);
    const listing = fs.readdirSync(dir).sort();
    expect(() => createBackend({ dataDir: dir, runtime: 'cli' })).toThrow(/lebih baru/);
    expect(fileSha(file)).toBe(sha);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('data-folder lock', () => {
  it('refuses a second writer and takes over a stale lock', () => {
    const dir = tempDir();
    // Closed here, not after the test: the lock must be free for the rest of it.
    const first = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog([]) });
    expect(() => createBackend({ dataDir: dir, runtime: 'web' })).toThrow(/sedang dipakai/);
    first.close();
    // A lock left by a killed process (its pid no longer exists) must not block.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: 'x' }));
    const lock = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });
});
