import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { createBackup } from '../../src-main/core/backup/backup';
import { backupStorePath, BACKUP_STORE } from '../../src-main/core/backup/evidence-store';
import { evidenceFiles, listStoredHashes, storedPath } from '../../src-main/core/evidence/file-store';
import { backupFileName } from '../../src-main/core/backup/rotation';
import type { BackupInfo, RestoreResult } from '../../shared/api/backup';
import type { Evidence, EvidenceFile } from '../../shared/api/evidence';
import { t } from '../../shared/messages';
import { dumpTables, tempDir } from '../support/backup-helpers';
import { partsOf, type Parts } from '../support/hostile-backup';
import { b64, jpegBytes, pdfBytes, pngBytes } from '../support/evidence-files';
import { strictLog } from '../support/strict-log';
import { backendsClosedAfterEach, resultData } from '../support/closing-backends';
import { formatBackupLine } from '../../src-main/cli/commands/list-backups';
import { formatBytes } from '../../shared/format';
import { timeLimit } from '../support/time-limit';

// Issue 13 item 3: backups include the evidence files, through a store shared by all backups in
// the backup folder (berkas/ab/<sha256>) and a manifest in each zip. Restore brings back exactly
// the files the database refers to, byte for byte, verified; a hostile or incomplete manifest or
// store is refused with nothing changed; rotation keeps the files kept backups need.

const backend = backendsClosedAfterEach();
const ok = resultData;

function attach(b: Backend, fileName: string, bytes: Buffer, title = fileName): Promise<Evidence> {
  return ok<Evidence>(b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName, base64: b64(bytes), evidenceDate: '2025-03-10', title }));
}

/** Every file under `dir` (but the lock and SQLite's side files) with its hash: equal maps mean nothing changed. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = path.join(rel, e.name);
      if (e.isDirectory()) walk(name);
      else if (!/(-wal|-shm|\.lock|kunci.*)$/.test(e.name)) out[name] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
    }
  };
  walk('');
  return out;
}

describe('backup then restore into a new folder', () => {
  it('brings back every evidence file byte-identical, including those in Terhapus, and copies a file into the store once', async () => {
    const dir = tempDir();
    const a = backend(dir);
    const files = [jpegBytes(crypto.randomBytes(300_000)), pdfBytes('Perda 2025'), pngBytes(), jpegBytes()];
    const attached = [];
    for (const [i, bytes] of files.entries()) attached.push(await attach(a, `berkas-${i}`, bytes));
    // The same photo twice: one file.
    await attach(a, 'lagi.jpg', files[0], 'Foto yang sama');
    await ok(a.invoke('evidence.delete', { id: attached[3].id }));
    const first = await ok<BackupInfo>(a.invoke('backup.create', {}));
    const folder = path.dirname(first.file);
    const stored = () => fs.readdirSync(path.join(folder, BACKUP_STORE)).filter((p) => /^[0-9a-f]{2}$/.test(p)).flatMap((p) => fs.readdirSync(path.join(folder, BACKUP_STORE, p)));
    expect(stored().sort()).toEqual(attached.map((e) => e.sha256).sort());
    for (const e of attached) expect(fs.readFileSync(backupStorePath(folder, e.sha256))).toEqual(fs.readFileSync(storedPath(dir, e.sha256)));

    // One new photo: the next backup copies that one, the others stay as they were (same inode).
    const inodes = attached.map((e) => fs.statSync(backupStorePath(folder, e.sha256)).ino);
    const extra = await attach(a, 'baru.jpg', jpegBytes());
    await ok<BackupInfo>(a.invoke('backup.create', {}));
    expect(stored()).toHaveLength(attached.length + 1);
    expect(attached.map((e) => fs.statSync(backupStorePath(folder, e.sha256)).ino)).toEqual(inodes);

    // A new data folder restores the newest backup: database and exactly the files it refers to.
    const fresh = tempDir();
    const b = backend(fresh);
    const newest = (await ok<{ backups: BackupInfo[] }>(a.invoke('backup.list', {}))).backups[0];
    // The list says how many files a backup needs and how large they are together.
    expect(newest.evidenceFiles).toBe(5);
    expect(newest.evidenceBytes).toBe([...attached, extra].reduce((sum, e) => sum + e.sizeBytes, 0));
    expect(formatBackupLine(newest)).toContain(`5 berkas data dukung (${formatBytes(newest.evidenceBytes!)})`);
    const result = await ok<RestoreResult>(b.invoke('backup.restore', { file: newest.file }));
    expect(result.restored.name).toBe(newest.name);
    expect(listStoredHashes(fresh)).toEqual([...attached, extra].map((e) => e.sha256).sort());
    for (const e of [...attached, extra]) expect(fs.readFileSync(storedPath(fresh, e.sha256)).equals(fs.readFileSync(storedPath(dir, e.sha256)))).toBe(true);
    const read = await ok<EvidenceFile>(b.invoke('evidence.read', { id: attached[0].id }));
    expect(Buffer.from(read.base64, 'base64').equals(files[0])).toBe(true);
    expect(await ok(b.invoke('evidence.verify', {}))).toEqual([]);
    // The Terhapus entry comes back with its file.
    const trash = await ok<{ id: number; kind: string }[]>(b.invoke('trash.list', {}));
    const entry = trash.find((x) => x.kind === 'evidence')!;
    await ok(b.invoke('trash.restore', { id: entry.id }));
    const back = await ok<EvidenceFile>(b.invoke('evidence.read', { id: attached[3].id }));
    expect(Buffer.from(back.base64, 'base64').equals(files[3])).toBe(true);
  }, timeLimit(60_000));
});

describe('rotation and the store', () => {
  it('keeps every file a kept backup lists and removes the files only dropped backups needed', async () => {
    const dir = tempDir();
    const a = backend(dir);
    const folder = path.join(dir, 'cadangan');
    const hashes: string[] = [];
    // Twelve backups an hour apart; each database refers to one file of its own and one shared file.
    const shared = await attach(a, 'bersama.pdf', pdfBytes('selalu ada'));
    // The store keeps a file touched within the grace period, judged by its time on disk: the
    // backups' clock starts from the file system's, not the process's (they differ under a
    // shifted clock, e.g. RAKOR_CI_CLOCK).
    const base = fs.statSync(storedPath(dir, shared.sha256)).mtimeMs + 60 * 60_000;
    for (let i = 0; i < 12; i++) {
      a.db.exec(`DELETE FROM evidence WHERE id <> ${shared.id}`);
      const e = await attach(a, `foto-${i}.jpg`, jpegBytes());
      hashes.push(e.sha256);
      await createBackup(a.db, { folder, dataDir: dir, reason: 'manual', now: new Date(base + i * 3600_000), evidence: evidenceFiles });
    }
    const zips = fs.readdirSync(folder).filter((n) => n.endsWith('.zip')).sort();
    expect(zips).toHaveLength(10);
    expect(zips[0]).toBe(backupFileName(new Date(base + 2 * 3600_000)));
    const inStore = (h: string) => fs.existsSync(backupStorePath(folder, h));
    // The two oldest backups went, and with them the files only they needed.
    expect(hashes.map(inStore)).toEqual([false, false, ...Array(10).fill(true)]);
    expect(inStore(shared.sha256)).toBe(true);
    // Every kept backup restores, with its own file.
    const fresh = tempDir();
    const b = backend(fresh);
    await ok(b.invoke('backup.restore', { file: path.join(folder, zips[0]) }));
    expect(listStoredHashes(fresh)).toEqual([shared.sha256, hashes[2]].sort());
  }, timeLimit(120_000));

  it('collects nothing while a backup in the folder cannot be read, and leaves recent files alone', async () => {
    const dir = tempDir();
    const a = backend(dir);
    const folder = path.join(dir, 'cadangan');
    const e = await attach(a, 'foto.jpg', jpegBytes());
    await ok(a.invoke('backup.create', {}));
    a.db.exec(`DELETE FROM evidence`);
    // A file copied moments ago by another computer sharing the folder, its zip not yet written.
    const other = crypto.randomBytes(40);
    const otherHash = crypto.createHash('sha256').update(other).digest('hex');
    fs.mkdirSync(path.dirname(backupStorePath(folder, otherHash)), { recursive: true });
    fs.writeFileSync(backupStorePath(folder, otherHash), other);
    // Named as the newest backup, so rotation keeps it.
    const damaged = path.join(folder, backupFileName(new Date(Date.now() + 365 * 24 * 3600_000)));
    fs.writeFileSync(damaged, 'rusak');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(backupStorePath(folder, e.sha256), old, old);
    // Twelve more backups without the file: the first backup is rotated out, but the damaged zip blocks collection.
    for (let i = 0; i < 11; i++) await createBackup(a.db, { folder, dataDir: dir, reason: 'manual', now: new Date(Date.now() + (i + 1) * 1000), evidence: evidenceFiles });
    expect(fs.existsSync(backupStorePath(folder, e.sha256))).toBe(true);
    fs.rmSync(damaged);
    await createBackup(a.db, { folder, dataDir: dir, reason: 'manual', now: new Date(Date.now() + 20_000), evidence: evidenceFiles });
    expect(fs.existsSync(backupStorePath(folder, e.sha256))).toBe(false);
    expect(fs.existsSync(backupStorePath(folder, otherHash))).toBe(true);
  }, timeLimit(120_000));
});

describe('hostile manifests and stores are refused with nothing changed', () => {
  let good: Parts & { manifest: Uint8Array };
  let source: string;
  let goodStore: string;
  let photo: Evidence;
  let target: string;
  let bad: string;
  beforeAll(async () => {
    source = tempDir();
    const a = createBackend({ dataDir: source, runtime: 'cli', log: strictLog([]) });
    photo = await attach(a, 'foto.jpg', jpegBytes(crypto.randomBytes(5000)), 'Foto kegiatan');
    await attach(a, 'perda.pdf', pdfBytes('Perda'));
    const info = await ok<BackupInfo>(a.invoke('backup.create', {}));
    a.close();
    good = partsOf(info.file) as Parts & { manifest: Uint8Array };
    goodStore = path.join(path.dirname(info.file), BACKUP_STORE);
  }, timeLimit(60_000));

  function zipWith(manifest: unknown, patch: Record<string, unknown> = {}): Uint8Array {
    const bytes = strToU8(JSON.stringify(manifest));
    const metadata: Record<string, unknown> = { ...good.metadata, manifestSha256: crypto.createHash('sha256').update(bytes).digest('hex'), ...patch };
    if (Array.isArray((manifest as { files?: unknown }).files)) metadata.evidenceFiles = (manifest as { files: unknown[] }).files.length;
    return zipSync({ 'metadata.json': strToU8(JSON.stringify(metadata)), 'berkas.json': bytes, 'rakor-kla.sqlite': good.database });
  }

  /** Restores `zip` (with a copy of the good store beside it, changed by `spoil`) into a folder with data of its own. */
  async function refused(zip: Uint8Array, spoil: (store: string) => void = () => undefined): Promise<string> {
    bad = tempDir('rakor-bad-store-');
    fs.cpSync(goodStore, path.join(bad, BACKUP_STORE), { recursive: true });
    spoil(path.join(bad, BACKUP_STORE));
    fs.writeFileSync(path.join(bad, 'cadangan.zip'), zip);
    target = tempDir();
    const b = backend(target);
    await attach(b, 'milik-sendiri.pdf', pdfBytes('punya folder ini'));
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const tables = dumpTables(databasePath(target));
    const before = tree(target);
    const r = await b.invoke('backup.restore', { file: path.join(bad, 'cadangan.zip') });
    expect(r.ok).toBe(false);
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dumpTables(databasePath(target))).toEqual(tables);
    expect(tree(target)).toEqual(before);
    return r.ok ? '' : r.error.message;
  }

  const manifest = () => JSON.parse(new TextDecoder().decode(good.manifest)) as { files: { sha256: string; bytes: number }[] };

  it('a good copy restores (the cases below differ from it in one thing each)', async () => {
    target = tempDir();
    fs.cpSync(goodStore, path.join(target, 'x', BACKUP_STORE), { recursive: true });
    fs.writeFileSync(path.join(target, 'x', 'cadangan.zip'), zipWith(manifest()));
    const b = backend(path.join(target, 'data'));
    await ok(b.invoke('backup.restore', { file: path.join(target, 'x', 'cadangan.zip') }));
    expect(listStoredHashes(path.join(target, 'data'))).toHaveLength(2);
  });

  it('entries that are paths, bad hashes, huge or negative sizes, duplicates, or a manifest that does not match its hash', async () => {
    const m = manifest();
    const invalid = t('backup.manifestInvalid');
    expect(await refused(zipWith({ files: [...m.files, { sha256: '../../rakor-kla.sqlite', bytes: 10 }] }))).toBe(invalid);
    expect(await refused(zipWith({ files: [...m.files, { sha256: 'ABC', bytes: 10 }] }))).toBe(invalid);
    expect(await refused(zipWith({ files: m.files.map((f) => ({ ...f, bytes: 2 ** 50 })) }))).toBe(invalid);
    expect(await refused(zipWith({ files: m.files.map((f) => ({ ...f, bytes: -1 })) }))).toBe(invalid);
    expect(await refused(zipWith({ files: [...m.files, m.files[0]] }))).toBe(invalid);
    expect(await refused(zipWith({ files: m.files, path: '../x' }))).toBe(invalid);
    expect(await refused(zipWith(m, { manifestSha256: '0'.repeat(64) }))).toBe(invalid);
  });

  it('a manifest that leaves out a file the database refers to, or gives it another size', async () => {
    const m = manifest();
    expect(await refused(zipWith({ files: m.files.filter((f) => f.sha256 !== photo.sha256) }))).toBe(t('backup.manifestIncomplete'));
    expect(await refused(zipWith({ files: m.files.map((f) => (f.sha256 === photo.sha256 ? { ...f, bytes: f.bytes - 1 } : f)) }))).toBe(t('backup.manifestIncomplete'));
  });

  it('a file missing from the store, altered in it, or longer than declared', async () => {
    const m = manifest();
    const at = (store: string) => path.join(store, photo.sha256.slice(0, 2), photo.sha256);
    const zip = zipWith(m);
    const missing = await refused(zip, (s) => fs.rmSync(at(s)));
    expect(missing).toBe(t('backup.evidenceMissing', { name: 'Foto kegiatan', folder: path.join(bad, BACKUP_STORE) }));
    const altered = await refused(zip, (s) => {
      const bytes = fs.readFileSync(at(s));
      bytes[100] ^= 0xff;
      fs.writeFileSync(at(s), bytes);
    });
    expect(altered).toBe(t('backup.evidenceAltered', { name: 'Foto kegiatan' }));
    expect(await refused(zip, (s) => fs.appendFileSync(at(s), 'tambahan'))).toBe(t('backup.evidenceAltered', { name: 'Foto kegiatan' }));
  });
});
