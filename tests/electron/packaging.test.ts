import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempDataDir } from '../support/web-runtime';

// electron-builder cannot produce a runnable app here (no Electron binary can be downloaded),
// but given a stand-in Electron folder it assembles everything else. That is enough to check
// what the package carries (the bundles inside app.asar, only this platform's SQLite addon
// unpacked beside it) and that the fuses are really flipped: the stand-in binary carries
// Electron's fuse sentinel followed by a fuse wire, exactly where @electron/fuses looks for it
// in a real binary, and the test reads the flipped bytes back.
//
// Targets built here: Linux `dir`. AppImage and deb need tools electron-builder downloads
// (appimagetool, fpm), Windows needs a real PE binary to embed the asar integrity into and
// NSIS; none can be had offline, so for those the configuration is checked instead.

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// A V1 fuse wire with Electron's defaults: version 1, 8 fuses, '1' enabled / '0' disabled.
const SHIPPED_WIRE = '10110001';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];

interface Packed {
  resources: string;
  binary: Buffer;
  listing: string[];
}
let linux: Packed;
let work: string;

beforeAll(() => {
  work = tempDataDir('rakor-pack-');
  const stub = path.join(work, 'electron-stub');
  fs.mkdirSync(stub);
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\n# stand-in for the Electron binary\n${SENTINEL}`), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(`${SHIPPED_WIRE}\n`)]);
  fs.writeFileSync(path.join(stub, 'electron'), wire, { mode: 0o755 });
  const out = path.join(work, 'out');
  execFileSync(bin('electron-builder'), ['--linux', 'dir', `-c.electronDist=${stub}`, '-c.npmRebuild=false', '-c.electronVersion=45.3.4', `-c.directories.output=${out}`], {
    cwd: root, stdio: 'ignore', timeout: 180_000,
  });
  const resources = path.join(out, 'linux-unpacked', 'resources');
  linux = {
    resources,
    binary: fs.readFileSync(path.join(out, 'linux-unpacked', 'rakor-kla')),
    listing: execFileSync(bin('asar'), ['list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).split('\n'),
  };
}, 240_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function fuseStates(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(SENTINEL);
  expect(at).toBeGreaterThan(-1);
  const version = binary[at + SENTINEL.length];
  const length = binary[at + SENTINEL.length + 1];
  expect(version).toBe(1);
  const states: Record<string, boolean> = {};
  for (let i = 0; i < length; i++) {
    const byte = String.fromCharCode(binary[at + SENTINEL.length + 2 + i]);
    expect(['0', '1']).toContain(byte);
    states[FUSES[i]] = byte === '1';
  }
  return states;
}

describe('desktop package (Linux dir)', () => {
  it('carries the bundles in app.asar and better-sqlite3 unpacked, and nothing else from node_modules', () => {
    const { listing } = linux;
    expect(listing).toContain('/dist/main/main.cjs');
    expect(listing).toContain('/dist/main/preload.cjs');
    // The worker thread of backup and restore (loaded from app.asar: Electron supports asar in workers).
    expect(listing).toContain('/dist/main/backup-worker.cjs');
    expect(listing).toContain('/dist/renderer/index.html');
    const packages = new Set(listing.filter((l) => l.startsWith('/node_modules/')).map((l) => l.split('/')[2]));
    // better-sqlite3 and its one runtime helper; React, docx, zod are inside the bundles.
    expect([...packages].sort()).toEqual(['better-sqlite3', 'node-addon-api']);
    expect(listing.some((l) => l.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
    expect(listing.some((l) => l.endsWith('.map'))).toBe(false);
  });

  it('carries only this platform\'s SQLite binary', () => {
    const prebuilds = path.join(linux.resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
    expect(fs.readdirSync(prebuilds)).toEqual([`linux-x64.node`]);
    expect(linux.listing.filter((l) => l.endsWith('.node'))).toEqual(['/node_modules/better-sqlite3/prebuilds/linux-x64.node']);
  });

  it('flips the Electron fuses in the packaged binary', () => {
    expect(fuseStates(Buffer.from(`${SENTINEL}\u0001\u0008${SHIPPED_WIRE}`))).toMatchObject({ RunAsNode: true, EnableNodeOptionsEnvironmentVariable: true });
    expect(fuseStates(linux.binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('installer configuration (targets that cannot be built offline)', () => {
  // js-yaml comes with electron-builder, which reads this same file with it.
  const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('names the publisher, the app id and the icon', () => {
    expect(typeof pkg.author === 'string' ? pkg.author : (pkg.author as { name?: string })?.name).toBeTruthy();
    expect(config.appId).toBe('id.go.kla.rakor');
    expect(fs.existsSync(path.join(root, String(config.icon)))).toBe(true);
    expect((pkg.scripts as Record<string, string>).dist).toMatch(/electron-builder/);
  });

  it('Windows: per-user NSIS installer in Indonesian and a portable exe, only win32 binaries', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['id_ID'], language: '1057' });
    expect(config.win.files).toEqual(['!node_modules/better-sqlite3/prebuilds/!(win32-${arch}).node']);
  });

  it('Linux: AppImage and deb; macOS keeps only darwin binaries', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.files).toEqual(['!node_modules/better-sqlite3/prebuilds/!(darwin-${arch}).node']);
  });
});
