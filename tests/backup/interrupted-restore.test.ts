import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { LOCK_FILE_NAME } from '../../src-main/core/db/lock';
import { installStaged, recoverInterruptedRestore } from '../../src-main/core/backup/restore';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { verifyEvidence } from '../../src-main/core/evidence/repository';
import type { Evidence } from '../../shared/api/evidence';
import { tempDir } from '../support/backup-helpers';
import { backendsClosedAfterEach, resultData } from '../support/closing-backends';
import { strictLog } from '../support/strict-log';
import { b64, jpegBytes, pdfBytes } from '../support/evidence-files';

// A restore killed at each of its steps, in-process. The crash test
// (killed-backup-and-restore-recover) kills a child process at every crash point, which a
// mutation run cannot see (the child never has the active mutant); here each state such a kill
// leaves in the data folder is laid out by hand, as restore.ts writes it: a staged database and
// staged evidence folder beside the live one, then the journal, then the evidence moved into
// place one file at a time, the live database moved to the journal's `previous` name (its WAL
// after it), the staged file renamed into place, and the new database opened. The next start
// must find the old database (before the journal) or the new one (from the journal on), with
// every evidence file it refers to, never an empty one, and nothing left over.
//
// The old database's last commit lives only in its WAL: the old state found proves the WAL
// stayed with its own database, and the new state found intact proves it never met the new one.

const open = backendsClosedAfterEach();
const RECOVERED = /^interrupted restore completed at start-up$/;

// Names as restore.ts makes them: `.pemulihan-<pid>-<ms>` for the staged files, the journal's
// `previous` for the live database moved aside.
const STAGED = '.pemulihan-4242-1700000000000.sqlite';
const STAGED_EVIDENCE = '.pemulihan-4242-1700000000000-berkas';
const PREVIOUS = 'rakor-kla.sqlite.sebelum-pemulihan';
const JOURNAL = '.pemulihan.json';
/** A temporary file of an evidence copy killed while staging: never placed. */
const COPY_TEMP = '.tmp-4242-0a1b2c3d4e5f';

let oldTemplate: string;
let newDir: string;
let newHashes: string[];

async function attach(b: Backend, fileName: string, bytes: Buffer): Promise<Evidence> {
  return resultData<Evidence>(b.invoke('evidence.attach', { indicatorId: 1, evaluationYear: 2025, fileName, base64: b64(bytes), evidenceDate: '2025-03-10' }));
}

beforeAll(async () => {
  // The backup's database: agency "Penanda Baru" and two evidence files.
  newDir = tempDir('rakor-restore-new-');
  const fresh = createBackend({ dataDir: newDir, runtime: 'cli', log: strictLog() });
  await resultData(fresh.invoke('agency.create', { kind: 'opd', name: 'Penanda Baru' }));
  newHashes = [(await attach(fresh, 'foto.jpg', jpegBytes())).sha256, (await attach(fresh, 'perda.pdf', pdfBytes('Perda baru'))).sha256];
  fresh.close();

  // The live database: one evidence file of its own, and "Penanda Lama" committed to the WAL only.
  const oldDir = tempDir('rakor-restore-old-');
  const old = createBackend({ dataDir: oldDir, runtime: 'cli', log: strictLog() });
  await resultData(old.invoke('agency.create', { kind: 'opd', name: 'Penanda Sementara' }));
  await attach(old, 'lama.pdf', pdfBytes('Perda lama'));
  old.close();
  const raw = new Database(databasePath(oldDir));
  try {
    raw.pragma('wal_autocheckpoint = 0');
    raw.prepare(`UPDATE agency SET name = 'Penanda Lama' WHERE name = 'Penanda Sementara'`).run();
    oldTemplate = tempDir('rakor-restore-template-');
    fs.cpSync(path.join(oldDir, 'files'), path.join(oldTemplate, 'files'), { recursive: true });
    for (const suffix of ['', '-wal']) fs.copyFileSync(databasePath(oldDir) + suffix, databasePath(oldTemplate) + suffix);
  } finally {
    raw.close();
  }
}, 60_000);

function move(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);
}

/** Where the restore puts a staged evidence file: the same place relative to the data folder. */
const evidenceRel = (sha: string) => path.relative(newDir, storedPath(newDir, sha));

/** Each point of the restore a kill can stop at, in order (restore:staged .. restore:opened). */
const STEPS = ['staged', 'safety-backup', 'journal-being-written', 'journal', 'evidence-one', 'evidence-placed', 'moved-main', 'moved-all', 'renamed', 'opened'] as const;
type Step = (typeof STEPS)[number];
const journaled = (step: Step) => STEPS.indexOf(step) >= STEPS.indexOf('journal');

/** A data folder as a restore killed right after `step` leaves it. */
function stateAfter(step: Step, journal: object = { staged: STAGED, previous: PREVIOUS, evidence: STAGED_EVIDENCE }): string {
  // In a folder of its own, so that even a journal naming `..` could only reach our own files.
  const dir = path.join(tempDir('rakor-restore-killed-'), 'data');
  fs.cpSync(oldTemplate, dir, { recursive: true });
  const live = databasePath(dir);
  // Staged and verified (stageRestore), then a safety backup taken elsewhere: nothing else changed.
  fs.copyFileSync(databasePath(newDir), path.join(dir, STAGED));
  for (const sha of newHashes) {
    const target = path.join(dir, STAGED_EVIDENCE, evidenceRel(sha));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(storedPath(newDir, sha), target);
  }
  fs.writeFileSync(path.join(dir, STAGED_EVIDENCE, COPY_TEMP), 'setengah');
  if (step === 'staged' || step === 'safety-backup') return dir;
  if (step === 'journal-being-written') {
    fs.writeFileSync(path.join(dir, `${JOURNAL}.tmp`), '{"staged":".pemulihan-42');
    return dir;
  }
  fs.writeFileSync(path.join(dir, JOURNAL), JSON.stringify(journal));
  if (step === 'journal') return dir;
  move(path.join(dir, STAGED_EVIDENCE, evidenceRel(newHashes[0])), path.join(dir, evidenceRel(newHashes[0])));
  if (step === 'evidence-one') return dir;
  move(path.join(dir, STAGED_EVIDENCE, evidenceRel(newHashes[1])), path.join(dir, evidenceRel(newHashes[1])));
  fs.rmSync(path.join(dir, STAGED_EVIDENCE), { recursive: true });
  if (step === 'evidence-placed') return dir;
  fs.renameSync(live, path.join(dir, PREVIOUS));
  if (step === 'moved-main') return dir;
  fs.renameSync(`${live}-wal`, path.join(dir, `${PREVIOUS}-wal`));
  if (step === 'moved-all') return dir;
  fs.renameSync(path.join(dir, STAGED), live);
  if (step === 'renamed') return dir;
  // Opened (WAL switch, migrations) and killed before the previous files and the journal went.
  const db = new Database(live);
  db.pragma('journal_mode = WAL');
  db.close();
  return dir;
}

/** Which database a folder holds, read from the marker agency (a plain connection: it is a copy). */
function markers(dir: string): string[] {
  const db = new Database(databasePath(dir), { fileMustExist: true });
  try {
    return db.prepare(`SELECT name FROM agency WHERE name LIKE 'Penanda %' ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The data folder's entries but the lock and the live database's own WAL and shared memory. */
function entries(dir: string): string[] {
  const own = new Set([LOCK_FILE_NAME, `${path.basename(databasePath(dir))}-wal`, `${path.basename(databasePath(dir))}-shm`]);
  return fs.readdirSync(dir).filter((n) => !own.has(n)).sort();
}

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('a restore killed at each step is finished or undone by the next start', () => {
  for (const step of STEPS) {
    it(`killed after ${step}: recoverInterruptedRestore leaves the ${journaled(step) ? 'new' : 'old'} database and its files`, () => {
      const dir = stateAfter(step);
      const before = filesUnder(dir);
      const outcome = recoverInterruptedRestore(dir);
      if (!journaled(step)) {
        // No journal yet: recovery has nothing to do and touches nothing (start-up's leftover
        // cleaning removes the staged files, see the next test).
        expect(outcome).toBeNull();
        expect(filesUnder(dir)).toEqual(before);
        expect(markers(dir)).toEqual(['Penanda Lama']);
        return;
      }
      // Until the staged file is in place the restore is rolled forward; after, only tidied.
      expect(outcome).toBe(STEPS.indexOf(step) < STEPS.indexOf('renamed') ? 'rolled-forward' : 'finished');
      // The new database in place; the previous one, its WAL, the journal and the staged files
      // gone; the staging copy's temporary file never placed.
      expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
      expect(fs.existsSync(`${databasePath(dir)}-wal`)).toBe(false);
      expect(markers(dir)).toEqual(['Penanda Baru']);
      for (const sha of newHashes) expect(fs.readFileSync(path.join(dir, evidenceRel(sha)))).toEqual(fs.readFileSync(storedPath(newDir, sha)));
      expect(filesUnder(dir).filter((f) => path.basename(f).startsWith('.tmp-'))).toEqual([]);
      // Done twice (a kill during recovery, then the next start) it has nothing left to do.
      expect(recoverInterruptedRestore(dir)).toBeNull();
      expect(markers(dir)).toEqual(['Penanda Baru']);
    });

    it(`killed after ${step}: the next start opens the ${journaled(step) ? 'new' : 'old'} database with every file it refers to, and no leftovers`, () => {
      const dir = stateAfter(step);
      // The start-up reports a completed restore, and nothing else.
      const backend = open(dir, journaled(step) ? [RECOVERED] : []);
      expect(backend.recoveryNeeded()).toBe(false);
      const db = backend.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const found = db.prepare(`SELECT name FROM agency WHERE name LIKE 'Penanda %'`).pluck().all();
      expect(found).toEqual([journaled(step) ? 'Penanda Baru' : 'Penanda Lama']);
      expect(db.prepare(`SELECT count(*) FROM evidence`).pluck().get()).toBe(journaled(step) ? 2 : 1);
      expect(verifyEvidence(db, dir)).toEqual([]);
      expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
      expect(filesUnder(dir).filter((f) => path.basename(f).startsWith('.tmp-'))).toEqual([]);
    });
  }
});

describe('the journal is trusted only with bare names of our own files', () => {
  const refused: Record<string, object | string> = {
    'not JSON (a torn write of an older version)': '{"staged": ".pemulihan-',
    'a staged name with a folder in it': { staged: `sub/${STAGED}`, previous: PREVIOUS, evidence: STAGED_EVIDENCE },
    'an empty staged name': { staged: '', previous: PREVIOUS, evidence: STAGED_EVIDENCE },
    'a staged name that is not text': { staged: 42, previous: PREVIOUS, evidence: STAGED_EVIDENCE },
    'a previous name pointing at the parent folder': { staged: STAGED, previous: '..', evidence: STAGED_EVIDENCE },
    'no previous name': { staged: STAGED, evidence: STAGED_EVIDENCE },
    'an evidence folder outside the data folder': { staged: STAGED, previous: PREVIOUS, evidence: '../luar' },
    'an evidence folder named ..': { staged: STAGED, previous: PREVIOUS, evidence: '..' },
    'a staged name starting with ..': { staged: `..${STAGED}`, previous: PREVIOUS, evidence: STAGED_EVIDENCE },
  };
  for (const [what, journal] of Object.entries(refused)) {
    it(`${what}: nothing is moved, the journal goes, the old database stays`, () => {
      const dir = stateAfter('staged');
      // A database a bad journal could point at, in a sub-folder and beside the data folder.
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.copyFileSync(databasePath(newDir), path.join(dir, 'sub', STAGED));
      fs.copyFileSync(databasePath(newDir), path.join(dir, `..${STAGED}`));
      fs.mkdirSync(path.join(path.dirname(dir), 'luar', 'files'), { recursive: true });
      fs.writeFileSync(path.join(dir, JOURNAL), typeof journal === 'string' ? journal : JSON.stringify(journal));
      const before = filesUnder(dir).filter((f) => f !== JOURNAL);

      expect(recoverInterruptedRestore(dir)).toBe('finished');

      expect(filesUnder(dir)).toEqual(before);
      expect(markers(dir)).toEqual(['Penanda Lama']);
      expect(fs.existsSync(path.join(dir, 'sub', STAGED))).toBe(true);
      expect(fs.existsSync(path.dirname(dir))).toBe(true);
    });
  }

  it('a journal of an older version (no evidence folder) still rolls the restore forward', () => {
    const dir = stateAfter('moved-main', { staged: STAGED, previous: PREVIOUS });
    expect(recoverInterruptedRestore(dir)).toBe('rolled-forward');
    expect(markers(dir)).toEqual(['Penanda Baru']);
    expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
  });

  it('an old WAL never stays beside the new database, even when its previous name is taken', () => {
    const dir = stateAfter('moved-main');
    // A stray file under the WAL's previous name (from an earlier incident).
    fs.writeFileSync(path.join(dir, `${PREVIOUS}-wal`), 'sisa lama');
    expect(recoverInterruptedRestore(dir)).toBe('rolled-forward');
    expect(fs.existsSync(`${databasePath(dir)}-wal`)).toBe(false);
    expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
    expect(markers(dir)).toEqual(['Penanda Baru']);
  });

  it('a link inside the staged evidence folder is neither followed nor placed', () => {
    const dir = stateAfter('journal');
    const outside = path.join(path.dirname(dir), 'di-luar.txt');
    fs.writeFileSync(outside, 'tetap');
    fs.symlinkSync(outside, path.join(dir, STAGED_EVIDENCE, 'files', 'tautan'));
    expect(recoverInterruptedRestore(dir)).toBe('rolled-forward');
    expect(fs.readFileSync(outside, 'utf8')).toBe('tetap');
    expect(fs.lstatSync(path.join(dir, 'files', 'tautan'), { throwIfNoEntry: false })).toBeUndefined();
    expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
    expect(markers(dir)).toEqual(['Penanda Baru']);
  });

  it('a journal left after the previous database was already removed is only removed', () => {
    const dir = stateAfter('renamed');
    for (const suffix of ['', '-wal']) fs.rmSync(path.join(dir, PREVIOUS + suffix));
    expect(recoverInterruptedRestore(dir)).toBe('finished');
    expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
    expect(markers(dir)).toEqual(['Penanda Baru']);
  });

  it('a restore into a folder without a live database (moved aside as damaged) rolls forward too', () => {
    const dir = stateAfter('journal');
    for (const suffix of ['', '-wal']) fs.rmSync(databasePath(dir) + suffix);
    expect(recoverInterruptedRestore(dir)).toBe('rolled-forward');
    expect(markers(dir)).toEqual(['Penanda Baru']);
    expect(entries(dir)).toEqual(['files', 'rakor-kla.sqlite']);
  });
});

describe('installStaged puts the previous database back when the staged one does not open', () => {
  it('with a live database: the old file and its WAL are back in place, the journal gone', () => {
    const dir = stateAfter('staged');
    // Not a database at all: opening it fails after it was renamed into place.
    fs.writeFileSync(path.join(dir, STAGED), 'bukan basis data '.repeat(100));
    expect(() => installStaged(dir, { stagedFile: path.join(dir, STAGED), stagedEvidence: path.join(dir, STAGED_EVIDENCE) })).toThrow(/not a database/);
    expect(fs.existsSync(path.join(dir, JOURNAL))).toBe(false);
    expect(fs.existsSync(`${databasePath(dir)}-wal`)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes('sebelum-pemulihan'))).toEqual([]);
    expect(markers(dir)).toEqual(['Penanda Lama']);
    // The evidence files were placed first; the old database does not see them, nothing is lost.
    for (const sha of newHashes) expect(fs.existsSync(path.join(dir, evidenceRel(sha)))).toBe(true);
  });

  it('without one: the file that does not open is removed, so the next start offers recovery again', () => {
    const dir = stateAfter('staged');
    for (const suffix of ['', '-wal']) fs.rmSync(databasePath(dir) + suffix);
    fs.writeFileSync(path.join(dir, STAGED), 'bukan basis data '.repeat(100));
    expect(() => installStaged(dir, { stagedFile: path.join(dir, STAGED), stagedEvidence: path.join(dir, STAGED_EVIDENCE) })).toThrow(/not a database/);
    expect(entries(dir)).toEqual(['files']);
  });
});
