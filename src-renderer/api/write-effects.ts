import type { QueryClient } from '@tanstack/react-query';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import type { MeetingWorkspace } from '../../shared/meeting';

// THE one place that says what a write changes on screen. Two kinds of write:
// - a structural write (create, delete, reorder, status change, set) makes the reads listed for
//   its feature in AFFECTS stale and reads again the ones on screen;
// - a field write (what autosave sends, one field per keystroke pause) puts the row it returned
//   into the cached reads that show it (FIELD_WRITES), so totals, headings and counts follow at
//   once without reading the whole meeting again; the other reads of AFFECTS are only marked
//   stale and read again when a screen next needs them.

/** The feature of an operation: its name up to the first dot ("actionItem.create" -> "actionItem"). */
type Feature<N extends string> = N extends `${infer F}.${string}` ? F : never;

/**
 * Papan indikator and rekap per instansi read across features (reviews, RTLs and their status,
 * budget, assignments, attendance, agency and meeting names, the region's today).
 */
const YEAR_VIEWS: OpName[] = ['reference.board', 'reference.indicatorHistory', 'agency.recap'];

/** Per feature, the reads that show its rows. "meeting.get" is narrowed to the meeting written when known. */
// Deletes send rows to Terhapus, so the features that delete list 'trash.list' too.
export const AFFECTS: Record<Feature<OpName>, OpName[]> = {
  system: [],
  // Changing the region type renames the seeded agencies ("BNN Kota").
  regionProfile: ['regionProfile.get', 'agency.list', 'meeting.get', 'meeting.draftFor', 'score.summary', 'dashboard.home', ...YEAR_VIEWS],
  // setUsualAgencies changes what a new rakor of the klaster proposes to invite (meeting.draftFor).
  reference: ['reference.get', 'reference.years', 'meeting.get', 'score.summary', 'score.whatIf', 'meeting.perYear', 'dashboard.home', 'meeting.draftFor', 'actionItem.track', ...YEAR_VIEWS],
  score: ['score.list', 'score.summary', 'score.whatIf', 'dashboard.home'],
  agency: ['agency.list', 'meeting.get', 'actionItem.track', ...YEAR_VIEWS],
  agencyGroup: ['agencyGroup.list'],
  // Rakor per tahun and Beranda count meetings by status and date; dates, clusters and deletes of
  // meetings change which RTLs the tracker lists and how they read.
  meeting: ['meeting.get', 'meeting.list', 'meeting.years', 'meeting.draftFor', 'trash.list', 'meeting.perYear', 'dashboard.home', 'actionItem.track', ...YEAR_VIEWS],
  agendaItem: ['meeting.get', 'meeting.list', 'meeting.draftFor', 'trash.list'],
  attendance: ['meeting.get', 'meeting.list', 'trash.list', 'agency.recap'],
  indicatorReview: ['meeting.get', 'meeting.list', 'dashboard.home', ...YEAR_VIEWS],
  assignment: ['meeting.get', 'assignment.list', 'reference.board', 'agency.recap'],
  budgetLine: ['meeting.get', 'meeting.list', 'budgetLine.list', 'budgetLine.recap', 'trash.list', 'dashboard.home', 'reference.board', 'agency.recap'],
  actionItem: ['meeting.get', 'meeting.list', 'trash.list', 'actionItem.track', 'dashboard.home', ...YEAR_VIEWS],
  // A follow-up recorded here changes how the earlier meeting's RTL reads too: every meeting.
  // The tracker and Beranda show every RTL's current status.
  followUp: ['meeting.get', 'meeting.list', 'followUp.history', 'followUp.statusChanges', 'actionItem.track', 'dashboard.home', ...YEAR_VIEWS],
  decision: ['meeting.get', 'meeting.list', 'trash.list'],
  backup: ['backup.list', 'backup.settings.get'],
  export: [],
  file: [],
  // A restore from Terhapus brings a meeting or rows of one back.
  trash: ['trash.list', 'meeting.get', 'meeting.list', 'meeting.years', 'budgetLine.list', 'budgetLine.recap', 'evidence.list', 'evidence.completeness', 'meeting.perYear', 'actionItem.track', 'dashboard.home', ...YEAR_VIEWS],
  // Data dukung: its lists and the kelengkapan; a delete also fills Terhapus. setDocumentation
  // (photos of the Lampiran Dokumentasi) marks rows of the meeting's evidence.list; the Pratinjau
  // and the exports read the notulen afresh on each visit, uncached.
  evidence: ['evidence.list', 'evidence.completeness', 'evidence.verify', 'trash.list'],
  // Beranda only reads.
  dashboard: [],
};

type Apply<N extends OpName> = (client: QueryClient, output: OpOutput<N>, input: OpInput<N>) => void;

/** Applies a change to the cached workspace of one meeting (if it is cached). */
function inWorkspace<N extends OpName>(meetingId: (output: OpOutput<N>, input: OpInput<N>) => number, change: (ws: MeetingWorkspace, output: OpOutput<N>) => MeetingWorkspace): Apply<N> {
  return (client, output, input) =>
    client.setQueriesData<MeetingWorkspace>({ queryKey: ['meeting.get', { id: meetingId(output, input) }] }, (ws) => (ws ? change(ws, output) : ws));
}

type WorkspaceList = 'agenda' | 'attendance' | 'decisions' | 'budgetLines' | 'actions';
/** Replaces the row with the same id in one list of the workspace. */
function replaceRow<N extends OpName>(list: WorkspaceList): Apply<N> {
  return inWorkspace<N>(
    (output) => (output as { meetingId: number }).meetingId,
    (ws, output) => {
      const row = output as { id: number };
      return { ...ws, [list]: (ws[list] as { id: number }[]).map((r) => (r.id === row.id ? row : r)) };
    },
  );
}

/** Field writes: the autosaved updates, each with how its returned row enters the cache (null: it shows nowhere derived). */
export const FIELD_WRITES: { [N in OpName]?: Apply<N> | null } = {
  'meeting.update': inWorkspace((m) => m.id, (ws, meeting) => ({ ...ws, meeting })),
  'agendaItem.update': replaceRow('agenda'),
  'attendance.update': replaceRow('attendance'),
  'decision.update': replaceRow('decisions'),
  'budgetLine.update': replaceRow('budgetLines'),
  'actionItem.update': replaceRow('actions'),
  'indicatorReview.upsert': inWorkspace((r) => r.meetingId, (ws, review) => ({
    ...ws,
    reviews: ws.reviews.some((r) => r.indicatorId === review.indicatorId)
      ? ws.reviews.map((r) => (r.indicatorId === review.indicatorId ? review : r))
      : [...ws.reviews, review],
  })),
  'followUp.record': inWorkspace((u) => u.meetingId, (ws, update) => ({
    ...ws,
    previousActions: ws.previousActions.map((a) => (a.id === update.actionItemId ? { ...a, reviewHere: update } : a)),
  })),
  'regionProfile.update': (client, profile) => client.setQueriesData({ queryKey: ['regionProfile.get'] }, profile),
  // The score screen's cells: the summary they return replaces the cached one of that year.
  'score.setIndicator': (client, summary) => client.setQueriesData({ queryKey: ['score.summary', { year: summary.year }] }, summary),
  // Opening a file with the system viewer changes no row (listed so its reads are not refetched).
  'evidence.open': null,
  // Saving the paket data dukung writes a .zip outside the data folder, no row.
  'evidence.savePackage': null,
  'reference.updateCluster': null,
  'reference.updateIndicator': null,
  'reference.updateSubIndicator': null,
};

/** The meeting a write belongs to, when the input or the returned row says so. */
function meetingIdOf(name: OpName, input: unknown, output: unknown): number | undefined {
  const i = (input ?? {}) as { meetingId?: number; id?: number };
  const o = (output ?? {}) as { meetingId?: number; id?: number };
  if (name === 'followUp.record') return undefined;
  if (typeof i.meetingId === 'number') return i.meetingId;
  if (typeof o.meetingId === 'number') return o.meetingId;
  if (name.startsWith('meeting.')) return i.id ?? o.id;
  return undefined;
}

/** What the renderer does after a write succeeded: resolves once the reads on screen are current. */
export async function afterWrite<N extends OpName>(client: QueryClient, name: N, input: OpInput<N>, output: OpOutput<N>): Promise<void> {
  const feature = name.slice(0, name.indexOf('.')) as Feature<OpName>;
  const meetingId = meetingIdOf(name, input, output);
  const keys = AFFECTS[feature].map((read) => (read === 'meeting.get' && meetingId !== undefined ? [read, { id: meetingId }] : [read]));
  const field = FIELD_WRITES[name] as Apply<N> | null | undefined;
  if (field !== undefined) {
    field?.(client, output, input);
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey, refetchType: 'none' })));
    return;
  }
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * "Muat ulang" after a conflict: the row another window stored (STALE's `current`) replaces ours in
 * the cached reads that show it; an edit without such a place has its feature's reads read again.
 */
export function takeCurrentRow(client: QueryClient, name: OpName, current: unknown, input: unknown): void {
  const field = FIELD_WRITES[name] as Apply<OpName> | null | undefined;
  if (field) {
    field(client, current as OpOutput<OpName>, input as OpInput<OpName>);
    return;
  }
  const feature = name.slice(0, name.indexOf('.')) as Feature<OpName>;
  for (const read of AFFECTS[feature]) void client.invalidateQueries({ queryKey: [read] });
}
