import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_WORK_PREFIX, PARTIAL_SUFFIX } from './backup';
import { RESTORE_JOURNAL, STAGED_PREFIX } from './restore';

// What a killed backup or restore leaves behind, removed at the next start (after an
// interrupted restore has been finished, and while this process holds the data-folder lock,
// so nothing found here belongs to a running operation).

/** Removes staged restores, backup work folders and half-written journals in the data folder. */
export function cleanDataFolderLeftovers(dataDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const ours = name.startsWith(STAGED_PREFIX) || name.startsWith(BACKUP_WORK_PREFIX) || name === `${RESTORE_JOURNAL}.tmp`;
    if (!ours) continue;
    fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

const PARTIAL = /^\.rakor-kla-[0-9-]+\.zip\.sebagian$/;

/**
 * Removes half-written backups in the backup folder. That folder may be shared with another
 * computer that is writing one right now, so only files untouched for `minAgeMs` go.
 */
export function cleanPartialBackups(folder: string, now = Date.now(), minAgeMs = 10 * 60_000): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!PARTIAL.test(name) || !name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs < minAgeMs) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch {
      /* gone meanwhile or read-only */
    }
  }
  return removed;
}
