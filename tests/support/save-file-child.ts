import { writeExportFile } from '../../src-main/core/export/save-file';

// The child of tests/export/save-file-cut-short.test.ts: `<file> <bytes>` writes that many bytes
// through writeExportFile, as the app saves an export, and prints the outcome as JSON. Its parent
// starts it under a file-size limit, so the write is cut short for real.

const [file, size] = process.argv.slice(2);
try {
  await writeExportFile(file, new Uint8Array(Number(size)).fill(7));
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (error) {
  const { name, code, message } = error as { name: string; code: string; message: string };
  process.stdout.write(JSON.stringify({ ok: false, name, code, message }));
}
