// Uploads reach the core in the order the renderer sent them. It sends a few files at once, in
// the order they were dropped, each with its place (EVIDENCE_ORDER_HEADER: "<send>:<index>"); the
// requests and their bodies arrive in any order (four requests started together reach the
// server in whatever order the sockets are read), but the core numbers rows in the order
// attaches are handed to it, and 200 photos should be listed as dropped. So an upload whose
// body is in waits until the one before it in the same send has been handed on, or has ended
// (refused, its connection closed), or for at most MAX_WAIT_MS: a lost request delays the
// next one a little, never stops it. Without a place an upload goes straight on.

export const MAX_WAIT_MS = 3000;

export interface Place {
  /** Resolves when the upload before this one has been handed on or ended (or after MAX_WAIT_MS). */
  turn: Promise<void>;
  /** Lets the next one go; safe to call more than once. */
  done(): void;
}

interface Send {
  next: number;
  waiting: Map<number, () => void>;
}

/** The sends in progress are few; the oldest are forgotten. */
const KEPT_SENDS = 16;

export function uploadOrder(): { take(place: string | undefined): Place } {
  const sends = new Map<string, Send>();
  return {
    take(place) {
      const match = /^([\w-]{1,64}):(\d{1,6})$/.exec(place ?? '');
      if (!match) return { turn: Promise.resolve(), done: () => undefined };
      const key = match[1]!;
      const index = Number(match[2]);
      let send = sends.get(key);
      if (!send) {
        send = { next: 0, waiting: new Map() };
        sends.set(key, send);
        if (sends.size > KEPT_SENDS) sends.delete(sends.keys().next().value!);
      }
      const own = send;
      let released = false;
      return {
        turn:
          index <= own.next ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, MAX_WAIT_MS);
              own.waiting.set(index, () => {
                clearTimeout(timer);
                resolve();
              });
            }),
        done() {
          if (released) return;
          released = true;
          own.waiting.delete(index);
          if (index + 1 > own.next) own.next = index + 1;
          own.waiting.get(own.next)?.();
        },
      };
    },
  };
}
