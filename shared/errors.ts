import { t, type MessageKey } from './messages';

// The one error shape that crosses the boundary (IPC or HTTP). Handlers throw AppError; the
// runtimes turn anything else into 'INTERNAL' without leaking a stack trace to the user.

export type ErrorCode =
  | 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL' | 'UNKNOWN_OPERATION'
  | 'UNAUTHORIZED' | 'TOO_LARGE' | 'BUSY' | 'DB_TOO_NEW' | 'IO'
  | 'INVALID_BACKUP' | 'RECOVERY_NEEDED'
  /** The write was based on an older revision of the row than the one stored: nothing changed. */
  | 'STALE';

export interface FieldError {
  /** Dotted path into the input, e.g. "chair.nip" or "items.2.title". */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** With STALE: the row as it is now stored, so the screen can show the newer value. */
  current?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static of(code: ErrorCode, key: MessageKey, params?: Record<string, string | number>): AppError {
    return new AppError(code, t(key, params));
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.fields?.length) error.fields = this.fields;
    if (this.current !== undefined) error.current = this.current;
    return error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).code === 'string' && typeof (value as ApiError).message === 'string';
}
