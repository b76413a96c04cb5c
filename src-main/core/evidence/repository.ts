import type { Db } from '../db/database';
import type { Evidence, EvidenceFile, EvidenceMediaType, EvidenceProblem } from '../../../shared/api/evidence';
import type { OpParsed } from '../../../shared/api/contract';
import { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES } from '../../../shared/api/evidence';
import { AppError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { formatBytes } from '../../../shared/format';
import { nowIso } from '../db/clock';
import { patchRow } from '../db/patch';
import { moveToTrash } from '../db/trash-store';
import { crashPoint } from '../crash-point';
import { sniffMediaType } from './sniff';
import { readStoredFile, sha256Of, storedFileIntact } from './file-store';
import { safeName } from './names';
import { safeFileName } from '../../../shared/file-name';

const SELECT = `SELECT id, sha256, size_bytes AS sizeBytes, media_type AS mediaType, original_name AS originalName, title,
  evidence_date AS evidenceDate, notes, indicator_id AS indicatorId, evaluation_year AS evaluationYear,
  meeting_id AS meetingId, action_item_id AS actionItemId, expectation_id AS expectationId,
  documentation_position AS documentationPosition, documentation_caption AS documentationCaption, created_at AS createdAt, revision
  FROM evidence`;

export function getEvidence(db: Db, id: number): Evidence {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Evidence | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  return row;
}

type Owner = { indicatorId?: number; evaluationYear?: number; meetingId?: number; actionItemId?: number };

export function listEvidence(db: Db, owner: Owner): Evidence[] {
  if (owner.meetingId !== undefined) return db.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY evidence_date, id`).all(owner.meetingId) as Evidence[];
  if (owner.actionItemId !== undefined) return db.prepare(`${SELECT} WHERE action_item_id = ? ORDER BY evidence_date, id`).all(owner.actionItemId) as Evidence[];
  return db.prepare(`${SELECT} WHERE indicator_id = ? AND evaluation_year = ? ORDER BY evidence_date, id`).all(owner.indicatorId, owner.evaluationYear) as Evidence[];
}

/**
 * Strict base64 (what every browser and Node produce): anything else is refused, not guessed at.
 * Checked by encoding the decoded bytes again: Node's decoder skips what it does not know, so
 * any stray character, missing padding or non-canonical tail makes the round trip differ. This
 * is ~5x faster than a regular expression over a 50 MB upload's 67 MB of text.
 */
function decodeBase64(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (base64.length % 4 !== 0 || bytes.toString('base64') !== base64) throw AppError.of('VALIDATION', 'evidence.badBase64');
  return bytes;
}

/** The checks of an upload, before anything is written: size, real type. */
export function acceptBytes(bytes: Buffer): EvidenceMediaType {
  if (bytes.length === 0) throw AppError.of('VALIDATION', 'evidence.empty');
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    throw AppError.of('TOO_LARGE', 'evidence.tooLarge', { size: formatBytes(bytes.length), max: formatBytes(MAX_EVIDENCE_BYTES) });
  }
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw AppError.of('VALIDATION', 'evidence.badType');
  return mediaType;
}

function assertOwner(db: Db, owner: Owner, expectationId: number | undefined): void {
  const exists = (sql: string, value: number) => db.prepare(sql).get(value) !== undefined;
  const ok =
    owner.meetingId !== undefined ? exists(`SELECT 1 FROM meeting WHERE id = ?`, owner.meetingId)
    : owner.actionItemId !== undefined ? exists(`SELECT 1 FROM action_item WHERE id = ?`, owner.actionItemId)
    : exists(`SELECT 1 FROM indicator WHERE id = ?`, owner.indicatorId!);
  if (!ok) throw AppError.of('NOT_FOUND', 'evidence.ownerGone');
  if (expectationId !== undefined) assertExpectation(db, owner.indicatorId ?? null, expectationId);
}

/** An expected item belongs to an indicator number: only that indicator's files may claim it. */
function assertExpectation(db: Db, indicatorId: number | null, expectationId: number): void {
  const row = db
    .prepare(`SELECT e.indicator_number AS expected, i.number AS actual FROM evidence_expectation e LEFT JOIN indicator i ON i.id = ? WHERE e.id = ?`)
    .get(indicatorId, expectationId) as { expected: number; actual: number | null } | undefined;
  if (!row) throw AppError.of('NOT_FOUND', 'error.notFound');
  if (row.actual !== row.expected) throw AppError.of('VALIDATION', 'evidence.expectationOther');
}

/** What an attach stores, checked before anything is written: the bytes and their real type. */
export function checkAttach(db: Db, input: OpParsed<'evidence.attach'>): { bytes: Buffer; mediaType: EvidenceMediaType } {
  const bytes = input.bytes ? Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) : decodeBase64(input.base64 ?? '');
  const mediaType = acceptBytes(bytes);
  assertOwner(db, input, input.expectationId);
  return { bytes, mediaType };
}

/**
 * The row of a file already published in the store, inside the caller's transaction (see
 * attach-group.ts): if the process dies before COMMIT the row is gone and the stored file is an
 * invisible orphan that the next identical attach reuses. The owner is checked again: it may
 * have been deleted while the file was being written.
 */
export function insertEvidence(
  db: Db,
  input: OpParsed<'evidence.attach'>,
  file: { sha256: string; sizeBytes: number; mediaType: EvidenceMediaType },
): Evidence {
  assertOwner(db, input, input.expectationId);
  const id = Number(
    db
      .prepare(
        `INSERT INTO evidence (sha256, size_bytes, media_type, original_name, title, evidence_date, notes,
           indicator_id, evaluation_year, meeting_id, action_item_id, expectation_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        file.sha256, file.sizeBytes, file.mediaType, input.fileName, input.title || input.fileName, input.evidenceDate, input.notes,
        input.indicatorId ?? null, input.evaluationYear ?? null, input.meetingId ?? null, input.actionItemId ?? null,
        input.expectationId ?? null, nowIso(),
      ).lastInsertRowid,
  );
  crashPoint('evidence:inserted');
  return getEvidence(db, id);
}

const COLUMNS = { title: 'title', evidenceDate: 'evidence_date', notes: 'notes', expectationId: 'expectation_id' } as const;

export function updateEvidence(db: Db, input: OpParsed<'evidence.update'>): Evidence {
  const current = getEvidence(db, input.id);
  if (input.expectationId) assertExpectation(db, current.indicatorId, input.expectationId);
  patchRow(db, 'evidence', COLUMNS, input, () => getEvidence(db, input.id));
  return getEvidence(db, input.id);
}

export function deleteEvidence(db: Db, id: number): { id: number; trashId: number } {
  // moveToTrash refuses a missing row (NOT_FOUND) before it writes anything.
  return { id, trashId: moveToTrash(db, 'evidence', id) };
}

/** A readable download name: the title with the stored type's extension. */
export function downloadName(evidence: Pick<Evidence, 'title' | 'mediaType'>): string {
  const ext = EVIDENCE_MEDIA_TYPES[evidence.mediaType];
  const base = safeName(evidence.title, 120, 'data dukung');
  // A title that already ends in its type keeps that ending's letter case; the whole name then
  // goes through the rule every file the app writes follows (a title "CON" is no device name).
  const typed = base.toLowerCase().endsWith(`.${ext}`);
  return safeFileName(typed ? base.slice(0, -ext.length - 1) : base, typed ? base.slice(-ext.length) : ext);
}

/** The bytes, verified against the hash: a missing or altered file is an error, never served. */
export function readEvidenceBytes(dataDir: string, evidence: Evidence): Buffer {
  const bytes = readStoredFile(dataDir, evidence.sha256);
  if (!bytes) throw new AppError('IO', t('evidence.fileMissing', { name: evidence.title }));
  if (sha256Of(bytes) !== evidence.sha256) throw new AppError('IO', t('evidence.fileAltered', { name: evidence.title }));
  return bytes;
}

export function readEvidence(db: Db, dataDir: string, id: number): EvidenceFile {
  const evidence = getEvidence(db, id);
  return { fileName: downloadName(evidence), mediaType: evidence.mediaType, base64: readEvidenceBytes(dataDir, evidence).toString('base64') };
}

/**
 * Every file the database, Terhapus or a closed notulen refers to, checked against its hash. Each distinct file is
 * hashed once however many rows share it.
 */
export function verifyEvidence(db: Db, dataDir: string): EvidenceProblem[] {
  const rows = db.prepare(`SELECT id, sha256, title, original_name AS originalName FROM evidence ORDER BY id`).all() as Omit<EvidenceProblem, 'problem' | 'message'>[];
  const trashed = db
    .prepare(
      `SELECT -t.id AS id, json_extract(r.value, '$.sha256') AS sha256, json_extract(r.value, '$.title') AS title,
              json_extract(r.value, '$.original_name') AS originalName
       FROM trash t, json_each(t.payload_json, '$.sections') s, json_each(s.value, '$.rows') r
       WHERE json_extract(s.value, '$.table') = 'evidence'`,
    )
    .all() as Omit<EvidenceProblem, 'problem' | 'message'>[];
  // The photos closed notulen print (by hash in their snapshots), whose rows may be gone for good.
  const named = new Set([...rows, ...trashed].map((r) => r.sha256));
  const photos = (db
    .prepare(
      `SELECT DISTINCT 0 AS id, json_extract(p.value, '$.sha256') AS sha256, json_extract(p.value, '$.title') AS title,
              'foto Lampiran Dokumentasi notulen ' || json_extract(n.minutes_json, '$.data.meeting.title') AS originalName
       FROM meeting_snapshot n, json_each(n.minutes_json, '$.data.documentation') p
       WHERE json_valid(n.minutes_json)`,
    )
    .all() as Omit<EvidenceProblem, 'problem' | 'message'>[])
    .filter((p) => typeof p.sha256 === 'string' && /^[0-9a-f]{64}$/.test(p.sha256) && !named.has(p.sha256));
  const seen = new Map<string, 'ok' | 'missing' | 'altered'>();
  const problems: EvidenceProblem[] = [];
  for (const row of [...rows, ...trashed, ...photos]) {
    let state = seen.get(row.sha256);
    if (!state) {
      state = storedFileIntact(dataDir, row.sha256);
      seen.set(row.sha256, state);
    }
    if (state === 'ok') continue;
    const message = t(state === 'missing' ? 'evidence.fileMissing' : 'evidence.fileAltered', { name: `${row.title} (${row.originalName})` });
    problems.push({ ...row, problem: state, message });
  }
  return problems;
}
