import path from 'node:path';

// How both runtimes (Electron's app:// protocol and the loopback web server) map a request path
// to a file of the built renderer: one resolver, so they cannot drift apart on what they serve.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  file: string;
  contentType: string;
}

/**
 * The file under `root` that a URL path names, or null when it names nothing servable: a
 * malformed escape, a NUL, or a path that leaves the root ("/../", an encoded "%2e%2e").
 */
export function resolveStaticFile(root: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return null;
  return { file, contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
