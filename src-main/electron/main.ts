import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebFrameMain } from 'electron';
import path from 'node:path';
import { createBackend, type Backend } from '../core/backend';
import { dataDirFromArgs } from '../core/data-dir';
import { writeExportFile } from '../core/export/save-file';
import { TAKE_OVER_FLAG } from '../core/db/lock';
import { startupErrorText } from '../core/startup-error';
import type { ChooseSavePathHook, OpenFileHook, SaveFileHook } from '../core/handler-types';
import { t } from '../../shared/messages';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveRenderer } from './protocol';
import { createPrintPdf } from './print-pdf';
import { saveDialogOptions } from './save-dialog';

// The Electron shell stays thin: a window, the security settings of Electron's checklist, and
// one IPC channel into the same core the web runtime uses. All behaviour lives in core/.

registerAppScheme();
app.enableSandbox();
// Date and time pickers follow Chromium's UI language, not the page's: ask for Indonesian so
// the pickers read dd/mm/yyyy and 24-hour time on an English Windows too.
app.commandLine.appendSwitch('lang', 'id');

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function isTrustedSender(frame: WebFrameMain | null): boolean {
  // Only our own top-level page may call the core, never an iframe or a navigated-away page.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Rakor KLA',
    show: false,
    webPreferences: {
      // The preload exposes exactly one function, invoke(name, input), via contextBridge; the
      // sender is checked in main and every input validated in the core.
      preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK -- reviewed: contextBridge, one channel, see preload.ts
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click would open links in a new window, past will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => { mainWindow = null; });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/**
 * The native save dialog, suggesting the user's Documents: the chosen path, or null when
 * cancelled. Used alone for files the core writes itself ('evidence.savePackage').
 */
const chooseSavePath: ChooseSavePathHook = async (suggestedName) => {
  const options = saveDialogOptions(suggestedName, app.getPath('documents'));
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
};

/** The platform half of 'file.save': the native save dialog, then the core's checked write. */
const saveWithDialog: SaveFileHook = async (suggestedName, bytes) => {
  const chosen = await chooseSavePath(suggestedName);
  if (!chosen) return { saved: false };
  await writeExportFile(chosen, bytes);
  return { saved: true, path: chosen };
};

/**
 * The platform half of 'evidence.open': the core hands a verified, read-only copy whose
 * extension comes from the sniffed type (never the uploaded name); the system's viewer opens it.
 */
const openWithViewer: OpenFileHook = (file) => shell.openPath(file);

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from the app and no new windows: links to the outside are not followed.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (!app.requestSingleInstanceLock()) {
  // One writer per data folder: a second launch hands over to the first and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenContents();

  let dataDir = '';
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    Menu.setApplicationMenu(null);
    serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));

    dataDir = process.argv.includes('--data-dir') || process.argv.some((a) => a.startsWith('--data-dir='))
      ? dataDirFromArgs(process.argv)
      : app.getPath('userData');
    backend = createBackend({ dataDir, runtime: 'electron', autoBackup: true, saveFile: saveWithDialog, printPdf: createPrintPdf(path.join(__dirname, 'preload.cjs')), openFile: openWithViewer, chooseSavePath, takeOverLock: process.argv.includes(TAKE_OVER_FLAG) });

    ipcMain.handle('rakor:invoke', async (event, name: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'UNAUTHORIZED', message: t('error.unauthorized') } };
      if (!backend) return { ok: false, error: { code: 'INTERNAL', message: t('error.internal') } };
      return backend.invoke(String(name), input);
    });
    createWindow();
  }).catch((error: unknown) => {
    // A packaged app has no console: every start-up failure is shown, in Indonesian, with what
    // to do (the text is chosen in the core), then the app quits.
    console.error('[rakor] start-up failed:', error);
    const text = startupErrorText(error, dataDir);
    if (text.canTakeOver) {
      const choice = dialog.showMessageBoxSync({ type: 'warning', title: text.title, message: text.title, detail: text.message, buttons: ['Keluar', 'Ambil alih folder'], defaultId: 0, cancelId: 0, noLink: true });
      if (choice === 1) app.relaunch({ args: [...process.argv.slice(1).filter((a) => a !== TAKE_OVER_FLAG), TAKE_OVER_FLAG] });
    } else {
      dialog.showErrorBox(text.title, text.message);
    }
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
}
