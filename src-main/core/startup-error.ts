import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { LockedByOtherHostError, TAKE_OVER_FLAG } from './db/lock';

// What the user is shown when the app cannot start: a title and a message in Indonesian that
// say what happened and what to do. Pure, so the desktop shell only shows it (a dialog) and
// the rules are tested without Electron. Never a stack trace; an unexpected error shows its
// code only, for support.

export interface StartupErrorText {
  title: string;
  message: string;
  /** Another computer holds the folder: the shell may offer to take it over (after asking). */
  canTakeOver: boolean;
}

const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'ENOENT', 'EISDIR', 'EBUSY']);

export function startupErrorText(error: unknown, dataDir: string): StartupErrorText {
  const text = describe(error, dataDir);
  return { ...text, canTakeOver: error instanceof LockedByOtherHostError };
}

function describe(error: unknown, dataDir: string): Omit<StartupErrorText, 'canTakeOver'> {
  if (error instanceof AppError) {
    if (error.code === 'BUSY') {
      return { title: t('startup.busyTitle'), message: `${error.message}\n\n${t('startup.busyHelp', { folder: dataDir, flag: TAKE_OVER_FLAG })}` };
    }
    if (error.code === 'DB_TOO_NEW') return { title: t('startup.tooNewTitle'), message: `${error.message}\n\n${t('startup.tooNewHelp', { folder: dataDir })}` };
    return { title: t('startup.failedTitle'), message: `${error.message}\n\n${t('startup.failedHelp', { code: error.code })}` };
  }
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && FOLDER_CODES.has(code)) {
    return { title: t('startup.folderTitle'), message: t('startup.folderHelp', { folder: dataDir, code }) };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { title: t('startup.failedTitle'), message: t('startup.databaseHelp', { folder: dataDir, code }) };
  }
  return { title: t('startup.failedTitle'), message: t('startup.failedHelp', { code: typeof code === 'string' ? code : 'INTERNAL' }) };
}
