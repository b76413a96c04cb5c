import type { OpName, OpOutput, OpParsed } from '../../shared/api/contract';
import type { Db } from './db/database';
import type { LampiranCode } from '../../shared/api/export';

export interface CoreContext {
  db: Db;
  dataDir: string;
  runtime: 'electron' | 'web' | 'cli';
  appVersion: string;
  /** Platform save dialog + write (Electron supplies it); without it 'file.save' refuses. */
  saveFile?: SaveFileHook;
  /** Prints the Pratinjau of a document to PDF with the platform's Chromium (Electron supplies it). */
  printPdf?: PrintPdfHook;
  /** Platform viewer (Electron's shell.openPath) for a verified copy; without it 'evidence.open' refuses. */
  openFile?: OpenFileHook;
  /** Platform save dialog that only asks for a path (Electron supplies it); the core writes the file. */
  chooseSavePath?: ChooseSavePathHook;
}

/** Which document, on which paper: the input of 'export.preview' and 'export.pdf'. */
export interface PrintRequest {
  meetingId: number;
  document: 'notulen' | 'daftarHadir';
  paper?: 'A4' | 'F4';
  lampiran: readonly LampiranCode[];
  rows?: number;
}

export type PrintPdfHook = (request: PrintRequest) => Promise<Uint8Array>;

export type SaveFileHook = (suggestedName: string, bytes: Uint8Array) => Promise<{ saved: boolean; path?: string }>;

/**
 * The native save dialog for a file the core writes itself (too large to hand over as bytes,
 * e.g. the paket data dukung): the chosen path, or null when cancelled.
 */
export type ChooseSavePathHook = (suggestedName: string) => Promise<string | null>;

/** Opens a file with the system's viewer; resolves with an error text ('' when it opened). */
export type OpenFileHook = (file: string) => Promise<string>;

export type Handler<N extends OpName> = (input: OpParsed<N>) => OpOutput<N> | Promise<OpOutput<N>>;
export type HandlerMap = { [N in OpName]: Handler<N> };
/** The handlers of one feature's ops, e.g. HandlersOf<typeof agencyOps>. */
export type HandlersOf<Ops> = { [N in keyof Ops & OpName]: Handler<N> };

const ASYNC = Symbol('async handler');

/**
 * Marks a handler that awaits (file export, backup). Sync handlers run inside one SQLite
 * transaction each, so a multi-row change is all-or-nothing; async ones manage their own.
 */
export function asyncHandler<F extends (...args: never[]) => Promise<unknown>>(fn: F): F {
  return Object.assign(fn, { [ASYNC]: true });
}

export function isAsyncHandler(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[ASYNC] === true;
}
