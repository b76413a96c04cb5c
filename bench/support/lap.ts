// Milliseconds since this process started (modules already loaded), then since the last lap.
export function stopwatch(): { loadMs: number; lap(): number; report(times: Record<string, number>): void } {
  const t0 = performance.now();
  let last = t0;
  return {
    loadMs: Math.round(t0),
    lap() {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return Math.round(ms * 10) / 10;
    },
    report(times) {
      process.stdout.write(JSON.stringify({ loadMs: Math.round(t0), ...times }));
    },
  };
}
