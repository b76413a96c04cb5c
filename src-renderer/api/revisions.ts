import type { OpName } from '../../shared/api/contract';
import type { MeetingWorkspace } from '../../shared/meeting';

// No lost updates (issue 9): every edit says which revision of its row the screen last saw, and
// the core refuses it (STALE) when the row has moved on since. This module remembers, per row,
// that revision, and runs the writes of one row one after the other, so the second of two
// fields saved back to back is sent with the revision the first one produced.
//
// Where the known revision comes from:
// - a read (the workspace of a meeting, the agency list, the region profile) records a row's
//   revision only the FIRST time the row is seen: a later read of a row another window changed
//   must not move it on, since the fields on screen still show (and are edited from) the older
//   value; the next write of that row then meets STALE and the screen offers the newer value;
// - every successful write records the revision it returned (our own write is what we see);
// - resolving a conflict records the revision of the row the conflict reported.

const known = new Map<string, number>();
const chains = new Map<string, Promise<unknown>>();

/** Operations that edit one revised row, and how their input names that row. */
const ROW_OF: Partial<Record<OpName, (input: Record<string, unknown>) => string>> = {
  'meeting.update': (i) => `meeting:${String(i.id)}`,
  'agendaItem.update': (i) => `agendaItem:${String(i.id)}`,
  'attendance.update': (i) => `attendance:${String(i.id)}`,
  'decision.update': (i) => `decision:${String(i.id)}`,
  'budgetLine.update': (i) => `budgetLine:${String(i.id)}`,
  'actionItem.update': (i) => `actionItem:${String(i.id)}`,
  'agency.update': (i) => `agency:${String(i.id)}`,
  'regionProfile.update': () => 'regionProfile',
  'indicatorReview.upsert': (i) => `indicatorReview:${String(i.meetingId)}:${String(i.indicatorId)}`,
  'followUp.record': (i) => `followUp:${String(i.meetingId)}:${String(i.actionItemId)}`,
  'evidence.update': (i) => `evidence:${String(i.id)}`,
};

/** The row an edit writes, or undefined when the operation is not a revised edit. */
export function rowKeyOf(name: OpName, input: unknown): string | undefined {
  return ROW_OF[name]?.(input as Record<string, unknown>);
}

/** The revision of a row the screen last saw (undefined: never seen, e.g. a review not yet created). */
export function knownRevision(rowKey: string): number | undefined {
  return known.get(rowKey);
}

/** Records the revision of our own write, or of a conflict the user resolved. */
export function noteRevision(rowKey: string, revision: number | undefined): void {
  if (typeof revision === 'number') known.set(rowKey, revision);
}

/** Records what a read showed, for rows not seen before (see above). */
function seen(rowKey: string, row: { revision?: number } | null | undefined): void {
  if (row && typeof row.revision === 'number' && !known.has(rowKey)) known.set(rowKey, row.revision);
}

/** Reads whose rows are edited through a revised write. */
export function seedFromRead(read: unknown, data: unknown): void {
  if (!data) return;
  if (read === 'meeting.get') {
    const ws = data as MeetingWorkspace;
    seen(`meeting:${ws.meeting.id}`, ws.meeting);
    for (const r of ws.agenda) seen(`agendaItem:${r.id}`, r);
    for (const r of ws.attendance) seen(`attendance:${r.id}`, r);
    for (const r of ws.decisions) seen(`decision:${r.id}`, r);
    for (const r of ws.budgetLines) seen(`budgetLine:${r.id}`, r);
    for (const r of ws.actions) seen(`actionItem:${r.id}`, r);
    for (const r of ws.reviews) seen(`indicatorReview:${r.meetingId}:${r.indicatorId}`, r);
    for (const a of ws.previousActions) if (a.reviewHere) seen(`followUp:${a.reviewHere.meetingId}:${a.id}`, a.reviewHere);
  } else if (read === 'agency.list') {
    for (const r of data as { id: number; revision: number }[]) seen(`agency:${r.id}`, r);
  } else if (read === 'regionProfile.get') {
    seen('regionProfile', data as { revision: number });
  } else if (read === 'evidence.list') {
    for (const r of data as { id: number; revision: number }[]) seen(`evidence:${r.id}`, r);
  } else if (read === 'budgetLine.list') {
    for (const r of data as { id: number; revision: number }[]) seen(`budgetLine:${r.id}`, r);
  }
}

/**
 * Runs `send` after every earlier write of the same row has finished (whatever its outcome), so
 * the revision it reads at send time is the one the earlier write produced.
 */
export function inRowOrder<T>(rowKey: string, send: () => Promise<T>): Promise<T> {
  const previous = chains.get(rowKey) ?? Promise.resolve();
  const next = previous.then(send, send);
  const settled = next.then(() => undefined, () => undefined);
  chains.set(rowKey, settled);
  void settled.then(() => {
    if (chains.get(rowKey) === settled) chains.delete(rowKey);
  });
  return next;
}
