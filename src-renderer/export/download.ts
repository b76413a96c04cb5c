// Turning an exported document or a data dukung file (base64 from the core) into a file on the user's disk.

import type { ExportedFile } from '../../shared/api/export';
import { api } from '../api/client';
import { isElectron } from '../api/transport';

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};
const mimeOf = (fileName: string) => MIME[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Web runtime: the browser's own download, to the user's Downloads folder. */
export function downloadBase64(fileName: string, base64: string, mediaType = mimeOf(fileName)): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Hands an exported file to the user: in the desktop app through the save dialog ('file.save'),
 * in the browser as a download. Returns what to tell the user (null: the dialog was cancelled).
 */
export async function deliver(file: ExportedFile): Promise<string | null> {
  if (!isElectron) {
    downloadBase64(file.fileName, file.base64);
    return `Berkas "${file.fileName}" diunduh. Lihat folder Unduhan.`;
  }
  const saved = await api.call('file.save', { fileName: file.fileName, dataBase64: file.base64 });
  return saved.saved ? `Berkas disimpan${saved.path ? `: ${saved.path}` : '.'}` : null;
}

/** A file the user picked, as base64 without the data-URL prefix (for .xlsx imports). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Berkas tidak dapat dibaca.'));
    reader.readAsDataURL(file);
  });
}
