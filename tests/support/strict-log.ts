// The core reports what it could not answer (an INTERNAL error, a failed automatic backup, a
// damaged database moved aside) only through its `log`. A test helper that swallowed the log
// would let such an error pass as long as the assertions happened to hold, so the tests' log
// throws instead: inside `backend.invoke` that rejects the call, in a background job it is an
// unhandled rejection, and either fails the test. A test that provokes a report lists it.

export type BackendLog = (message: string, error: unknown) => void;

export function strictLog(allowed: RegExp[] = []): BackendLog {
  return (message, error) => {
    if (allowed.some((pattern) => pattern.test(message))) return;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`unexpected backend log "${message}": ${detail}`);
  };
}

/** What the backend logs when its start-up check moved a damaged database aside. */
export const DAMAGE_REPORT = /^database damaged, moved aside$/;
