import { protocol } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from '../core/security-policy';

// The renderer is served from app://rakor/ rather than file://: a standard, secure origin that
// we can check in every IPC call and give a real Content-Security-Policy header.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://rakor';

/**
 * True for URLs of our renderer. Compared by scheme and host: Node's URL gives the origin
 * "null" for a custom scheme, so `new URL(x).origin === APP_ORIGIN` would never match.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'rakor';
  } catch {
    return false;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json',
};

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'rakor') return new Response('Tidak ditemukan', { status: 404 });
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return new Response('Tidak ditemukan', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
    } catch {
      return new Response('Tidak ditemukan', { status: 404 });
    }
  });
}
