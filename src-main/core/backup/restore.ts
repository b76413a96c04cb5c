import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/messages';
import { crashPoint } from '../crash-point';
import { databasePath, openDatabase, type Db } from '../db/database';
import { SCHEMA_VERSION } from '../db/migrations';
import { SIDE_FILES } from '../db/open-checked';
import { fsyncDir, writeFileDurably } from './durable';
import { extractDatabase, ExtractError, inspectBackup, type ExtractOptions, type ExtractRefusal } from './extract';
import type { BackupMetadata } from './metadata';
import { verifyCandidate } from './verify-candidate';

// Restore in two steps. First the file is treated as hostile and checked completely (entries,
// sizes, checksum, schema against our migrations, integrity, foreign keys) while it is staged
// beside the live database; a file that fails any check is refused and nothing has changed.
// Then the live file is swapped under a journal, so that a kill at any point of the swap is
// finished by the next start (see recoverInterruptedRestore): the data folder then holds the
// old or the new database, never none (which would have started an empty one).

export const STAGED_PREFIX = '.pemulihan-';
export const RESTORE_JOURNAL = '.pemulihan.json';
const PREVIOUS_SUFFIX = '.sebelum-pemulihan';

export interface StagedRestore {
  metadata: BackupMetadata;
  /** The verified database, written next to the live one, ready to be renamed into place. */
  stagedFile: string;
}

function refuse(key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('INVALID_BACKUP', t(key, params));
}

const EXTRACT_MESSAGES: Record<ExtractRefusal, MessageKey> = {
  notZip: 'backup.notZip',
  notOurs: 'backup.notOurs',
  unexpectedEntry: 'backup.unexpectedEntry',
  tooLarge: 'backup.tooLarge',
  checksum: 'backup.checksum',
};

function refusalOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ExtractError) return refuse(EXTRACT_MESSAGES[error.refusal], { name: error.detail.slice(0, 120) });
  return refuse('backup.notZip');
}

/** Extracts, verifies and stages a backup. Throws INVALID_BACKUP (nothing left behind) if it is not sound. */
export async function stageRestore(file: string, dataDir: string, options: ExtractOptions = {}): Promise<StagedRestore> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw refuse('backup.notFound', { file });
  }
  if (!stat.isFile()) throw refuse('backup.notFound', { file });
  // Names, sizes and the metadata first, so a newer backup is named as such before any inflating.
  let declared: BackupMetadata;
  try {
    declared = inspectBackup(file, options);
  } catch (error) {
    throw refusalOf(error);
  }
  if (declared.schemaVersion > SCHEMA_VERSION) throw refuse('backup.tooNew', { version: declared.appVersion });

  fs.mkdirSync(dataDir, { recursive: true });
  const stagedFile = path.join(dataDir, `${STAGED_PREFIX}${process.pid}-${Date.now()}.sqlite`);
  try {
    const metadata = await extractDatabase(file, stagedFile, options);
    verifyCandidate(stagedFile, metadata);
    return { metadata, stagedFile };
  } catch (error) {
    discardStaged(stagedFile);
    throw refusalOf(error);
  }
}

export function discardStaged(stagedFile: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(stagedFile + suffix, { force: true });
}

interface Journal {
  staged: string;
  previous: string;
}

function journalPath(dataDir: string): string {
  return path.join(dataDir, RESTORE_JOURNAL);
}

function readJournal(dataDir: string): Journal | null {
  try {
    const value = JSON.parse(fs.readFileSync(journalPath(dataDir), 'utf8')) as Partial<Journal>;
    // Only bare names of our own files: a journal can never make us move anything else.
    const ok = (name: unknown) => typeof name === 'string' && name === path.basename(name) && name !== '' && !name.startsWith('..');
    if (!ok(value.staged) || !ok(value.previous)) return null;
    return value as Journal;
  } catch {
    return null;
  }
}

function moveSideFilesAside(live: string, previous: string): void {
  for (const suffix of SIDE_FILES.slice(1)) {
    if (!fs.existsSync(live + suffix)) continue;
    // An old WAL must never meet the new file: SQLite would replay it into the wrong database.
    if (fs.existsSync(previous + suffix)) fs.rmSync(live + suffix, { force: true });
    else fs.renameSync(live + suffix, previous + suffix);
  }
}

/**
 * Finishes a restore that a kill interrupted. The journal is written only once the staged file
 * is verified (and the safety backup taken), so from then on the restore is rolled forward: the
 * staged file goes into place if it is still there, and the previous database is removed.
 * Returns what was done, or null when there was nothing to do.
 */
export function recoverInterruptedRestore(dataDir: string): 'rolled-forward' | 'finished' | null {
  if (!fs.existsSync(journalPath(dataDir))) return null;
  const journal = readJournal(dataDir);
  const live = databasePath(dataDir);
  let outcome: 'rolled-forward' | 'finished' = 'finished';
  if (journal) {
    const staged = path.join(dataDir, journal.staged);
    const previous = path.join(dataDir, journal.previous);
    if (fs.existsSync(staged)) {
      if (fs.existsSync(live) && !fs.existsSync(previous)) fs.renameSync(live, previous);
      moveSideFilesAside(live, previous);
      if (fs.existsSync(live)) fs.rmSync(live);
      fs.renameSync(staged, live);
      outcome = 'rolled-forward';
    }
    fsyncDir(dataDir);
    for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
  }
  fs.rmSync(journalPath(dataDir), { force: true });
  fsyncDir(dataDir);
  return outcome;
}

/**
 * Puts the staged database in place of the live one (which must be closed) and opens it,
 * migrating an older schema. If it cannot be opened, the previous file is put back.
 */
export function installStaged(dataDir: string, stagedFile: string): Db {
  const live = databasePath(dataDir);
  const previous = `${live}${PREVIOUS_SUFFIX}`;
  for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
  const journal: Journal = { staged: path.basename(stagedFile), previous: path.basename(previous) };
  writeFileDurably(journalPath(dataDir), JSON.stringify(journal));
  crashPoint('restore:journal');
  const hadPrevious = fs.existsSync(live);
  if (hadPrevious) fs.renameSync(live, previous);
  crashPoint('restore:moved-main');
  moveSideFilesAside(live, previous);
  crashPoint('restore:moved-all');
  fs.renameSync(stagedFile, live);
  fsyncDir(dataDir);
  crashPoint('restore:renamed');
  let db: Db;
  try {
    db = openDatabase(live);
  } catch (error) {
    for (const suffix of SIDE_FILES) fs.rmSync(live + suffix, { force: true });
    if (hadPrevious) for (const suffix of SIDE_FILES) if (fs.existsSync(previous + suffix)) fs.renameSync(previous + suffix, live + suffix);
    fs.rmSync(journalPath(dataDir), { force: true });
    fsyncDir(dataDir);
    throw error;
  }
  crashPoint('restore:opened');
  for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
  fs.rmSync(journalPath(dataDir), { force: true });
  fsyncDir(dataDir);
  return db;
}
