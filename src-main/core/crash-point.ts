// Named points where the crash tests kill the process (SIGKILL, like a power cut or the task
// manager): with RAKOR_CRASH_AT=<name> in the environment the process dies right there. Without
// it this is a string comparison; no behaviour changes. The names are listed in one place so a
// test can go through every step of a procedure.

export const CRASH_ENV = 'RAKOR_CRASH_AT';

export const RESTORE_STEPS = [
  'restore:staged',
  'restore:safety-backup',
  'restore:journal',
  'restore:evidence-one',
  'restore:evidence-placed',
  'restore:moved-main',
  'restore:moved-all',
  'restore:renamed',
  'restore:opened',
] as const;

export const BACKUP_STEPS = ['backup:snapshot', 'backup:evidence-stored', 'backup:partial-written', 'backup:renamed'] as const;

/** An evidence attach: temp file fsynced, renamed into the store, row inserted (not committed). */
export const EVIDENCE_STEPS = ['evidence:temp-written', 'evidence:renamed', 'evidence:inserted'] as const;

export type CrashPoint = (typeof RESTORE_STEPS)[number] | (typeof BACKUP_STEPS)[number] | (typeof EVIDENCE_STEPS)[number];

export function crashPoint(name: CrashPoint): void {
  if (process.env[CRASH_ENV] === name) process.kill(process.pid, 'SIGKILL');
}
