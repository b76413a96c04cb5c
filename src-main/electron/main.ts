import { app, BrowserWindow, dialog, ipcMain, Menu, session, type WebFrameMain } from 'electron';
import path from 'node:path';
import { createBackend, type Backend } from '../core/backend';
import { dataDirFromArgs } from '../core/data-dir';
import { writeExportFile } from '../core/export/save-file';
import type { SaveFileHook } from '../core/handler-types';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/messages';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveRenderer } from './protocol';

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
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => { mainWindow = null; });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The platform half of 'file.save': the native save dialog, then the core's checked write. */
const saveWithDialog: SaveFileHook = async (suggestedName, bytes) => {
  const options = {
    title: 'Simpan dokumen',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'Dokumen Word', extensions: ['docx'] }],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeExportFile(choice.filePath, bytes);
  return { saved: true, path: choice.filePath };
};

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

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    Menu.setApplicationMenu(null);
    serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));

    const dataDir = process.argv.includes('--data-dir') || process.argv.some((a) => a.startsWith('--data-dir='))
      ? dataDirFromArgs(process.argv)
      : app.getPath('userData');
    backend = createBackend({ dataDir, runtime: 'electron', autoBackup: true, saveFile: saveWithDialog });

    ipcMain.handle('rakor:invoke', async (event, name: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'UNAUTHORIZED', message: t('error.unauthorized') } };
      if (!backend) return { ok: false, error: { code: 'INTERNAL', message: t('error.internal') } };
      return backend.invoke(String(name), input);
    });
    createWindow();
  }).catch((error: unknown) => {
    console.error(error instanceof AppError ? error.message : error);
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
}
