import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/messages';
import { crashPoint } from '../crash-point';
import { databasePath, openDatabase, type Db } from '../db/database';
import { SCHEMA_VERSION } from '../db/migrations';
import { SIDE_FILES } from '../db/open-checked';
import { fsyncDir, writeFileDurably } from './durable';
import Database from 'better-sqlite3';
import { extractDatabase, ExtractError, inspectBackup, readManifest, type ExtractOptions, type ExtractRefusal } from './extract';
import type { EvidenceFiles } from './evidence-manifest';
import { BACKUP_STORE, backupStorePath, copyVerified, fileMatches } from './evidence-store';
import type { BackupMetadata } from './metadata';
import { verifyCandidate } from './verify-candidate';

// Restore in two steps. First the file is treated as hostile and checked completely (entries,
// sizes, checksum, schema against our migrations, integrity, foreign keys) while it is staged
// beside the live database; a file that fails any check is refused and nothing has changed.
// Then the live file is swapped under a journal, so that a kill at any point of the swap is
// finished by the next start (see recoverInterruptedRestore): the data folder then holds the
// old or the new database, never none (which would have started an empty one).
// Evidence files the restored database refers to are fetched from the store beside the zip into
// a staged folder (each verified against its hash) before anything changes, and moved into the
// data folder's store under the same journal, before the database is swapped.

export const STAGED_PREFIX = '.pemulihan-';
export const RESTORE_JOURNAL = '.pemulihan.json';
const PREVIOUS_SUFFIX = '.sebelum-pemulihan';

export interface StagedRestore {
  metadata: BackupMetadata;
  /** The verified database, written next to the live one, ready to be renamed into place. */
  stagedFile: string;
  /** The verified evidence files the data folder lacks, laid out as in the data folder. */
  stagedEvidence: string;
  /** How many evidence files the restored database refers to, and how many were copied. */
  evidenceFiles: number;
  evidenceCopied: number;
}

export interface StageOptions extends ExtractOptions {
  evidence: EvidenceFiles;
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
  manifest: 'backup.manifestInvalid',
};

function refusalOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ExtractError) return refuse(EXTRACT_MESSAGES[error.refusal], { name: error.detail.slice(0, 120) });
  return refuse('backup.notZip');
}

/** Extracts, verifies and stages a backup. Throws INVALID_BACKUP (nothing left behind) if it is not sound. */
export async function stageRestore(file: string, dataDir: string, options: StageOptions): Promise<StagedRestore> {
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
  // Each path joined onto the data folder itself: whatever a name becomes, even empty (as in a
  // mutation run), the staged files and the folder later emptied stay inside the data folder, and
  // never the working folder (an empty stagedEvidence had placeEvidence move the whole project).
  const stem = `${STAGED_PREFIX}${process.pid}-${Date.now()}`;
  const stagedFile = path.join(dataDir, `${stem}.sqlite`);
  const stagedEvidence = path.join(dataDir, `${stem}-berkas`);
  const progress = options.onProgress;
  try {
    const manifest = readManifest(file, options.evidence.maxFileBytes, options);
    const metadata = await extractDatabase(file, stagedFile, { ...options, onProgress: (f) => progress?.(0.3 * f) });
    verifyCandidate(stagedFile, metadata);
    progress?.(0.4);
    const referenced = referencedBy(stagedFile, options.evidence);
    // A format 1 backup carried no files: its database gets whatever the data folder still holds.
    const files = metadata.formatVersion >= 2 ? manifest.files : referenced.map((r) => ({ ...r, absent: true as const }));
    const listed = new Map(files.map((f) => [f.sha256, f]));
    if (referenced.some((r) => listed.get(r.sha256)?.bytes !== r.bytes)) throw refuse('backup.manifestIncomplete');
    // Exactly the files the database refers to: whatever else a manifest lists is not fetched.
    const wanted = referenced.filter((r) => !listed.get(r.sha256)?.absent);
    const totalBytes = wanted.reduce((sum, r) => sum + r.bytes, 0) || 1;
    let doneBytes = 0;
    let copied = 0;
    const store = path.dirname(file);
    for (const r of wanted) {
      const live = options.evidence.pathOf(dataDir, r.sha256);
      if (!(await fileMatches(live, r.sha256, r.bytes))) {
        const staged = path.join(stagedEvidence, path.relative(dataDir, live));
        let fileBytes = 0;
        const outcome = await copyVerified(backupStorePath(store, r.sha256), staged, r.sha256, r.bytes, stagedEvidence, (n) => {
          fileBytes += n;
          progress?.(0.4 + (0.6 * (doneBytes + fileBytes)) / totalBytes);
        });
        if (outcome !== 'ok') {
          const key = outcome === 'missing' ? 'backup.evidenceMissing' : 'backup.evidenceAltered';
          throw refuse(key, { name: r.title.slice(0, 120), folder: path.join(store, BACKUP_STORE) });
        }
        copied++;
      }
      doneBytes += r.bytes;
      progress?.(0.4 + (0.6 * doneBytes) / totalBytes);
    }
    progress?.(1);
    return { metadata, stagedFile, stagedEvidence, evidenceFiles: referenced.length, evidenceCopied: copied };
  } catch (error) {
    discardStaged({ stagedFile, stagedEvidence });
    throw refusalOf(error);
  }
}

/** The files a verified candidate refers to (it passed the schema check, so the query is ours). */
function referencedBy(stagedFile: string, evidence: EvidenceFiles) {
  const db = new Database(stagedFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    return evidence.referenced(db);
  } finally {
    db.close();
  }
}

export function discardStaged(staged: Pick<StagedRestore, 'stagedFile' | 'stagedEvidence'>): void {
  for (const suffix of SIDE_FILES) fs.rmSync(staged.stagedFile + suffix, { force: true });
  fs.rmSync(staged.stagedEvidence, { recursive: true, force: true });
}

interface Journal {
  staged: string;
  previous: string;
  /** The staged evidence folder (absent in journals of older versions). */
  evidence?: string;
}

function journalPath(dataDir: string): string {
  return path.join(dataDir, RESTORE_JOURNAL);
}

function readJournal(dataDir: string): Journal | null {
  try {
    const value = JSON.parse(fs.readFileSync(journalPath(dataDir), 'utf8')) as Partial<Journal>;
    // Only bare names of our own files: a journal can never make us move anything else.
    const ok = (name: unknown) => typeof name === 'string' && name === path.basename(name) && name !== '' && !name.startsWith('..');
    if (!ok(value.staged) || !ok(value.previous) || (value.evidence !== undefined && !ok(value.evidence))) return null;
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

/** copyVerified's temporary files (removed by it; never placed). */
const TEMP_NAME = '.tmp-';

/** Every file under `dir`, as paths relative to it (our own staged folder: no links followed). */
function filesUnder(dir: string, rel = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.join(rel, e.name)) : e.isFile() ? [path.join(rel, e.name)] : []));
}

/**
 * Moves staged evidence files into the data folder at the same relative place. Each rename is
 * atomic; a file already there has the same content (it is named by its hash) and is replaced.
 * Done twice (a kill, then the start-up roll-forward) it only moves what is left.
 */
function placeEvidence(dataDir: string, stagedEvidence: string): void {
  const folders = new Set<string>();
  for (const rel of filesUnder(stagedEvidence)) {
    if (rel.startsWith(TEMP_NAME)) continue;
    const target = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(stagedEvidence, rel), target);
    folders.add(path.dirname(target));
    if (folders.size === 1) crashPoint('restore:evidence-one');
  }
  for (const folder of folders) fsyncDir(folder);
  fs.rmSync(stagedEvidence, { recursive: true, force: true });
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
    if (journal.evidence) placeEvidence(dataDir, path.join(dataDir, journal.evidence));
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
export function installStaged(dataDir: string, staged: Pick<StagedRestore, 'stagedFile' | 'stagedEvidence'>): Db {
  const { stagedFile } = staged;
  const live = databasePath(dataDir);
  const previous = `${live}${PREVIOUS_SUFFIX}`;
  for (const suffix of SIDE_FILES) fs.rmSync(previous + suffix, { force: true });
  const journal: Journal = { staged: path.basename(stagedFile), previous: path.basename(previous), evidence: path.basename(staged.stagedEvidence) };
  writeFileDurably(journalPath(dataDir), JSON.stringify(journal));
  crashPoint('restore:journal');
  // The files first: the old database does not see them, the new one must find them.
  placeEvidence(dataDir, staged.stagedEvidence);
  crashPoint('restore:evidence-placed');
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
