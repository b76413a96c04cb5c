import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core/backend';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { t, type MessageKey } from '../../shared/messages';
import { SECURITY_HEADERS } from '../core/security-policy';
import { resolveStaticFile } from '../core/static-files';
import { EVIDENCE_UPLOAD_PATH } from '../../shared/api/evidence';
import { handleEvidenceUpload } from './evidence-upload';

// The loopback web runtime: the same renderer and the same handlers as Electron, over HTTP on
// 127.0.0.1 only. Guarded like a local service must be against other pages in the user's
// browser: a per-run secret token, a Host check (DNS rebinding) and an Origin check (CSRF).

export const TOKEN_HEADER = 'x-rakor-token';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface WebServerOptions {
  backend: Backend;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** Where the socket is actually bound (read from the listening socket, not from a URL). */
  address(): AddressInfo;
  /** The URL to open: carries the token once; the page moves it into sessionStorage. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, code: ErrorCode, key: MessageKey) {
  const body: ApiResult<never> = { ok: false, error: { code, message: t(key) } };
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

/** The path of a request target, or null when it cannot be parsed at all (e.g. "//////…"). */
function pathOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

function internalError(res: http.ServerResponse): void {
  try {
    if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'error.internal');
    else res.destroy();
  } catch {
    res.destroy();
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * After refusing a body: the rest is read and thrown away for a short while (closing at once
 * would reset the connection and a browser could lose the answer with the message), then the
 * connection is cut, so a client cannot keep it busy with gigabytes.
 */
function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  const cut = setTimeout(() => req.destroy(), 10_000);
  cut.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 64 * 1024 * 1024) req.destroy();
  });
  req.on('end', () => clearTimeout(cut));
  req.on('close', () => clearTimeout(cut));
  req.resume();
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  /** POST from our own page with the token; answers the refusal itself and returns false otherwise. */
  function callerAllowed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      sendError(res, 405, 'UNKNOWN_OPERATION', 'error.unknownOperation');
      return false;
    }
    const origin = req.headers.origin;
    // Browsers always send Origin on a cross-site POST; our own page sends ours. A request with
    // no Origin at all comes from a non-browser client, which still needs the token.
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      sendError(res, 403, 'UNAUTHORIZED', 'error.unauthorized');
      return false;
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      sendError(res, 401, 'UNAUTHORIZED', 'error.unauthorized');
      return false;
    }
    return true;
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!callerAllowed(req, res)) return;
    await handleEvidenceUpload(req, (status, result, closeAfter) => {
      if (closeAfter) res.setHeader('Connection', 'close');
      send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
      if (closeAfter) res.on('finish', () => discardRest(req));
    }, options.backend);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, opName: string) {
    if (!callerAllowed(req, res)) return;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, 'VALIDATION', 'error.validation');
    }
    const body = await readBody(req);
    if (body === null) return sendError(res, 413, 'TOO_LARGE', 'error.tooLarge');
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 400, 'VALIDATION', 'error.validation');
    }
    const result = await options.backend.invoke(opName, input);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
    const found = resolveStaticFile(staticRoot, pathname);
    if (!found) return send(res, 404, 'Tidak ditemukan', 'text/plain; charset=utf-8');
    fs.readFile(found.file, (error, data) => {
      try {
        if (error) return send(res, 404, 'Tidak ditemukan', 'text/plain; charset=utf-8');
        send(res, 200, data, found.contentType);
      } catch {
        internalError(res);
      }
    });
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    // Host must be our own loopback address: a DNS-rebinding page would send its own name.
    if (!allowedHosts.has(req.headers.host ?? '')) return sendError(res, 421, 'UNAUTHORIZED', 'error.unauthorized');
    const pathname = pathOf(req.url);
    if (pathname === null) return send(res, 400, 'Permintaan tidak valid', 'text/plain; charset=utf-8');
    if (pathname === EVIDENCE_UPLOAD_PATH) {
      handleUpload(req, res).catch(() => internalError(res));
      return;
    }
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice('/api/'.length)).catch(() => internalError(res));
      return;
    }
    handleStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    // Nothing a request carries may take the process down: a stream error or a throw anywhere
    // in routing becomes a 500 (or a closed socket), never an uncaught exception.
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    try {
      route(req, res);
    } catch {
      internalError(res);
    }
  });
  // Malformed request lines, oversized headers, bad chunking: Node's parser refuses them here.
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = () => server.address() as AddressInfo;
  const port = address().port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    address,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
