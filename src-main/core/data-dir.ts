import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Rakor KLA';
export const DATA_DIR_ENV = 'RAKOR_DATA_DIR';

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives, so that the
 * web runtime and the CLI open the desktop app's data by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV]);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** `--data-dir D` or `--data-dir=D` from an argument list, else the default. */
export function dataDirFromArgs(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]);
    if (argv[i].startsWith('--data-dir=')) return path.resolve(argv[i].slice('--data-dir='.length));
  }
  return defaultDataDir();
}
