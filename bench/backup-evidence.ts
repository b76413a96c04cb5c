import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { databasePath, openDatabase, type Db } from '../src-main/core/db/database';
import { createBackup } from '../src-main/core/backup/backup';
import { installStaged, stageRestore } from '../src-main/core/backup/restore';
import { evidenceFiles, putFile } from '../src-main/core/evidence/file-store';
import { generateRegency } from './generate-regency';

// Issue 13's performance goal: a backup after adding one photo to a data folder holding 2 GB of
// evidence takes at most twice as long as a backup of the same database without evidence. The
// evidence is generated here (4 MB "photos" of random bytes behind a JPEG signature, so they do
// not compress, like real photos), attached as the app does (content store + row), and deleted
// at the end with everything else. Needs about 3x the evidence size of free disk (data folder,
// backup store, restored copy).

const PHOTO_BYTES = 4 * 1024 * 1024;
const ms = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function photo(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(PHOTO_BYTES - 4)]);
}

async function attach(db: Db, dir: string, bytes: Buffer, n: number): Promise<void> {
  const sha = await putFile(dir, bytes);
  db.prepare(
    `INSERT INTO evidence (sha256, size_bytes, media_type, original_name, title, evidence_date, indicator_id, evaluation_year, created_at)
     VALUES (?, ?, 'image/jpeg', ?, ?, '2025-03-10', ?, 2025, ?)`,
  ).run(sha, bytes.length, `IMG_${n}.jpg`, `Foto kegiatan ${n}`, 1 + (n % 24), new Date().toISOString());
}

export async function benchEvidence(gigabytes: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-bench-berkas-'));
  const restoreDir = `${dir}-pulih`;
  const plainDir = `${dir}-tanpa-berkas`;
  try {
    const db = openDatabase(databasePath(dir));
    generateRegency(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbMb = fs.statSync(databasePath(dir)).size / 1024 / 1024;
    // The same database without evidence, in its own folder: the baseline is measured in turn
    // with the evidence case, so that the machine's noise hits both alike.
    fs.mkdirSync(plainDir);
    fs.copyFileSync(databasePath(dir), databasePath(plainDir));
    const plainDb = openDatabase(databasePath(plainDir));
    let clock = Date.now();
    const backup = async (on: Db, dataDir: string) => {
      clock += 1000;
      const t0 = performance.now();
      await createBackup(on, { folder: path.join(dataDir, 'cadangan'), dataDir, reason: 'manual', level: 6, now: new Date(clock), evidence: evidenceFiles });
      return ms(t0);
    };

    const count = Math.round((gigabytes * 1024) / 4);
    let t0 = performance.now();
    for (let i = 0; i < count; i++) await attach(db, dir, photo(), i);
    console.log(`database ${dbMb.toFixed(1)} MB; attached ${count} photos of 4 MB (${((count * PHOTO_BYTES) / 1024 ** 3).toFixed(2)} GiB) in ${ms(t0)} ms`);
    console.log(`first backup with evidence (copies every file into the store): ${await backup(db, dir)} ms`);
    // Let the kernel write the 4 GB just created out of its cache first: otherwise every fsync
    // below waits behind that flush, which says nothing about a backup on an ordinary day.
    if (process.platform !== 'win32') execFileSync('sync');
    await backup(plainDb, plainDir);

    const plain: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < 7; i++) {
      plain.push(await backup(plainDb, plainDir));
      await attach(db, dir, photo(), count + i);
      after.push(await backup(db, dir));
    }
    const ratio = median(after) / median(plain);
    console.log(`backup without evidence: median ${median(plain)} ms (${plain.join(', ')})`);
    console.log(`backup after adding one photo: median ${median(after)} ms (${after.join(', ')}); ratio ${ratio.toFixed(2)} (goal <= 2)`);
    plainDb.close();

    // Restore into a new folder: every file fetched from the store and verified.
    const folder = path.join(dir, 'cadangan');
    const newest = fs.readdirSync(folder).filter((n) => n.endsWith('.zip')).sort().pop()!;
    t0 = performance.now();
    const staged = await stageRestore(path.join(folder, newest), restoreDir, { evidence: evidenceFiles });
    const tStage = ms(t0);
    t0 = performance.now();
    installStaged(restoreDir, staged).close();
    console.log(`restore into a new folder: stage (unzip, checks, copy + verify ${staged.evidenceCopied} files) ${tStage} ms + install ${ms(t0)} ms`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(restoreDir, { recursive: true, force: true });
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
}
