import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { SECURITY_HEADERS } from '../core/security-policy';
import { resolveStaticFile } from '../core/static-files';

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

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'rakor') return new Response('Tidak ditemukan', { status: 404 });
    const found = resolveStaticFile(rendererDir, url.pathname);
    if (!found) return new Response('Tidak ditemukan', { status: 404 });
    try {
      const body = await fs.readFile(found.file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType } });
    } catch {
      return new Response('Tidak ditemukan', { status: 404 });
    }
  });
}
