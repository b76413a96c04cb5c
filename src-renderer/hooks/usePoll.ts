import { useEffect, useRef } from 'react';

/**
 * Asks `ask` at once and then every `everyMs` while mounted, handing each answer to `onAnswer`
 * (failures are ignored: the next ask tries again). For the progress of long work the core
 * answers while it runs (backup.progress, evidence.packageStatus); plain calls, not cached
 * queries, so a bar never shows a stale answer. `key` restarts the polling when it changes.
 */
export function usePoll<T>(ask: () => Promise<T>, onAnswer: (value: T) => void, key: unknown, everyMs = 500): void {
  const latest = useRef({ ask, onAnswer });
  useEffect(() => {
    latest.current = { ask, onAnswer };
  });
  useEffect(() => {
    let stopped = false;
    const poll = () =>
      latest.current.ask().then(
        (value) => {
          if (!stopped) latest.current.onAnswer(value);
        },
        () => undefined,
      );
    void poll();
    const timer = window.setInterval(() => void poll(), everyMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [key, everyMs]);
}
