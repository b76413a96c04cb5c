import type { ApiResult } from '../../shared/errors';

// How an operation reaches the core: Electron's preload bridge when it is there, otherwise the
// loopback web runtime with the per-run token. Nothing else in the renderer knows the difference.

declare global {
  interface Window {
    rakor?: { invoke(name: string, input: unknown): Promise<ApiResult<unknown>> };
  }
}

const TOKEN_KEY = 'rakor.token';

/** The web runtime hands the token in the URL fragment once; keep it for reloads, then hide it. */
function takeToken(): string {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const isElectron = typeof window !== 'undefined' && window.rakor !== undefined;
const token = isElectron ? '' : takeToken();

export async function send(name: string, input: unknown, options: { keepalive?: boolean } = {}): Promise<ApiResult<unknown>> {
  if (window.rakor) return window.rakor.invoke(name, input);
  try {
    const response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-rakor-token': token },
      body: JSON.stringify(input ?? {}),
      // keepalive lets a last autosave finish while the page is being unloaded.
      keepalive: options.keepalive ?? false,
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'IO', message: 'Tidak dapat menghubungi aplikasi. Pastikan Rakor KLA masih berjalan, lalu muat ulang halaman.' } };
  }
}

/**
 * Web runtime only: POSTs raw bytes to a route of the loopback server (the file itself, not
 * base64 in JSON), with the token and the rest of the input as URI-encoded JSON in a header.
 * Electron never calls this: there the same operation goes over IPC.
 */
export async function sendBytes(route: string, inputHeader: string, input: unknown, body: Blob, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<ApiResult<unknown>> {
  try {
    const response = await fetch(route.replace(/^\//, ''), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'x-rakor-token': token, [inputHeader]: encodeURIComponent(JSON.stringify(input)), ...headers },
      body,
      signal,
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, error: { code: 'IO', message: 'Tidak dapat menghubungi aplikasi. Pastikan Rakor KLA masih berjalan, lalu muat ulang halaman.' } };
  }
}
