import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database';
import type { BackupSettings } from '../../../shared/api/backup';

// The backup folder is a setting in app_meta (travels with the data). A copy sits in a small
// file in the data folder so that, when the database itself is damaged, recovery still knows
// where the backups are.

const KEY = 'backup.folder';
export const SETTINGS_MIRROR = 'cadangan-lokasi.json';

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'cadangan');
}

function mirrorPath(dataDir: string): string {
  return path.join(dataDir, SETTINGS_MIRROR);
}

function readMirror(dataDir: string): string {
  try {
    const value = JSON.parse(fs.readFileSync(mirrorPath(dataDir), 'utf8')) as { folder?: unknown };
    return typeof value.folder === 'string' ? value.folder : '';
  } catch {
    return '';
  }
}

function settingsOf(dataDir: string, stored: string): BackupSettings {
  const defaultFolder = defaultBackupFolder(dataDir);
  const folder = stored ? path.resolve(stored) : defaultFolder;
  return { folder, defaultFolder, isDefault: folder === defaultFolder };
}

/** From the database when there is one, else from the copy beside it. */
export function readBackupSettings(dataDir: string, db: Db | null): BackupSettings {
  if (!db) return settingsOf(dataDir, readMirror(dataDir));
  const row = db.prepare(`SELECT value FROM app_meta WHERE key = ?`).get(KEY) as { value: string } | undefined;
  return settingsOf(dataDir, row?.value ?? '');
}

export function writeBackupSettings(dataDir: string, db: Db, folder: string): BackupSettings {
  const settings = settingsOf(dataDir, folder);
  const stored = settings.isDefault ? '' : settings.folder;
  db.prepare(`INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(KEY, stored);
  const tmp = `${mirrorPath(dataDir)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ folder: stored }));
  fs.renameSync(tmp, mirrorPath(dataDir));
  return settings;
}
