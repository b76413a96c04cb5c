import { describe, expect, it } from 'vitest';
import Module, { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, LOCK_FILE_NAME, TAKE_OVER_FLAG } from '../../src-main/core/db/lock';
import { t } from '../../shared/messages';
import { tempDir } from '../support/backup-helpers';

// Issue 12: a start-up failure in the packaged app used to go to a console nobody sees. The core
// chooses the Indonesian title and message for each failure (tests/core/startup-error-text.test.ts);
// the shell only shows them, as tested here.

const root = path.resolve(__dirname, '../..');

interface ShellRun {
  errorBoxes: { title: string; message: string }[];
  messageBoxes: { title?: string; detail?: string; buttons?: string[] }[];
  relaunched: { args?: string[] }[];
  exitCode: number | null;
}

/** Loads a private copy of the bundled shell with a stand-in electron on `dataDir`. */
async function runShell(dataDir: string, messageBoxAnswer: number): Promise<ShellRun> {
  // A private copy two levels below the root (package.json resolves), so the require cache of
  // other tests does not hand back an already loaded shell.
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const copyDir = fs.mkdtempSync(path.join(root, '.tmp', 'startup-'));
  const copy = path.join(copyDir, 'main.cjs');
  fs.copyFileSync(path.join(root, 'dist/main/main.cjs'), copy);
  const run: ShellRun = { errorBoxes: [], messageBoxes: [], relaunched: [], exitCode: null };
  const fakeElectron = {
    app: {
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => os.tmpdir(),
      getAppPath: () => root,
      quit: () => undefined,
      exit: (code: number) => { run.exitCode = code; },
      relaunch: (options: { args?: string[] }) => run.relaunched.push(options),
      commandLine: { appendSwitch: () => undefined },
    },
    BrowserWindow: class {},
    ipcMain: { handle: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    Menu: { setApplicationMenu: () => undefined },
    dialog: {
      showErrorBox: (title: string, message: string) => run.errorBoxes.push({ title, message }),
      showMessageBoxSync: (options: ShellRun['messageBoxes'][number]) => {
        run.messageBoxes.push(options);
        return messageBoxAnswer;
      },
    },
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  const argv = process.argv;
  const consoleError = console.error;
  process.argv = [...argv, '--data-dir', dataDir];
  console.error = () => undefined;
  try {
    createRequire(import.meta.url)(copy);
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    loader._load = original;
    process.argv = argv;
    console.error = consoleError;
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
  return run;
}

describe('the Electron shell shows start-up errors', () => {
  it('shows an error box in Indonesian and quits when the data folder is busy', async () => {
    const dataDir = tempDir('rakor-startup-shell-');
    const held = acquireDataLock(dataDir);
    let run: ShellRun;
    try {
      run = await runShell(dataDir, 0);
    } finally {
      held.release();
    }
    expect(run.errorBoxes).toHaveLength(1);
    expect(run.errorBoxes[0].title).toBe(t('startup.busyTitle'));
    expect(run.errorBoxes[0].message).toContain(t('error.busy'));
    expect(run.exitCode).toBe(1);
  });

  it('offers to take over a folder held by another computer, and relaunches with --ambil-alih when chosen', async () => {
    const dataDir = tempDir('rakor-startup-shell-');
    fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: 7, host: 'PC-SEKRETARIAT', startedAt: 'x' }));
    const declined = await runShell(dataDir, 0);
    expect(declined.messageBoxes).toHaveLength(1);
    expect(declined.messageBoxes[0].detail).toContain('PC-SEKRETARIAT');
    expect(declined.messageBoxes[0].buttons).toEqual(['Keluar', 'Ambil alih folder']);
    expect(declined.relaunched).toEqual([]);
    expect(declined.exitCode).toBe(1);
    const accepted = await runShell(dataDir, 1);
    expect(accepted.relaunched).toHaveLength(1);
    expect(accepted.relaunched[0].args).toContain(TAKE_OVER_FLAG);
    expect(accepted.exitCode).toBe(1);
  });
});
