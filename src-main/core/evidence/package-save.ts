import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/database';
import type { ChooseSavePathHook } from '../handler-types';
import { packageFileName, type PackageSaved, type PackageStatus } from '../../../shared/api/evidence';
import { AppError } from '../../../shared/errors';
import { t, type MessageKey } from '../../../shared/messages';
import { writeEvidencePackage } from './package';
import { freeName } from '../../../shared/file-name';

// "Simpan paket data dukung" from the app: where the .zip goes (the desktop's save dialog, or a
// folder the user typed in browser mode), then the same writer the CLI uses. One package at a
// time per backend; its progress is kept here for the screen to poll (evidence.packageStatus),
// as the backup screen polls backup.progress.

/** The user's Documents when it exists (any runtime without a dialog), else the home folder. */
export function defaultPackageFolder(): string {
  const documents = path.join(os.homedir(), 'Documents');
  try {
    if (fs.statSync(documents).isDirectory()) return documents;
  } catch {
    /* no Documents folder: the home folder */
  }
  return os.homedir();
}

/** A typed folder, refused with a message the user can act on before anything is written. */
function checkedFolder(folder: string): string {
  const refuse = (key: MessageKey) => {
    const message = t(key, { folder });
    return new AppError('VALIDATION', message, [{ path: 'folder', message }]);
  };
  if (!path.isAbsolute(folder)) throw refuse('evidence.packageFolderRelative');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw refuse('evidence.packageFolderMissing');
  }
  if (!stat.isDirectory()) throw refuse('evidence.packageFolderIsFile');
  return folder;
}

/**
 * Where the package goes in a folder given without a dialog: a package saved there before (sent
 * already, perhaps) is kept, and the new one gets the next free "(2)" name. The desktop's save
 * dialog asks before replacing instead (src-main/electron/save-dialog.ts).
 */
const freeTarget = (folder: string, year: number) => path.join(folder, freeName(packageFileName(year), (name) => fs.existsSync(path.join(folder, name))));

export function packageSaver(db: Db, dataDir: string, chooseSavePath: ChooseSavePathHook | undefined) {
  let running: PackageStatus['running'] = null;
  let last: PackageStatus['last'] = null;
  return {
    status: (): PackageStatus => ({ running, last, defaultFolder: defaultPackageFolder() }),
    async save({ year, folder }: { year: number; folder?: string }): Promise<PackageSaved> {
      if (running) throw AppError.of('CONFLICT', 'evidence.packageBusy');
      const typed = folder?.trim() ?? '';
      let target: string;
      if (typed !== '') target = freeTarget(checkedFolder(typed), year);
      else if (chooseSavePath) {
        running = { year, done: 0, total: 0 };
        let chosen: string | null;
        try {
          chosen = await chooseSavePath(packageFileName(year));
        } finally {
          running = null;
        }
        if (!chosen) return { saved: false };
        target = chosen;
      } else target = freeTarget(defaultPackageFolder(), year);
      running = { year, done: 0, total: 0 };
      try {
        const result = await writeEvidencePackage(db, dataDir, year, target, ({ done, total }) => {
          running = { year, done, total };
        });
        const saved = { saved: true as const, path: target, files: result.files, bytes: result.bytes, minutes: result.minutes, problems: result.problems };
        last = { year, saved };
        return saved;
      } finally {
        running = null;
      }
    },
  };
}
