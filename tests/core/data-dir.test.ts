import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR_ENV, dataDirFromArgs, defaultDataDir } from '../../src-main/core/data-dir';

// The data folder the web runtime and the command line open by default: the desktop app's own
// (Electron's userData for "Rakor KLA" on each system), unless RAKOR_DATA_DIR or --data-dir says
// otherwise.

const home = os.homedir();

describe('the default data folder', () => {
  it('is the desktop app\'s folder on each system', () => {
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Rakor KLA'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/data/konfig' }, 'linux')).toBe(path.join('/data/konfig', 'Rakor KLA'));
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Rakor KLA'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\sekretariat\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\sekretariat\\AppData\\Roaming', 'Rakor KLA'));
    expect(defaultDataDir({}, 'win32')).toBe(path.join(home, 'AppData', 'Roaming', 'Rakor KLA'));
  });

  it('is RAKOR_DATA_DIR, made absolute, when it is set and not empty', () => {
    expect(DATA_DIR_ENV).toBe('RAKOR_DATA_DIR');
    expect(defaultDataDir({ RAKOR_DATA_DIR: '/srv/rakor', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/srv/rakor');
    expect(defaultDataDir({ RAKOR_DATA_DIR: 'data/kla' }, 'win32')).toBe(path.resolve('data/kla'));
    expect(defaultDataDir({ RAKOR_DATA_DIR: '' }, 'linux')).toBe(path.join(home, '.config', 'Rakor KLA'));
  });
});

describe('--data-dir on the command line', () => {
  it('takes the folder after the flag or after "=", made absolute; the first one wins', () => {
    expect(dataDirFromArgs(['serve', '--data-dir', '/srv/a'])).toBe('/srv/a');
    expect(dataDirFromArgs(['--data-dir=relatif/b', '--port', '5000'])).toBe(path.resolve('relatif/b'));
    expect(dataDirFromArgs(['--data-dir', '/srv/a', '--data-dir=/srv/b'])).toBe('/srv/a');
    expect(dataDirFromArgs(['--data-dir=/srv/b', '--data-dir', '/srv/a'])).toBe('/srv/b');
  });

  it('falls back to the default when the flag has no folder or is absent', () => {
    const fallback = defaultDataDir();
    expect(dataDirFromArgs([])).toBe(fallback);
    expect(dataDirFromArgs(['--data-dir'])).toBe(fallback);
    expect(dataDirFromArgs(['--data-dir', ''])).toBe(fallback);
    expect(dataDirFromArgs(['--data', '/srv/a', 'data-dir=/srv/b'])).toBe(fallback);
  });
});
