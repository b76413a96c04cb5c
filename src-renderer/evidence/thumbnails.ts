import { api } from '../api/client';
import { base64ToBytes } from '../export/download';

// Thumbnails are made here, in the renderer, never stored: the browser decodes the image
// (createImageBitmap decodes off the page's main thread, in the sandboxed renderer), scales it
// to a small JPEG and keeps it by content hash for the session. Only files the core sniffed as
// PNG/JPEG are tried; anything that fails to decode simply shows the file-type icon.

const WIDTH = 160;
const byHash = new Map<string, string>();
let queue: Promise<unknown> = Promise.resolve();

/** One at a time: 200 photos must not decode (and hold 800 MB) at once. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export async function thumbnailOf(image: Blob): Promise<string | null> {
  try {
    const bitmap = await createImageBitmap(image, { resizeWidth: WIDTH, resizeQuality: 'medium' });
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob ? URL.createObjectURL(blob) : null;
  } catch {
    return null;
  }
}

/** A thumbnail of a local file before it is attached (null when it is not a decodable image). */
export function localThumbnail(file: File): Promise<string | null> {
  if (!/^image\/(png|jpeg)$/.test(file.type) && !/\.(png|jpe?g)$/i.test(file.name)) return Promise.resolve(null);
  return serial(() => thumbnailOf(file));
}

/** Remembers a local file's thumbnail under the hash the core stored it as. */
export function rememberThumbnail(sha256: string, url: string | null): void {
  if (url && !byHash.has(sha256)) byHash.set(sha256, url);
}

export function cachedThumbnail(sha256: string): string | undefined {
  return byHash.get(sha256);
}

/** A stored image's thumbnail: its verified bytes read once through evidence.read. */
export function storedThumbnail(evidence: { id: number; sha256: string; mediaType: string }): Promise<string | null> {
  const known = byHash.get(evidence.sha256);
  if (known) return Promise.resolve(known);
  return serial(async () => {
    const again = byHash.get(evidence.sha256);
    if (again) return again;
    const file = await api.call('evidence.read', { id: evidence.id });
    const url = await thumbnailOf(new Blob([base64ToBytes(file.base64)], { type: evidence.mediaType }));
    rememberThumbnail(evidence.sha256, url);
    return url;
  });
}
