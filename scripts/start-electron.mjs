// `npm start`: opens the desktop app. Where the Electron binary is missing and cannot be fetched
// (a laptop without internet), say so plainly and point at the browser mode instead of showing
// the electron package's stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let executable;
try {
  // Resolves the binary, downloading it on first use where the network allows.
  executable = require('electron');
} catch {
  console.error(
    '\nElectron belum terpasang di komputer ini (perlu internet sekali untuk mengunduhnya).\n' +
      'Buka aplikasi yang sama di peramban:  npm run start:web\n\n' +
      'Electron is not installed here (it needs internet once). Run the same app in a browser: npm run start:web\n',
  );
  process.exit(1);
}
const child = spawn(executable, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
