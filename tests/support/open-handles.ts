import fs from 'node:fs';

/**
 * This process's open file descriptors that point at `file` or at a name beginning with it (its
 * temporary twin, "(deleted)" once removed): a writer that fails or finishes must leave none, or
 * Windows keeps the file locked. Linux only (/proc), as the test machines are.
 */
export function openHandlesOn(file: string): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // the descriptor readdir itself used, closed since
      }
    })
    .filter((link) => link.startsWith(file));
}
