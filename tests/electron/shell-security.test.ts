import { beforeAll, describe, expect, it } from 'vitest';
import Module, { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from '../support/web-runtime';

// The Electron binary cannot run on these machines, so the real bundled main process
// (dist/main/main.cjs) is loaded under Node with a thin stand-in for the 'electron' module that
// only records what the shell asks of it. What is checked is our code: the window's security
// settings, the IPC sender check, navigation and window-open refusal, the protocol handler.

const root = path.resolve(__dirname, '../..');
type Listener = (...args: unknown[]) => unknown;

const recorded = {
  windows: [] as { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[],
  ipc: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  privileged: [] as unknown[],
  permission: null as null | Listener,
  permissionCheck: null as null | Listener,
  sandboxEnabled: false,
  menu: undefined as unknown,
  dialogs: [] as unknown[],
  opened: [] as string[],
  switches: [] as [string, string | undefined][],
};

class FakeBrowserWindow {
  loaded: string[] = [];
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    recorded.windows.push(this);
  }
  once() {}
  on() {}
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

const fakeElectron = {
  app: {
    enableSandbox: () => { recorded.sandboxEnabled = true; },
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) => { recorded.appEvents.set(event, listener); },
    whenReady: () => Promise.resolve(),
    getPath: () => tempDataDir('rakor-electron-home-'),
    getAppPath: () => root,
    quit: () => undefined,
    exit: () => undefined,
    commandLine: { appendSwitch: (name: string, value?: string) => { recorded.switches.push([name, value]); } },
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => { recorded.protocolHandler = handler; },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => { recorded.permission = h; },
      setPermissionCheckHandler: (h: Listener) => { recorded.permissionCheck = h; },
    },
  },
  Menu: { setApplicationMenu: (menu: unknown) => { recorded.menu = menu; } },
  shell: {
    // The system viewer: records the file and answers like Electron ('' = opened).
    openPath: (file: string) => {
      recorded.opened.push(file);
      return Promise.resolve('');
    },
  },
  dialog: {
    // What the user picks in the save dialog; tests set it.
    answer: { canceled: true } as { canceled: boolean; filePath?: string },
    showSaveDialog(...args: unknown[]) {
      recorded.dialogs.push(args[args.length - 1]);
      return Promise.resolve(this.answer);
    },
  },
};

function fakeContents() {
  const events = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  return {
    on: (event: string, listener: Listener) => events.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => { openHandler = handler; },
    fire(event: string, url: string) {
      let prevented = false;
      events.get(event)?.({ preventDefault: () => { prevented = true; } }, url);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

beforeAll(async () => {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  const argv = process.argv;
  process.argv = [...argv, '--data-dir', tempDataDir('rakor-electron-data-')];
  try {
    createRequire(import.meta.url)(path.join(root, 'dist/main/main.cjs'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    loader._load = original;
    process.argv = argv;
  }
});

describe('Electron shell', () => {
  it('saves an exported document where the user chose in the save dialog', async () => {
    const handler = recorded.ipc.get('rakor:invoke')!;
    const own = { senderFrame: { parent: null, url: 'app://rakor/index.html' } };
    const bytes = Buffer.from('PK fake docx').toString('base64');
    fakeElectron.dialog.answer = { canceled: true };
    expect(await handler(own, 'file.save', { fileName: 'Notulen Rakor KLA.docx', dataBase64: bytes })).toEqual({ ok: true, data: { saved: false } });
    // Linux's dialog asks before replacing only when told to (Windows and macOS always ask).
    expect(recorded.dialogs.at(-1)).toEqual({
      title: 'Simpan dokumen Word',
      defaultPath: expect.stringMatching(/Notulen Rakor KLA\.docx$/),
      filters: [{ name: 'Dokumen Word', extensions: ['docx'] }],
      properties: ['showOverwriteConfirmation'],
    });

    const target = path.join(tempDataDir('rakor-electron-save-'), 'Notulen.docx');
    fakeElectron.dialog.answer = { canceled: false, filePath: target };
    expect(await handler(own, 'file.save', { fileName: 'Notulen.docx', dataBase64: bytes })).toEqual({ ok: true, data: { saved: true, path: target } });
    expect(fs.readFileSync(target, 'utf8')).toBe('PK fake docx');

    fakeElectron.dialog.answer = { canceled: false, filePath: path.join(target, 'inside-a-file', 'x.docx') };
    const failed = await handler(own, 'file.save', { fileName: 'Notulen.docx', dataBase64: bytes });
    expect(failed).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect((failed as { error: { message: string } }).error.message).not.toMatch(/ENOTDIR|\n\s+at /);
  });

  it('asks where to save the paket data dukung in the save dialog (a .zip), and the core writes it there', async () => {
    const handler = recorded.ipc.get('rakor:invoke')!;
    const own = { senderFrame: { parent: null, url: 'app://rakor/index.html' } };
    fakeElectron.dialog.answer = { canceled: true };
    expect(await handler(own, 'evidence.savePackage', { year: 2025 })).toEqual({ ok: true, data: { saved: false } });
    expect(recorded.dialogs.at(-1)).toEqual({
      title: 'Simpan arsip ZIP',
      defaultPath: expect.stringMatching(/Paket data dukung 2025\.zip$/),
      filters: [{ name: 'Arsip ZIP', extensions: ['zip'] }],
      properties: ['showOverwriteConfirmation'],
    });

    const target = path.join(tempDataDir('rakor-electron-paket-'), 'Paket data dukung 2025.zip');
    fakeElectron.dialog.answer = { canceled: false, filePath: target };
    expect(await handler(own, 'evidence.savePackage', { year: 2025 })).toMatchObject({ ok: true, data: { saved: true, path: target, problems: [] } });
    expect(fs.readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('opens a data dukung file with the system viewer: a verified read-only copy named from its real type', async () => {
    const handler = recorded.ipc.get('rakor:invoke')!;
    const own = { senderFrame: { parent: null, url: 'app://rakor/index.html' } };
    const meeting = (await handler(own, 'meeting.create', { title: 'Rakor Foto', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] })) as { ok: true; data: { id: number } };
    // A PNG uploaded under a name that would launch a program: the copy is a .png whatever the name says.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('isi foto')]);
    const attached = (await handler(own, 'evidence.attach', { meetingId: meeting.data.id, fileName: 'foto.jpg.exe', base64: png.toString('base64'), evidenceDate: '2025-03-10' })) as { ok: true; data: { id: number } };
    expect(attached.ok).toBe(true);
    expect(await handler(own, 'evidence.open', { id: attached.data.id })).toEqual({ ok: true, data: { opened: true } });
    const file = recorded.opened.at(-1)!;
    expect(path.basename(file)).toBe('foto.jpg.exe.png');
    expect(fs.readFileSync(file).equals(png)).toBe(true);
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    // A frame that is not ours opens nothing.
    const before = recorded.opened.length;
    expect(await handler({ senderFrame: { parent: null, url: 'https://evil.example/' } }, 'evidence.open', { id: attached.data.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(recorded.opened.length).toBe(before);
  });

  it('opens one sandboxed, context-isolated window without Node, from app://rakor', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0].loaded).toEqual(['app://rakor/index.html']);
    expect(recorded.menu).toBeNull();
    expect(recorded.switches).toContainEqual(['lang', 'id']);
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    recorded.permission?.({}, 'media', (answer: boolean) => { granted = answer; });
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.()).toBe(false);
  });

  it('answers IPC only from its own top-level page', async () => {
    const handler = recorded.ipc.get('rakor:invoke')!;
    const own = { senderFrame: { parent: null, url: 'app://rakor/index.html' } };
    expect(await handler(own, 'system.info', {})).toMatchObject({ ok: true, data: { runtime: 'electron' } });
    const foreign = { senderFrame: { parent: null, url: 'https://evil.example/' } };
    expect(await handler(foreign, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // Our scheme with another host, or a look-alike host, is not our page.
    for (const url of ['app://evil/index.html', 'app://rakor.evil/index.html', 'app://evil.rakor/', 'file:///index.html']) {
      expect(await handler({ senderFrame: { parent: null, url } }, 'system.info', {}), url).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    const iframe = { senderFrame: { parent: {}, url: 'app://rakor/index.html' } };
    expect(await handler(iframe, 'agency.delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handler({ senderFrame: null }, 'system.info', {})).toMatchObject({ ok: false });
    expect(await handler(own, 'agency.create', { kind: 'opd', name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('blocks navigation away, redirects, webviews and new windows', () => {
    const contents = fakeContents();
    recorded.appEvents.get('web-contents-created')?.({}, contents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://rakor/index.html#/instansi')).toBe(false);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-attach-webview', '')).toBe(true);
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const handler = recorded.protocolHandler!;
    const page = await handler(new Request('app://rakor/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    expect((await handler(new Request('app://rakor/..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect(recorded.privileged).toContainEqual(expect.objectContaining({ scheme: 'app' }));
  });
});
