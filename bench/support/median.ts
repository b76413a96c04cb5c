// Medians of timed runs, as every benchmark here reports them: a few warm-up calls first (the
// statement cache, V8's optimiser), then `runs` timed calls.

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median time of `runs` calls of `fn`, in ms, after `warmups` untimed ones. */
export async function medianTime(fn: () => unknown, runs: number, warmups = 5): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
