import Database from 'better-sqlite3';
import { schemaVersionOf } from '../db/database';
import { checkHealth } from '../db/health';
import { AppError } from '../../../shared/errors';
import type { EvidenceFiles, ReferencedFile } from './evidence-manifest';
import { extractDatabase, readManifest } from './extract';
import { stageRestore, type StagedRestore } from './restore';

// The heavy, blocking parts of backup and restore, as plain functions of plain data so that they
// can run in a worker thread (off-thread.ts): SQLite's integrity_check of a large database and the
// inflating and hashing of a backup take seconds in which the app must keep answering.

export interface SnapshotCheck {
  ok: boolean;
  counts: Record<string, number>;
  schemaVersion: number;
  referenced: ReferencedFile[];
}

export interface BackupTaskMap {
  /** The full check of a fresh snapshot, and the evidence files it refers to. */
  checkSnapshot: { input: { snapshot: string }; output: SnapshotCheck };
  /** A written backup read back: database checksum and manifest. */
  verifyZip: { input: { file: string }; output: true };
  /** Extract, verify and stage a backup for restore (restore.ts). */
  stage: { input: { file: string; dataDir: string; maxBytes?: number }; output: StagedRestore };
}

export type BackupTaskName = keyof BackupTaskMap;
export type Progress = (fraction: number) => void;
export type BackupTasks = {
  [K in BackupTaskName]: (input: BackupTaskMap[K]['input'], onProgress: Progress) => Promise<BackupTaskMap[K]['output']>;
};
/** Runs one task somewhere (this thread or a worker) and reports its progress. */
export type TaskRunner = <K extends BackupTaskName>(name: K, input: BackupTaskMap[K]['input'], onProgress?: Progress) => Promise<BackupTaskMap[K]['output']>;

export function backupTasks(evidence: EvidenceFiles): BackupTasks {
  return {
    async checkSnapshot({ snapshot }) {
      const copy = new Database(snapshot, { readonly: true, fileMustExist: true });
      try {
        const health = checkHealth(copy);
        if (!health.ok) return { ok: false, counts: {}, schemaVersion: 0, referenced: [] };
        // From the snapshot, not the live database: the list matches the database in the zip.
        return { ok: true, counts: health.counts, schemaVersion: schemaVersionOf(copy), referenced: evidence.referenced(copy) };
      } finally {
        copy.close();
      }
    },
    async verifyZip({ file }, onProgress) {
      await extractDatabase(file, null, { onProgress });
      readManifest(file, evidence.maxFileBytes);
      return true;
    },
    stage: ({ file, dataDir, maxBytes }, onProgress) => stageRestore(file, dataDir, { evidence, maxBytes, onProgress }),
  };
}

/** Runs tasks in this thread (the CLI, tests, and wherever no worker file is available). */
export function inThisThread(tasks: BackupTasks): TaskRunner {
  return (name, input, onProgress = () => undefined) => (tasks[name] as (i: typeof input, p: Progress) => Promise<never>)(input, onProgress);
}

/** An error as it crosses from a worker: an AppError keeps its code and (Indonesian) message. */
export interface SerializedError {
  appError: boolean;
  code: string;
  message: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) return { appError: true, code: error.code, message: error.message };
  return { appError: false, code: 'INTERNAL', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

export function deserializeError(e: SerializedError): Error {
  return e.appError ? new AppError(e.code as AppError['code'], e.message) : new Error(e.message);
}
