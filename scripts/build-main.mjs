// Bundles the Electron main process and the preload into CommonJS files in dist/main.
// electron and better-sqlite3 (a native addon) stay external; everything else is inlined.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/main/main.cjs',
  // src-main/core/version.ts reads package.json relative to import.meta.url.
  define: { 'import.meta.url': '__rakorImportMetaUrl' },
  banner: { js: "const __rakorImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The worker thread of backup and restore (src-main/core/backup/off-thread.ts looks for it beside main.cjs).
await build({
  ...common,
  entryPoints: ['src-main/core/backup-worker.ts'],
  outfile: 'dist/main/backup-worker.cjs',
  define: { 'import.meta.url': '__rakorImportMetaUrl' },
  banner: { js: "const __rakorImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// A sandboxed preload must be a single CommonJS file that requires nothing but 'electron'.
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/main/preload.cjs' });
console.log('dist/main/main.cjs, dist/main/backup-worker.cjs dan dist/main/preload.cjs dibangun.');
