import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, byId, id, isoDate, LIMITS, optionalText, requestId, requiredText, year } from '../schemas/common';
import { t } from '../messages';

// Data dukung: evidence files attached to an indicator in an evaluation year, to a meeting
// (photos, the signed daftar hadir and notulen) or to an RTL (proof it was done). The bytes
// travel as base64 over /api (JSON, like exports) or as bytes where the transport carries them
// (IPC, the upload route); the core stores them by content hash in the data folder.

/** Per file. Scans of a signed notulen are a few MB; a phone photo 3–6 MB. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;
/** base64 of MAX_EVIDENCE_BYTES plus slack, so the size message (not a string-length one) is what the user reads. */
const MAX_EVIDENCE_BASE64 = Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 1024;

/**
 * The web runtime's route for an attach whose file is the raw request body (no base64 in the
 * page, not bound by the 4 MB cap of /api/*): same token, Host and Origin checks, capped at
 * MAX_EVIDENCE_BYTES. The rest of the attach input travels as URI-encoded JSON in
 * EVIDENCE_INPUT_HEADER. Electron sends evidence.attach over IPC, which has no such cap.
 */
/**
 * How many attaches the renderer keeps in flight: the core writes and flushes their files
 * together and commits them as one group (src-main/core/evidence/attach-group.ts). Four keeps
 * the disk busy while the next file travels, with at most four photos in memory.
 */
export const EVIDENCE_ATTACHES_IN_FLIGHT = 4;

export const EVIDENCE_UPLOAD_PATH = '/upload/evidence';
export const EVIDENCE_INPUT_HEADER = 'x-rakor-input';
/** Optional "<send>:<index>" of an upload within one "Lampirkan": the route hands uploads to the core in that order. */
export const EVIDENCE_ORDER_HEADER = 'x-rakor-order';

export const EVIDENCE_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
} as const;
export type EvidenceMediaType = keyof typeof EVIDENCE_MEDIA_TYPES;

export interface Evidence {
  id: number;
  sha256: string;
  sizeBytes: number;
  mediaType: EvidenceMediaType;
  originalName: string;
  title: string;
  evidenceDate: string;
  notes: string;
  indicatorId: number | null;
  evaluationYear: number | null;
  meetingId: number | null;
  actionItemId: number | null;
  expectationId: number | null;
  /** Place in the notulen's Lampiran Dokumentasi (1, 2, …), null when not chosen; a meeting's photos only. */
  documentationPosition: number | null;
  /** Caption under the photo in that lampiran; '' prints the title. */
  documentationCaption: string;
  createdAt: string;
  revision: number;
}

/**
 * Lampiran Dokumentasi of the notulen: two photos a page, so 12 photos are six pages; their
 * bytes travel inside the .docx (the desktop app saves at most MAX_FILE_BASE64 of it), hence a
 * cap on their sum too. Phone photos of 2–4 MB each fit.
 */
export const DOCUMENTATION_MAX_PHOTOS = 12;
export const DOCUMENTATION_MAX_BYTES = 24 * 1024 * 1024;
export const DOCUMENTATION_MEDIA_TYPES: readonly EvidenceMediaType[] = ['image/png', 'image/jpeg'];

export interface EvidenceFile {
  fileName: string;
  mediaType: EvidenceMediaType;
  base64: string;
}

export interface EvidenceExpectation {
  id: number;
  indicatorNumber: number;
  position: number;
  title: string;
}

export interface IndicatorCompleteness {
  indicatorId: number;
  clusterCode: string;
  number: number;
  name: string;
  expected: { id: number; title: string; present: number }[];
  /** Expected items with at least one file. */
  presentCount: number;
  missing: string[];
  /** Files of this indicator and year, with or without an expected item. */
  fileCount: number;
}

export interface ClusterCompleteness {
  code: string;
  name: string;
  expectedCount: number;
  presentCount: number;
  /** presentCount / expectedCount, 1 when nothing is expected. */
  ratio: number;
}

export interface Completeness {
  year: number;
  /** The reference set the year uses (the newest not after it). */
  referenceYear: number;
  indicators: IndicatorCompleteness[];
  clusters: ClusterCompleteness[];
}

export interface EvidenceProblem {
  id: number;
  sha256: string;
  title: string;
  originalName: string;
  problem: 'missing' | 'altered';
  message: string;
}

/** File name as the user's computer gave it: no path, no "..", no control characters. */
export const evidenceFileName = z
  .string()
  .max(LIMITS.name, { error: t('field.tooLong', { max: LIMITS.name }) })
  // eslint-disable-next-line no-control-regex
  .refine((v) => v.trim() !== '' && !/[/\\\u0000-\u001f\u007f]/.test(v) && !v.split(/[/\\]/).includes('..') && v !== '.' && !v.includes('..'), {
    error: t('evidence.badName'),
  });

const owner = {
  indicatorId: id.optional(),
  evaluationYear: year.optional(),
  meetingId: id.optional(),
  actionItemId: id.optional(),
};

const exactlyOneOwner = (v: { indicatorId?: number; evaluationYear?: number; meetingId?: number; actionItemId?: number }) =>
  (v.indicatorId !== undefined && v.evaluationYear !== undefined ? 1 : 0) + (v.meetingId !== undefined ? 1 : 0) + (v.actionItemId !== undefined ? 1 : 0) === 1 &&
  (v.indicatorId === undefined) === (v.evaluationYear === undefined);

export const evidenceAttachInput = z
  .strictObject({
    ...owner,
    fileName: evidenceFileName,
    base64: z.string().min(1, { error: t('evidence.empty') }).max(MAX_EVIDENCE_BASE64, { error: t('evidence.tooLarge', { size: '> 50 MB', max: '50 MB' }) }).optional(),
    /**
     * The file itself, where the transport carries bytes: Electron's IPC (structured clone) and
     * the web runtime's upload route. Spares a 4 MB photo two base64 conversions (~20 ms).
     * Its size and emptiness are checked by the core with the same messages as base64.
     */
    bytes: z.instanceof(Uint8Array).optional(),
    title: optionalText(LIMITS.line),
    evidenceDate: isoDate,
    notes: optionalText(LIMITS.notes),
    expectationId: id.optional(),
    requestId,
  })
  .refine(exactlyOneOwner, { error: t('evidence.ownerMissing'), path: ['indicatorId'] })
  .refine((v) => v.base64 !== undefined || v.bytes !== undefined, { error: t('evidence.empty'), path: ['base64'] })
  .refine((v) => v.base64 === undefined || v.bytes === undefined, { error: t('error.validation'), path: ['bytes'] });

export const documentationInput = z
  .strictObject({
    meetingId: id,
    /** The whole choice, in print order; [] takes every photo out. */
    photos: z
      .array(z.strictObject({ evidenceId: id, caption: optionalText(LIMITS.line) }))
      .max(DOCUMENTATION_MAX_PHOTOS, { error: t('evidence.documentationTooMany', { max: DOCUMENTATION_MAX_PHOTOS }) }),
  })
  .refine((v) => new Set(v.photos.map((p) => p.evidenceId)).size === v.photos.length, { error: t('evidence.documentationTwice'), path: ['photos'] });

/** Where the paket data dukung of a year went, with what it holds; saved: false when the dialog was cancelled. */
export type PackageSaved =
  | { saved: false }
  | {
      saved: true;
      /** The full path of the .zip written. */
      path: string;
      /** Evidence files in the package. */
      files: number;
      bytes: number;
      /** Notulen (.docx) of the year's rakor in the package. */
      minutes: number;
      /** Files left out (missing or altered on disk), one line each, in Indonesian. */
      problems: string[];
    };

/** The paket data dukung being written (null when none), and where it goes without a dialog. */
export interface PackageStatus {
  running: { year: number; done: number; total: number } | null;
  /** The last package saved since the app started, so a screen opened later still says where it went. */
  last: { year: number; saved: Extract<PackageSaved, { saved: true }> } | null;
  /** The folder a browser or the CLI saves to when none is typed: the user's Documents. */
  defaultFolder: string;
}

/** The file name of a year's package: the dialog's suggestion and the name in a typed folder. */
export const packageFileName = (y: number) => `Paket data dukung ${y}.zip`;

/**
 * A folder typed by the user (browser mode): a full path, checked for existence by the core.
 * '' or absent: the save dialog in the desktop app, the default folder elsewhere.
 */
export const packageFolder = z
  .string()
  .max(1000, { error: t('field.tooLong', { max: 1000 }) })
  .refine((v) => !v.includes('\0'), { error: t('evidence.packageFolderInvalid') });

export const evidenceOps = {
  /** Stores the file (once per content) and records it; title defaults to the file name. */
  'evidence.attach': op<Evidence>()(evidenceAttachInput),
  'evidence.list': query<Evidence[]>()(z.strictObject(owner).refine(exactlyOneOwner, { error: t('evidence.ownerMissing'), path: ['indicatorId'] })),
  'evidence.update': op<Evidence>()(
    z.strictObject({
      id,
      baseRevision,
      title: requiredText(LIMITS.line).optional(),
      evidenceDate: isoDate.optional(),
      notes: z.string().max(LIMITS.notes, { error: t('field.tooLong', { max: LIMITS.notes }) }).optional(),
      expectationId: id.nullable().optional(),
    }),
  ),
  /** To Terhapus; trash.restore brings it back. The stored file stays while anything refers to it. */
  'evidence.delete': op<{ id: number; trashId: number }>()(byId),
  /** The file's bytes for download or the system viewer; refuses a missing or altered file. */
  'evidence.read': query<EvidenceFile>()(byId),
  /**
   * Desktop only: a verified copy (named after the title, extension from the sniffed type) is
   * written to a temporary folder and handed to the system's viewer. The browser downloads instead.
   */
  'evidence.open': op<{ opened: true }>()(byId),
  'evidence.completeness': query<Completeness>()(z.strictObject({ year })),
  /** Every stored file checked against its hash (`check` runs it too). */
  'evidence.verify': query<EvidenceProblem[]>()(z.strictObject({})),
  /**
   * Which of the meeting's photos go into the notulen's Lampiran Dokumentasi, in order, with their
   * captions. Refused for a closed meeting: its notulen (photos included) was frozen at close.
   */
  'evidence.setDocumentation': op<Evidence[]>()(documentationInput),
  /**
   * Writes the paket data dukung of one evaluation year (.zip by klaster and indicator, checklist,
   * notulen) to a typed folder, or where the desktop's save dialog says. Writes no row.
   */
  'evidence.savePackage': op<PackageSaved>()(z.strictObject({ year, folder: packageFolder.optional() })),
  /** Answered at once while a package is written: the screen polls it for its progress. */
  'evidence.packageStatus': query<PackageStatus>()(z.strictObject({})),
  'evidence.expectations': query<EvidenceExpectation[]>()(z.strictObject({ indicatorNumber: z.number().int().min(1).max(99).optional() })),
};
