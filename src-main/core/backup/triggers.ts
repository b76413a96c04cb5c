// When an operation closes a meeting, the backend takes a backup: the minutes of a finished
// rakor are the data most worth having twice. Named here, not in the meeting feature, so the
// meeting code needs no knowledge of backups.

const CLOSING_OPS = new Set(['meeting.close', 'meeting.finish']);

export function closesMeeting(opName: string, parsedInput: unknown): boolean {
  if (CLOSING_OPS.has(opName)) return true;
  if (!opName.startsWith('meeting.')) return false;
  const status = (parsedInput as { status?: unknown } | null)?.status;
  return status === 'selesai' && /^meeting\.(update|setStatus|status)$/.test(opName);
}
