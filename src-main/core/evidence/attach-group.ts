import type { Db } from '../db/database';
import type { Evidence } from '../../../shared/api/evidence';
import type { OpParsed } from '../../../shared/api/contract';
import { runOnce } from '../db/request-log';
import { dropStaged, publishStaged, stageFile, type StagedFile } from './file-store';
import { checkAttach, insertEvidence } from './repository';

// Attaching with group commit (issue 13, 200 photos): each attach checks its file and writes it
// to a temporary name and fsyncs it on the thread pool, so the files of several attaches in
// flight (the renderer sends a few at once) are written and flushed together. Attaches whose
// temps are on disk then wait for the group being committed; the next group publishes all of
// them at once (renames, one fsync per folder, in parallel) and inserts all their rows in one
// transaction (one COMMIT, one WAL flush). Each caller hears "ok" only after that COMMIT, so the
// storage guarantee is per file as before: a kill before COMMIT leaves no row of the group and
// its published files invisible (reused by the next identical attach), a kill after leaves every
// row with its intact file. A row that cannot be inserted (owner deleted meanwhile) fails alone,
// in its own savepoint; the others of the group are kept.

type AttachInput = OpParsed<'evidence.attach'>;

interface Waiting {
  input: AttachInput;
  staged: StagedFile;
  file: Parameters<typeof insertEvidence>[2];
  resolve: (evidence: Evidence) => void;
  reject: (error: unknown) => void;
}

export function attachGroups(db: Db, dataDir: string): (input: AttachInput) => Promise<Evidence> {
  let waiting: Waiting[] = [];
  let committing = false;

  async function commitGroup(group: Waiting[]): Promise<void> {
    try {
      await publishStaged(dataDir, group.map((w) => w.staged));
    } catch (error) {
      await dropStaged(group.map((w) => w.staged));
      for (const w of group) w.reject(error);
      return;
    }
    const outcomes: ({ ok: true; evidence: Evidence } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        outcomes.length = 0;
        for (const w of group) {
          const insert = () => insertEvidence(db, w.input, w.file);
          try {
            // A nested transaction is a savepoint: a failing row is undone alone.
            const one = db.transaction(() => (w.input.requestId ? runOnce(db, 'evidence.attach', w.input.requestId, insert) : insert()));
            outcomes.push({ ok: true, evidence: one() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.evidence);
      else w.reject(outcome.error);
    });
  }

  async function commitWaiting(): Promise<void> {
    committing = true;
    try {
      // Whatever arrives while a group is committing forms the next group.
      while (waiting.length > 0) {
        const group = waiting;
        waiting = [];
        await commitGroup(group);
      }
    } finally {
      committing = false;
    }
  }

  return async function attach(input: AttachInput): Promise<Evidence> {
    const { bytes, mediaType } = checkAttach(db, input);
    const staged = await stageFile(dataDir, bytes);
    return new Promise<Evidence>((resolve, reject) => {
      waiting.push({ input, staged, file: { sha256: staged.sha256, sizeBytes: bytes.length, mediaType }, resolve, reject });
      if (!committing) void commitWaiting();
    });
  };
}
