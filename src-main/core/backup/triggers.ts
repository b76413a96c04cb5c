import type { OpName } from '../../../shared/api/contract';

// When an operation closes a meeting, the backend takes a backup: the minutes of a finished
// rakor are the data most worth having twice. Named here, not in the meeting feature, so the
// meeting code needs no knowledge of backups. Typed by the contract: a renamed op breaks the build.

const CLOSING_OPS: ReadonlySet<OpName> = new Set<OpName>(['meeting.close']);

export function closesMeeting(opName: string): boolean {
  return CLOSING_OPS.has(opName as OpName);
}
