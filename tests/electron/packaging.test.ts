import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from '../support/web-runtime';

// electron-builder cannot produce a runnable app here (no Electron binary can be downloaded),
// but given a stand-in Electron folder it assembles everything else. That is enough to check
// what the installer would carry: the bundled main process and renderer inside app.asar, and
// the native SQLite addon unpacked beside it where Node can load it.

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

describe('desktop package', () => {
  it('carries the bundles in app.asar and better-sqlite3 unpacked, and nothing else from node_modules', () => {
    const work = tempDataDir('rakor-pack-');
    const stub = path.join(work, 'electron-stub');
    fs.mkdirSync(stub);
    fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const out = path.join(work, 'out');
    execFileSync(bin('electron-builder'), ['--linux', 'dir', `-c.electronDist=${stub}`, '-c.npmRebuild=false', '-c.electronVersion=45.3.4', `-c.directories.output=${out}`], {
      cwd: root, stdio: 'ignore', timeout: 120_000,
    });
    const resources = path.join(out, 'linux-unpacked', 'resources');
    const listing = execFileSync(bin('asar'), ['list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('/dist/main/main.cjs');
    expect(listing).toContain('/dist/main/preload.cjs');
    expect(listing).toContain('/dist/renderer/index.html');
    const packages = new Set(listing.filter((l) => l.startsWith('/node_modules/')).map((l) => l.split('/')[2]));
    // better-sqlite3 and its one runtime helper; React, docx, zod are inside the bundles.
    expect([...packages].sort()).toEqual(['better-sqlite3', 'node-addon-api']);
    expect(listing.some((l) => l.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'win32-x64.node'))).toBe(true);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
