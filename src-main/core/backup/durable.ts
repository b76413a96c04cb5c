import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

// Writes that survive a power cut: file content fsynced before the rename that publishes it,
// and the folder fsynced after, so the rename itself is on disk.

export function writeDurably(file: string, bytes: Uint8Array | string): void {
  const fd = fs.openSync(file, 'w');
  try {
    if (typeof bytes === 'string') fs.writeSync(fd, bytes);
    else fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Folders cannot be opened for fsync on Windows; there NTFS journals the rename itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* best effort: some file systems (network shares) refuse it */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** fsyncDir on the thread pool, so several folders are flushed at once and the caller's thread is free. */
export async function fsyncDirAsync(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort, as fsyncDir */
  } finally {
    await handle?.close();
  }
}

/** Replaces `file` atomically with `content`: written beside it, fsynced, renamed. */
export function writeFileDurably(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  writeDurably(tmp, content);
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}
