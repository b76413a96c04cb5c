import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, unzipSync, zipSync } from 'fflate';
import { createBackup, PARTIAL_SUFFIX, SourceDamagedError } from '../../src-main/core/backup/backup';
import { readManifest } from '../../src-main/core/backup/extract';
import { backupStorePath } from '../../src-main/core/backup/evidence-store';
import { DATABASE_ENTRY, MANIFEST_ENTRY, METADATA_ENTRY } from '../../src-main/core/backup/metadata';
import { backupFileName } from '../../src-main/core/backup/rotation';
import { backupTasks, inThisThread, type TaskRunner } from '../../src-main/core/backup/tasks';
import { evidenceFiles, storedPath } from '../../src-main/core/evidence/file-store';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';
import { backendPerTest } from '../support/backend-per-test';
import { b64, pdfBytes } from '../support/evidence-files';
import { openHandlesOn } from '../support/open-handles';

// Making one backup, called directly (not through the service, whose progress bar clamps): the
// progress it reports, how its zip entries are stored, what it does with evidence copies already
// in the backup folder, and that every failure leaves no zip and no partial file behind.

const NOW = new Date('2026-02-03T04:05:06.000Z');
const thisThread = () => inThisThread(backupTasks(evidenceFiles));

/** Each entry of a zip as its central directory records it: compression method and stored size. */
function zipEntries(file: string): Record<string, { method: number; compressedSize: number }> {
  const bytes = fs.readFileSync(file);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: Record<string, { method: number; compressedSize: number }> = {};
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries[name] = { method: bytes.readUInt16LE(at + 10), compressedSize: bytes.readUInt32LE(at + 20) };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

const visibleNames = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n !== 'berkas').sort() : []);
const workFolders = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.cadangan-sementara-'));

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('making a backup', () => {
  const b = backendPerTest();

  async function attach(text: string): Promise<void> {
    await b.call('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName: `${text.slice(0, 30)}.pdf`, base64: b64(pdfBytes(text)), evidenceDate: '2025-03-10' });
  }

  const options = (folder: string, tasks: TaskRunner = thisThread()) => ({ folder, dataDir: b.dir, reason: 'manual' as const, now: NOW, evidence: evidenceFiles, tasks });

  it('reports progress from the check through the evidence (by bytes) and the read-back to the end', async () => {
    await attach('Perda KLA pendek');
    await attach(`Perda KLA yang jauh lebih panjang ${'x'.repeat(5000)}`);
    const referenced = evidenceFiles.referenced(b.backend.db);
    expect(referenced.length).toBe(2);
    const total = referenced[0].bytes + referenced[1].bytes;
    // Over 1 MiB stored, so the read-back (by 1 MiB chunks) reports more than its end.
    b.backend.db.prepare(`INSERT INTO app_meta (key, value) VALUES ('uji.isi', ?)`).run(randomBytes(768 * 1024).toString('hex'));
    const progress: number[] = [];
    await createBackup(b.backend.db, { ...options(tempDir()), level: 0, onProgress: (f) => progress.push(f) });

    expect(progress[0]).toBe(0.05);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
    // One step per evidence file, in the share of its bytes, then 0.85 once all are stored.
    const afterFirst = progress[1];
    expect([0.05 + (0.8 * referenced[0].bytes) / total, 0.05 + (0.8 * referenced[1].bytes) / total].some((f) => Math.abs(f - afterFirst) < 1e-9)).toBe(true);
    expect(progress[2]).toBeCloseTo(0.85, 9);
    expect(progress[3]).toBe(0.9);
    // The read-back reports between 0.9 and 0.99 before the end.
    const verifying = progress.slice(4, -1);
    expect(verifying.length).toBeGreaterThan(0);
    expect(verifying.every((f) => f > 0.9 && f <= 0.99 + 1e-9)).toBe(true);
    expect(verifying.some((f) => f < 0.99 - 1e-9)).toBe(true);
  });

  it('names the zip after its time, keeps the metadata entry uncompressed and the database at the level asked', async () => {
    const folder = tempDir();
    const info = await createBackup(b.backend.db, options(folder));
    expect(info.name).toBe(backupFileName(NOW));
    const entries = zipEntries(info.file);
    const contents = unzipSync(fs.readFileSync(info.file));
    expect(entries[METADATA_ENTRY].method).toBe(0);
    expect(entries[METADATA_ENTRY].compressedSize).toBe(contents[METADATA_ENTRY].length);
    expect(entries[MANIFEST_ENTRY].method).toBe(8);
    expect(entries[DATABASE_ENTRY].method).toBe(8);
    const database = contents[DATABASE_ENTRY];
    expect(entries[DATABASE_ENTRY].compressedSize).toBe(deflateSync(database, { level: 6 }).length);

    const fast = await createBackup(b.backend.db, { ...options(folder), level: 1 });
    const fastDatabase = unzipSync(fs.readFileSync(fast.file))[DATABASE_ENTRY];
    expect(zipEntries(fast.file)[DATABASE_ENTRY].compressedSize).toBe(deflateSync(fastDatabase, { level: 1 }).length);
    expect(deflateSync(fastDatabase, { level: 1 }).length).not.toBe(deflateSync(fastDatabase, { level: 6 }).length);

    const stored = await createBackup(b.backend.db, { ...options(folder), level: 0 });
    expect(zipEntries(stored.file)[DATABASE_ENTRY].method).toBe(0);
    expect(fast.name).toBe(backupFileName(NOW, 1));
    expect(stored.name).toBe(backupFileName(NOW, 2));
  });

  it('touches a copy the store already holds, replaces one of the wrong size, and lists a missing file as absent', async () => {
    await attach('Bukti tersimpan');
    await attach('Bukti terpotong');
    await attach('Bukti hilang');
    const [kept, cut, lost] = evidenceFiles.referenced(b.backend.db);
    const folder = tempDir();
    const old = new Date('2020-01-01T00:00:00Z');
    for (const file of [kept, cut]) {
      const target = backupStorePath(folder, file.sha256);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(storedPath(b.dir, file.sha256), target);
      fs.utimesSync(target, old, old);
    }
    fs.truncateSync(backupStorePath(folder, cut.sha256), cut.bytes - 3);
    fs.rmSync(storedPath(b.dir, lost.sha256));

    const info = await createBackup(b.backend.db, options(folder));
    expect(fs.statSync(backupStorePath(folder, kept.sha256)).mtimeMs).toBe(NOW.getTime());
    expect(fs.readFileSync(backupStorePath(folder, cut.sha256))).toEqual(fs.readFileSync(storedPath(b.dir, cut.sha256)));
    expect(fs.existsSync(backupStorePath(folder, lost.sha256))).toBe(false);
    const manifest = readManifest(info.file, evidenceFiles.maxFileBytes);
    const bySha = Object.fromEntries(manifest.files.map((f) => [f.sha256, f]));
    expect(bySha[kept.sha256]).toEqual({ sha256: kept.sha256, bytes: kept.bytes });
    expect(bySha[cut.sha256]).toEqual({ sha256: cut.sha256, bytes: cut.bytes });
    expect(bySha[lost.sha256]).toEqual({ sha256: lost.sha256, bytes: lost.bytes, absent: true });
    expect(info.evidenceFiles).toBe(3);
    expect(info.evidenceBytes).toBe(kept.bytes + cut.bytes + lost.bytes);
  });
});

describe('a backup that fails leaves no zip, no partial file and no work folder', () => {
  const b = backendPerTest();
  const options = (folder: string, tasks: TaskRunner = thisThread()) => ({ folder, dataDir: b.dir, reason: 'manual' as const, now: NOW, evidence: evidenceFiles, tasks });

  /** The tasks of this thread with one of them replaced. */
  function withTask(name: 'checkSnapshot' | 'verifyZip', replacement: (input: never) => Promise<unknown>): TaskRunner {
    const real = thisThread();
    return ((n: string, input: never, onProgress?: (f: number) => void) => (n === name ? replacement(input) : real(n as 'verifyZip', input, onProgress))) as TaskRunner;
  }

  it('when the folder cannot be made', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'berkas-biasa'), 'bukan folder');
    const folder = path.join(parent, 'berkas-biasa', 'cadangan');
    const error = await refusal(createBackup(b.backend.db, options(folder)));
    expect(error.code).toBe('IO');
    expect(error.message).toBe(t('backup.folderUnavailable', { folder }));
    expect(workFolders(b.dir)).toEqual([]);
  });

  it('when the snapshot fails its check', async () => {
    const folder = tempDir();
    const damaged = withTask('checkSnapshot', async () => ({ ok: false, counts: {}, schemaVersion: 0, referenced: [] }));
    const error = await refusal(createBackup(b.backend.db, options(folder, damaged)));
    expect(error).toBeInstanceOf(SourceDamagedError);
    expect(error.code).toBe('IO');
    expect(error.message).toBe(t('backup.sourceDamaged'));
    expect(visibleNames(folder)).toEqual([]);
    expect(workFolders(b.dir)).toEqual([]);
  });

  it('when an evidence file cannot be copied into the store', async () => {
    await b.call('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName: 'perda.pdf', base64: b64(pdfBytes('Perda')), evidenceDate: '2025-03-10' });
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'berkas'), 'bukan folder');
    const error = await refusal(createBackup(b.backend.db, options(folder)));
    expect(error.code).toBe('IO');
    expect(error.message.startsWith(t('backup.writeFailed', { folder, reason: '' }).split(': ')[0])).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['berkas']);
    expect(workFolders(b.dir)).toEqual([]);
    const [file] = evidenceFiles.referenced(b.backend.db);
    expect(openHandlesOn(storedPath(b.dir, file.sha256))).toEqual([]);
  });

  it('when the zip cannot be written', async () => {
    const folder = tempDir();
    const partial = path.join(folder, `.${backupFileName(NOW)}${PARTIAL_SUFFIX}`);
    fs.symlinkSync(path.join(tempDir(), 'tidak-ada', 'x'), partial);
    const error = await refusal(createBackup(b.backend.db, options(folder)));
    expect(error.code).toBe('IO');
    expect(error.message.startsWith(`Cadangan gagal ditulis ke ${folder}: `)).toBe(true);
    expect(visibleNames(folder)).toEqual([]);
    expect(workFolders(b.dir)).toEqual([]);
  });

  it('when the written zip does not read back', async () => {
    const folder = tempDir();
    let seen = '';
    const unreadable = withTask('verifyZip', async (input: { file: string }) => {
      seen = input.file;
      throw new Error('rusak');
    });
    const error = await refusal(createBackup(b.backend.db, options(folder, unreadable)));
    expect(error.code).toBe('IO');
    expect(error.message).toBe(t('backup.verifyFailed', { folder }));
    expect(path.basename(seen)).toBe(`.${backupFileName(NOW)}${PARTIAL_SUFFIX}`);
    expect(visibleNames(folder)).toEqual([]);
    expect(workFolders(b.dir)).toEqual([]);
  });

  it('when the verified zip cannot be renamed into place', async () => {
    const folder = tempDir();
    const real = thisThread();
    // Something takes the name while the zip is read back (another computer on a shared folder).
    const taken = withTask('verifyZip', async (input: { file: string }) => {
      fs.mkdirSync(path.join(folder, backupFileName(NOW), 'isi'), { recursive: true });
      return real('verifyZip', input);
    });
    const error = await refusal(createBackup(b.backend.db, options(folder, taken)));
    expect(error.code).toBe('IO');
    expect(error.message.startsWith(`Cadangan gagal ditulis ke ${folder}: `)).toBe(true);
    expect(visibleNames(folder)).toEqual([backupFileName(NOW)]);
    expect(fs.statSync(path.join(folder, backupFileName(NOW))).isDirectory()).toBe(true);
    expect(workFolders(b.dir)).toEqual([]);
  });
});

describe('the heavy backup tasks', () => {
  const b = backendPerTest();

  it('checks a snapshot and lets go of it, and a read-back answers true', async () => {
    const snapshot = path.join(tempDir(), DATABASE_ENTRY);
    await b.backend.db.backup(snapshot);
    const tasks = backupTasks(evidenceFiles);
    const check = await tasks.checkSnapshot({ snapshot }, () => undefined);
    expect(check.ok).toBe(true);
    expect(check.counts.agency).toBeGreaterThan(0);
    expect(openHandlesOn(snapshot)).toEqual([]);
    fs.rmSync(snapshot);

    const info = await createBackup(b.backend.db, { folder: tempDir(), dataDir: b.dir, reason: 'manual', evidence: evidenceFiles });
    expect(await tasks.verifyZip({ file: info.file }, () => undefined)).toBe(true);
  });

  it('a read-back refuses a zip whose manifest does not match its metadata', async () => {
    const info = await createBackup(b.backend.db, { folder: tempDir(), dataDir: b.dir, reason: 'manual', evidence: evidenceFiles });
    const contents = unzipSync(fs.readFileSync(info.file));
    contents[MANIFEST_ENTRY] = new TextEncoder().encode(JSON.stringify({ files: [] }) + ' ');
    const forged = path.join(tempDir(), info.name);
    fs.writeFileSync(forged, zipSync(contents));
    const tasks = backupTasks(evidenceFiles);
    const outcome = await tasks.verifyZip({ file: forged }, () => undefined).then(
      () => 'diterima',
      () => 'ditolak',
    );
    expect(outcome).toBe('ditolak');
  });
});
