import type http from 'node:http';
import type { Backend } from '../core/backend';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { MAX_EVIDENCE_BYTES, EVIDENCE_INPUT_HEADER, EVIDENCE_ORDER_HEADER } from '../../shared/api/evidence';
import { formatBytes } from '../../shared/format';
import { t } from '../../shared/messages';
import { uploadOrder, type Place } from './upload-order';

// POST /upload/evidence: an evidence attach whose file is the raw request body. /api/* takes
// JSON up to 4 MB, which caps a base64 file near 3 MB; a phone photo or a scanned notulen is
// often larger. The caller's token, Host and Origin are checked by the server before this runs.
// The body is read with a hard cap of MAX_EVIDENCE_BYTES (the core's own limit), refused early
// when Content-Length already says more, and then goes through the same evidence.attach
// operation (and its validation) as Electron's IPC.

type Reply = (status: number, result: ApiResult<unknown>, closeAfter?: boolean) => void;

function refuse(reply: Reply, status: number, code: ErrorCode, message: string, closeAfter = false): void {
  reply(status, { ok: false, error: { code, message } }, closeAfter);
}

const tooLarge = (size: string) => t('evidence.tooLarge', { size, max: formatBytes(MAX_EVIDENCE_BYTES) });

/** The attach input without the bytes, from its header; null when it is not a JSON object. */
function inputOf(req: http.IncomingMessage): Record<string, unknown> | null {
  const raw = req.headers[EVIDENCE_INPUT_HEADER];
  if (typeof raw !== 'string' || raw.length > 16_384) return null;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The body up to the cap, or 'too-large' as soon as it passes it (nothing more is kept). */
function readCapped(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_EVIDENCE_BYTES) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

const orders = new WeakMap<Backend, ReturnType<typeof uploadOrder>>();

export async function handleEvidenceUpload(req: http.IncomingMessage, reply: Reply, backend: Backend): Promise<void> {
  let order = orders.get(backend);
  if (!order) orders.set(backend, (order = uploadOrder()));
  const header = req.headers[EVIDENCE_ORDER_HEADER];
  const place = order.take(typeof header === 'string' ? header : undefined);
  // An upload whose connection drops never holds up the ones after it.
  const socket = req.socket;
  socket.once('close', place.done);
  try {
    await attachUpload(req, reply, backend, place);
  } finally {
    socket.off('close', place.done);
    place.done();
  }
}

async function attachUpload(req: http.IncomingMessage, reply: Reply, backend: Backend, place: Place): Promise<void> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) return refuse(reply, 415, 'VALIDATION', t('error.validation'), true);
  const input = inputOf(req);
  if (!input) return refuse(reply, 400, 'VALIDATION', t('error.validation'), true);
  const declared = Number(req.headers['content-length']);
  // Refused before a byte of the body is read; the connection is closed after the answer so
  // the rest of a 2 GB body is never taken in.
  if (Number.isFinite(declared) && declared > MAX_EVIDENCE_BYTES) return refuse(reply, 413, 'TOO_LARGE', tooLarge(formatBytes(declared)), true);
  const body = await readCapped(req);
  if (body === 'too-large') return refuse(reply, 413, 'TOO_LARGE', tooLarge(`> ${formatBytes(MAX_EVIDENCE_BYTES)}`), true);
  // The bytes win over anything the header might claim to carry.
  const { base64: _ignored, ...rest } = input;
  void _ignored;
  await place.turn;
  const result = backend.invoke('evidence.attach', { ...rest, bytes: body });
  place.done();
  reply(200, await result);
}
