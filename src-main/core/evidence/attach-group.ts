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
// in its own savepoint; the others of the group are kept. Groups are taken in the order the
// attaches arrived, so the rows' ids (the list's order) follow the order the files were sent.

type AttachInput = OpParsed<'evidence.attach'>;

interface Waiting {
  input: AttachInput;
  staged: StagedFile;
  file: Parameters<typeof insertEvidence>[2];
  resolve: (evidence: Evidence) => void;
  reject: (error: unknown) => void;
}

/** One attach in arrival order: its file is being staged, is staged (entry), or failed (gone). */
interface Slot {
  entry: Waiting | null;
  gone: boolean;
}

export function attachGroups(db: Db, dataDir: string): (input: AttachInput) => Promise<Evidence> {
  const arrivals: Slot[] = [];
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

  /**
   * The staged attaches at the head of the arrival order: rows get their ids in the order the
   * files were sent (200 photos are listed as dropped), so a file still being written holds back
   * the ones that arrived after it.
   */
  function readyHead(): Waiting[] {
    const group: Waiting[] = [];
    while (arrivals.length > 0 && (arrivals[0]!.gone || arrivals[0]!.entry)) {
      const slot = arrivals.shift()!;
      if (slot.entry) group.push(slot.entry);
    }
    return group;
  }

  async function commitReady(): Promise<void> {
    if (committing) return;
    committing = true;
    try {
      // Whatever becomes ready while a group is committing forms the next group.
      for (let group = readyHead(); group.length > 0; group = readyHead()) await commitGroup(group);
    } finally {
      committing = false;
    }
  }

  return async function attach(input: AttachInput): Promise<Evidence> {
    const { bytes, mediaType } = checkAttach(db, input);
    const slot: Slot = { entry: null, gone: false };
    arrivals.push(slot);
    let staged: StagedFile;
    try {
      staged = await stageFile(dataDir, bytes);
    } catch (error) {
      slot.gone = true;
      void commitReady();
      throw error;
    }
    return new Promise<Evidence>((resolve, reject) => {
      slot.entry = { input, staged, file: { sha256: staged.sha256, sizeBytes: bytes.length, mediaType }, resolve, reject };
      void commitReady();
    });
  };
}
