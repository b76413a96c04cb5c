import fs from 'node:fs';
import path from 'node:path';
import { collectStore } from './evidence-store';
import { readManifest } from './extract';

// Which backups stay: the last ten, and for the past year the newest of each calendar month,
// so that a mistake noticed weeks later can still be undone. Only our own file names are ever
// touched; anything else a user keeps in the folder is left alone. After the zips, the evidence
// store: a file goes only when no remaining backup lists it.

export const KEEP_LAST = 10;
export const KEEP_MONTHS = 12;
const NAME = /^rakor-kla-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.zip$/;

export function backupFileName(date: Date, n = 0): string {
  const p = (v: number) => String(v).padStart(2, '0');
  const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
  return `rakor-kla-${stamp}${n > 0 ? `-${n}` : ''}.zip`;
}

/** The local time a backup's name carries, or null for a name that is not ours. */
export function timeOfBackupName(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(y, mo - 1, d, h, mi, s, Number(m[7] ?? 0));
}

export interface NamedBackup {
  name: string;
  time: Date;
}

/** Our backups in a folder, newest first. */
export function backupsIn(folder: string): NamedBackup[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, time: timeOfBackupName(name) }))
    .filter((b): b is NamedBackup => b.time !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime() || b.name.localeCompare(a.name));
}

export function backupsToKeep(backups: NamedBackup[], now: Date): Set<string> {
  const sorted = [...backups].sort((a, b) => b.time.getTime() - a.time.getTime() || b.name.localeCompare(a.name));
  const keep = new Set(sorted.slice(0, KEEP_LAST).map((b) => b.name));
  const oldestMonth = new Date(now.getFullYear(), now.getMonth() - (KEEP_MONTHS - 1), 1);
  const monthsSeen = new Set<string>();
  for (const b of sorted) {
    if (b.time < oldestMonth) continue;
    const month = `${b.time.getFullYear()}-${b.time.getMonth()}`;
    if (monthsSeen.has(month)) continue;
    monthsSeen.add(month);
    keep.add(b.name);
  }
  return keep;
}

/** Deletes the backups rotation lets go, then the evidence files none of the rest needs. Returns the zips' names. */
export function rotateBackups(folder: string, now = new Date()): string[] {
  const all = backupsIn(folder);
  const keep = backupsToKeep(all, now);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name)) continue;
    try {
      fs.rmSync(path.join(folder, b.name));
      removed.push(b.name);
    } catch {
      /* read-only or gone: try again next time */
    }
  }
  const needed = neededFiles(folder);
  if (needed) collectStore(folder, needed, now.getTime());
  return removed;
}

/**
 * The hashes every backup left in the folder lists, or null when one of them cannot be read
 * (damaged, or written by a newer version): then nothing is collected, since what it needs is
 * unknown. A format 1 backup needs no files.
 */
export function neededFiles(folder: string): Set<string> | null {
  const needed = new Set<string>();
  for (const b of backupsIn(folder)) {
    try {
      // Only the hashes matter here; the size bound is checked again by a restore.
      for (const f of readManifest(path.join(folder, b.name), Number.MAX_SAFE_INTEGER).files) needed.add(f.sha256);
    } catch {
      return null;
    }
  }
  return needed;
}
