// Long CLI work (a year's paket data dukung, a backup with gigabytes of files) shows how far it
// is on a terminal: one line rewritten in place. Into a file or a pipe nothing is written, so a
// script reading the output sees only the result lines it always saw.

/** A terminal line is rewritten at most this often: a paket of thousands of files would otherwise flood it. */
const INTERVAL_MS = 200;

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A progress callback (fraction 0..1) for `label`, or undefined when `out` is not a terminal. */
export function terminalProgress(out: ProgressOutput, label: string, now: () => number = Date.now): ((fraction: number) => void) | undefined {
  if (!out.isTTY) return undefined;
  let shownAt = -Infinity;
  let ended = false;
  return (fraction) => {
    if (ended) return;
    const done = fraction >= 1;
    if (!done && now() - shownAt < INTERVAL_MS) return;
    shownAt = now();
    ended = done;
    // Whole percents, floored: "100%" only once everything is written.
    const percent = Math.min(100, Math.floor(Math.max(0, fraction) * 100));
    out.write(`\r${label}: ${percent}%${done ? '\n' : ''}`);
  };
}
