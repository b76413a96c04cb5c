import type { Db } from './database';
import type { TrashEntry, TrashKind } from '../../../shared/api/trash';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { nowIso } from './clock';

// Terhapus, the mechanism: a delete serializes the row and everything that goes with it (its
// child rows of every table, found through one table graph below) into one trash entry, then
// hard-deletes them, so no query anywhere needs a "deleted" filter. A restore re-inserts the same
// rows with their original ids in one transaction. This file sits at the db level (it imports
// only db/ and shared/): the one delete path of every feature (deleteMeetingRow, deleteMeeting,
// budget lines) goes through it.

/** Rows of `table` whose `match` column holds one of the parent's ids. */
interface TableNode {
  table: string;
  match: string;
  /** The FK is ON DELETE SET NULL: the rows stay; a restore links them back. */
  unlink?: boolean;
  children?: readonly TableNode[];
}

const actionNode = (match: string): TableNode => ({
  table: 'action_item',
  match,
  children: [
    { table: 'action_item_agency', match: 'action_item_id' },
    { table: 'action_item_update', match: 'action_item_id' },
    { table: 'action_status_change', match: 'action_item_id' },
    // Proof that the RTL was done goes (and comes back) with it; the stored file stays.
    { table: 'evidence', match: 'action_item_id' },
  ],
});

/** What goes with each kind of deleted row. Table and column names come from here, never from input. */
const GRAPH: Record<TrashKind, TableNode> = {
  meeting: {
    table: 'meeting',
    match: 'id',
    children: [
      { table: 'meeting_cluster', match: 'meeting_id' },
      { table: 'meeting_invitation', match: 'meeting_id' },
      { table: 'agenda_item', match: 'meeting_id' },
      { table: 'attendance', match: 'meeting_id' },
      { table: 'decision', match: 'meeting_id' },
      { table: 'indicator_review', match: 'meeting_id', children: [{ table: 'indicator_review_agency', match: 'review_id' }] },
      // Lines entered at the meeting are its facts (the notulen shows only those): they go with it.
      { table: 'budget_line', match: 'meeting_id' },
      // Photos and signed scans of the meeting (data dukung); the stored files stay.
      { table: 'evidence', match: 'meeting_id' },
      actionNode('meeting_id'),
      // Follow-ups of earlier RTLs recorded at this meeting.
      { table: 'action_item_update', match: 'meeting_id' },
      { table: 'assignment', match: 'meeting_id', unlink: true },
    ],
  },
  attendance: { table: 'attendance', match: 'id' },
  agenda_item: { table: 'agenda_item', match: 'id' },
  decision: { table: 'decision', match: 'id' },
  action_item: actionNode('id'),
  budget_line: {
    table: 'budget_line',
    match: 'id',
    // RTLs it funded stay (ON DELETE SET NULL: "Sumber anggaran" becomes empty); a restore links them back.
    children: [{ table: 'action_item', match: 'budget_line_id', unlink: true }],
  },
  evidence: { table: 'evidence', match: 'id' },
};

type Row = Record<string, unknown>;

interface Section {
  table: string;
  match: string;
  unlink?: boolean;
  rows: Row[];
}

export interface TrashPayload {
  version: 1;
  sections: Section[];
}

/** Reads the row and everything that goes with it, parents before children, each row once. */
export function captureRows(db: Db, kind: TrashKind, id: number): Section[] {
  const sections: Section[] = [];
  const seen = new Set<string>();
  const visit = (node: TableNode, parentIds: unknown[]) => {
    if (parentIds.length === 0) return;
    const all = db
      .prepare(`SELECT * FROM ${node.table} WHERE ${node.match} IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(parentIds)) as Row[];
    const rows = all.filter((r) => r.id === undefined || !seen.has(`${node.table}:${String(r.id)}`));
    rows.forEach((r) => r.id !== undefined && seen.add(`${node.table}:${String(r.id)}`));
    sections.push({ table: node.table, match: node.match, unlink: node.unlink, rows });
    for (const child of node.children ?? []) visit(child, rows.map((r) => r.id));
  };
  visit(GRAPH[kind], [id]);
  if (sections[0].rows.length === 0) throw AppError.of('NOT_FOUND', 'error.notFound');
  return sections;
}

/** How many rows of a table a capture holds (for "what will go" in a confirmation). */
export function countRows(sections: Section[], table: string, where: (row: Row) => boolean = () => true): number {
  return sections.filter((s) => s.table === table && !s.unlink).reduce((n, s) => n + s.rows.filter(where).length, 0);
}

function labelOf(db: Db, kind: TrashKind, row: Row): string {
  const text = (value: unknown, max = 80) => {
    const s = String(value ?? '').replace(/\s+/g, ' ').trim();
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  switch (kind) {
    case 'meeting':
      return `Rapat: ${text(row.title)} (${formatDate(String(row.date))})`;
    case 'attendance':
      return `Peserta: ${text(row.name)}`;
    case 'agenda_item':
      return `Agenda: ${text(row.title)}`;
    case 'decision':
      return `Kesimpulan: ${text(row.text) || '(kosong)'}`;
    case 'action_item':
      return `RTL: ${text(row.description)}`;
    case 'evidence':
      return `Data dukung: ${text(row.title)}`;
    case 'budget_line': {
      const agency = db.prepare(`SELECT coalesce(nullif(abbreviation, ''), name) AS label FROM agency WHERE id = ?`).get(row.agency_id) as { label: string } | undefined;
      const what = text(row.activity_name) || text(row.sub_activity_code) || 'tanpa nama kegiatan';
      return `Anggaran: ${what}${agency ? ` (${agency.label})` : ''}`;
    }
  }
}

/**
 * Moves a row and everything that goes with it to Terhapus, then deletes them. The caller has
 * already checked that the delete is allowed (open meeting, nothing of another meeting's).
 */
export function moveToTrash(db: Db, kind: TrashKind, id: number): number {
  const sections = captureRows(db, kind, id);
  const root = sections[0].rows[0];
  // Evidence is not a meeting row: scans of a signed notulen arrive after the close, so its
  // delete and restore are not bound to an open meeting (a restore still needs its owner).
  const meetingId = kind === 'meeting' ? id : kind === 'evidence' ? null : ((root.meeting_id as number | null | undefined) ?? null);
  const payload: TrashPayload = { version: 1, sections };
  const trashId = Number(
    db
      .prepare(`INSERT INTO trash (kind, label, meeting_id, payload_json, deleted_at) VALUES (?, ?, ?, ?, ?)`)
      .run(kind, labelOf(db, kind, root), meetingId, JSON.stringify(payload), nowIso()).lastInsertRowid,
  );
  // Children first, so that no foreign key is left dangling at any step.
  for (const section of [...sections].reverse()) {
    if (section.unlink || section.rows.length === 0) continue;
    const values = [...new Set(section.rows.map((r) => r[section.match]))];
    if (section.rows[0].id !== undefined) {
      db.prepare(`DELETE FROM ${section.table} WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(section.rows.map((r) => r.id)));
    } else {
      db.prepare(`DELETE FROM ${section.table} WHERE ${section.match} IN (SELECT value FROM json_each(?))`).run(JSON.stringify(values));
    }
  }
  return trashId;
}

interface TrashRow {
  id: number;
  kind: TrashKind;
  label: string;
  meeting_id: number | null;
  payload_json: string;
  deleted_at: string;
}

export function listTrash(db: Db): TrashEntry[] {
  return db
    .prepare(`SELECT id, kind, label, meeting_id AS meetingId, deleted_at AS deletedAt FROM trash ORDER BY deleted_at DESC, id DESC`)
    .all() as TrashEntry[];
}

function getTrash(db: Db, id: number): TrashRow {
  const row = db.prepare(`SELECT * FROM trash WHERE id = ?`).get(id) as TrashRow | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'trash.notFound');
  return row;
}

/** Which constraint a failed re-insert hit, as the user's reason. */
function restoreError(error: unknown): AppError {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return AppError.of('CONFLICT', 'trash.idTaken');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return AppError.of('CONFLICT', 'trash.referenceGone');
  throw error;
}

/**
 * Re-inserts an entry's rows with their original ids (inside the caller's transaction: all or
 * nothing) and removes the entry. `beforeInsert` checks the meeting it belongs to.
 */
export function restoreFromTrash(db: Db, id: number, beforeInsert: (kind: TrashKind, meetingId: number | null) => void) {
  const entry = getTrash(db, id);
  beforeInsert(entry.kind, entry.meeting_id);
  const payload = JSON.parse(entry.payload_json) as TrashPayload;
  const [rootSection] = payload.sections;
  for (const section of payload.sections) {
    if (section.unlink) {
      // Links that the delete set to NULL come back where the rows still exist and are unlinked.
      const parentId = entry.kind === 'meeting' ? entry.meeting_id : rootSection.rows[0].id;
      const relink = db.prepare(`UPDATE ${section.table} SET ${section.match} = ? WHERE id = ? AND ${section.match} IS NULL`);
      for (const row of section.rows) relink.run(parentId, row.id);
      continue;
    }
    for (const row of section.rows) {
      const columns = Object.keys(row);
      try {
        db.prepare(`INSERT INTO ${section.table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((c) => row[c]));
      } catch (error) {
        throw restoreError(error);
      }
    }
  }
  db.prepare(`DELETE FROM trash WHERE id = ?`).run(id);
  return { id, kind: entry.kind, meetingId: entry.meeting_id };
}

export function purgeTrash(db: Db, id: number): { id: number } {
  getTrash(db, id);
  db.prepare(`DELETE FROM trash WHERE id = ?`).run(id);
  return { id };
}
