import type { Evidence } from '../../shared/api/evidence';
import type { OpInput } from '../../shared/api/contract';
import { EVIDENCE_INPUT_HEADER, EVIDENCE_ORDER_HEADER, EVIDENCE_UPLOAD_PATH, evidenceFileName, MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { formatBytes } from '../../shared/format';
import { t } from '../../shared/messages';
import { api, ApiCallError } from '../api/client';
import { isElectron, sendBytes } from '../api/transport';

// One file to the core. Electron: the bytes over IPC (no size cap there). Browser: the raw file
// as the body of POST /upload/evidence, so neither a base64 copy in the page nor the 4 MB cap of
// /api applies.

export type AttachInput = Omit<OpInput<'evidence.attach'>, 'base64' | 'bytes'>;

/** What is wrong with a file before anything is sent (the core checks all of it again). */
export function fileProblem(file: { name: string; size: number }): string | undefined {
  if (!evidenceFileName.safeParse(file.name).success) return t('evidence.badName');
  if (file.size === 0) return t('evidence.empty');
  if (file.size > MAX_EVIDENCE_BYTES) return t('evidence.tooLarge', { size: formatBytes(file.size), max: formatBytes(MAX_EVIDENCE_BYTES) });
  return undefined;
}

/**
 * `place` ("<send>:<index>") lets the upload route hand files sent side by side to the core in
 * the order they were dropped. Electron's IPC keeps the order of the calls by itself.
 */
export async function attachFile(input: AttachInput, file: Blob, signal?: AbortSignal, place?: string): Promise<Evidence> {
  // Electron: the bytes over IPC (structured clone), no base64 step on either side.
  if (isElectron) return api.call('evidence.attach', { ...input, bytes: new Uint8Array(await file.arrayBuffer()) });
  const result = await sendBytes(EVIDENCE_UPLOAD_PATH, EVIDENCE_INPUT_HEADER, input, file, signal, place ? { [EVIDENCE_ORDER_HEADER]: place } : {});
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as Evidence;
}

/** "PDF", "JPG"… for the icon of a file without a thumbnail. */
export function extension(name: string): string {
  const ext = /\.([a-z0-9]{1,4})$/i.exec(name)?.[1];
  return ext ? ext.toUpperCase() : 'BERKAS';
}
