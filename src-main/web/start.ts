import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/backend';
import { defaultDataDir } from '../core/data-dir';
import { AppError } from '../../shared/errors';
import { startWebServer } from './server';

// `npm run start:web [-- --data-dir D] [--port N] [--ambil-alih]`: serves the built renderer on 127.0.0.1.

const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.resolve(here, '../../dist/renderer');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'ambil-alih': { type: 'boolean' } },
    allowPositionals: false,
  });
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Port tidak valid: gunakan angka 1–65535.');
    return 2;
  }
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error('Tampilan belum dibangun. Jalankan: npm run build:renderer');
    return 2;
  }
  // Automatic backups run in the background once the server is up (see createBackend).
  const backend = createBackend({ dataDir, runtime: 'web', autoBackup: true, takeOverLock: values['ambil-alih'] === true });
  const server = await startWebServer({ backend, staticDir, port });
  console.log(`Rakor KLA berjalan. Buka alamat ini di peramban / open this address in a browser:\n\n  ${server.openUrl}\n`);
  console.log(`Folder data: ${dataDir}`);
  if (backend.recoveryNeeded()) console.log('PERHATIAN: basis data rusak dan sudah dipindahkan ke samping. Buka aplikasi untuk memulihkannya dari cadangan.');
  console.log('Tekan Ctrl+C untuk berhenti.');
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof AppError ? error.message : `Gagal memulai: ${(error as Error).message}`);
    process.exit(1);
  },
);
