import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { createBackend } from '../src-main/core/backend';
import { databasePath, openDatabase } from '../src-main/core/db/database';
import { startWebServer } from '../src-main/web/server';
import { generateRegency, LARGE_REGENCY } from './generate-regency';

// Start-up time on the large generated regency (bench/generate-regency.ts):
//  1. a cold process through the same start-up path as Electron (lock, health check,
//     migrations) and the first queries (meeting list + the newest meeting), next to a cold
//     process that only opens the file and runs the same SELECTs with better-sqlite3;
//  2. the first usable screen in Chromium through the web runtime: from starting the backend
//     to the home screen painted with its data, and to the meeting list showing the newest rakor.
// Medians of RUNS. Needs `npm run build:renderer` and /usr/bin/chromium.
//   npx tsx bench/startup.ts [runs]

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const RUNS = Number(process.argv[2] ?? 9);
const NODE = fs.existsSync(path.join(root, 'node_modules/node/bin/node')) ? path.join(root, 'node_modules/node/bin/node') : process.execPath;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => ms.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

interface ChildTimes { loadMs: number; open: number; listMs: number; getMs: number; total: number }

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-bench-start-'));
  const db = openDatabase(databasePath(dataDir));
  const counts = generateRegency(db, LARGE_REGENCY);
  db.close();
  const size = fs.statSync(databasePath(dataDir)).size;

  // Bundled like dist/main/main.cjs (esbuild, better-sqlite3 external), two levels below the root.
  const bundleDir = path.join(root, '.tmp', `bench-startup-${process.pid}`);
  const bundles = { app: path.join(bundleDir, 'startup-app.mjs'), raw: path.join(bundleDir, 'startup-raw.mjs') };
  for (const [mode, outfile] of Object.entries(bundles)) {
    await build({ entryPoints: [path.join(here, `support/startup-${mode}.ts`)], bundle: true, platform: 'node', format: 'esm', target: 'node22', external: ['better-sqlite3'], outfile, logLevel: 'silent' });
  }
  const child = (mode: keyof typeof bundles): ChildTimes => {
    const started = performance.now();
    const out = execFileSync(NODE, [bundles[mode], dataDir], { cwd: root, encoding: 'utf8' });
    return { ...(JSON.parse(out) as ChildTimes), total: performance.now() - started };
  };
  const app: ChildTimes[] = [];
  const raw: ChildTimes[] = [];
  child('app');
  child('raw'); // warm the page cache for both alike
  for (let i = 0; i < RUNS; i++) {
    app.push(child('app'));
    raw.push(child('raw'));
  }
  fs.rmSync(bundleDir, { recursive: true, force: true });

  // The first screen in Chromium, the browser already running (as Electron's is, in-process).
  const newest = (() => {
    const ro = new Database(databasePath(dataDir), { readonly: true });
    const row = ro.prepare(`SELECT title FROM meeting ORDER BY date DESC, id DESC LIMIT 1`).get() as { title: string };
    ro.close();
    return row.title;
  })();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const home: number[] = [];
  const list: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    const backend = createBackend({ dataDir, runtime: 'web', log: () => undefined });
    const server = await startWebServer({ backend, staticDir: path.join(root, 'dist/renderer') });
    await page.goto(server.openUrl);
    await page.locator('#home-title').waitFor();
    await page.locator('table.data-table tbody tr, .empty-state').first().waitFor();
    home.push(performance.now() - started);
    const toList = performance.now();
    await page.evaluate(() => { window.location.hash = '/rapat'; });
    await page.getByText(newest, { exact: false }).first().waitFor();
    list.push(home[home.length - 1] + performance.now() - toList);
    await context.close();
    await server.close();
    backend.close();
  }
  await browser.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const m = (xs: ChildTimes[], k: keyof ChildTimes) => median(xs.map((x) => x[k]));
  console.log(`Data: ${counts.meetings} rapat, ${counts.attendees} baris hadir, ${counts.actions} RTL, ${counts.budgets} baris anggaran; berkas ${(size / 1048576).toFixed(1)} MB. Median dari ${RUNS} kali, milidetik.\n`);
  console.log('| Langkah | Rakor KLA (jalur mulai Electron) | better-sqlite3 langsung |');
  console.log('|---|---:|---:|');
  console.log(`| Proses baru sampai modul termuat | ${fmt(m(app, 'loadMs'))} | ${fmt(m(raw, 'loadMs'))} |`);
  console.log(`| Buka folder data (kunci, pemeriksaan, migrasi) / buka berkas | ${fmt(m(app, 'open'))} | ${fmt(m(raw, 'open'))} |`);
  console.log(`| Daftar rapat pertama | ${fmt(m(app, 'listMs'))} | ${fmt(m(raw, 'listMs'))} |`);
  console.log(`| Rapat terbaru (ruang kerja) | ${fmt(m(app, 'getMs'))} | ${fmt(m(raw, 'getMs'))} |`);
  console.log(`| Seluruh proses (spawn sampai selesai) | ${fmt(m(app, 'total'))} | ${fmt(m(raw, 'total'))} |`);
  console.log('');
  console.log('| Layar pertama di Chromium (runtime web) | median | terlama |');
  console.log('|---|---:|---:|');
  console.log(`| Backend + server + Beranda tampil dengan datanya | ${fmt(median(home))} | ${fmt(Math.max(...home))} |`);
  console.log(`| ... lalu daftar Rapat menampilkan rakor terbaru | ${fmt(median(list))} | ${fmt(Math.max(...list))} |`);
}

await main();
