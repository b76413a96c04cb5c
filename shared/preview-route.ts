import { LAMPIRAN_CODES, PREVIEW_DOCUMENTS, type LampiranCode, type PreviewDocument } from './api/export';
import type { Paper } from './types';

// The Pratinjau's address, "#/rapat/12/pratinjau?dokumen=notulen&kertas=F4&lampiran=I,II":
// built by the export panel and by the desktop shell (which prints it to PDF in a hidden
// window), read by the preview screen. One function each way, so the three agree.

export interface PreviewRequest {
  meetingId: number;
  document: PreviewDocument;
  paper?: Paper;
  lampiran: LampiranCode[];
  rows?: number;
}

export function previewPath(r: PreviewRequest): string {
  // Every value is a fixed word, a paper code, Roman numerals or a number: nothing to escape.
  const query: string[] = [`dokumen=${r.document}`];
  if (r.paper) query.push(`kertas=${r.paper}`);
  if (r.document === 'notulen') query.push(`lampiran=${r.lampiran.join(',')}`);
  if (r.document === 'daftarHadir' && r.rows !== undefined) query.push(`baris=${r.rows}`);
  return `/rapat/${r.meetingId}/pratinjau?${query.join('&')}`;
}

function params(query: string): Map<string, string> {
  return new Map(query.split('&').filter((p) => p.includes('=')).map((p) => {
    const [k, v] = p.split('=');
    return [k, v ?? ""] as [string, string];
  }));
}

/** The request of a preview address's query part; anything unknown falls back to the defaults. */
export function readPreviewQuery(meetingId: number, query: string): PreviewRequest {
  const q = params(query);
  const document = (PREVIEW_DOCUMENTS as readonly string[]).includes(q.get('dokumen') ?? '') ? (q.get('dokumen') as PreviewDocument) : 'notulen';
  const paper = q.get('kertas') === 'A4' || q.get('kertas') === 'F4' ? (q.get('kertas') as Paper) : undefined;
  const lampiran = q.has('lampiran')
    ? LAMPIRAN_CODES.filter((c) => (q.get('lampiran') ?? '').split(',').includes(c))
    : [...LAMPIRAN_CODES];
  const rows = Number(q.get('baris'));
  return { meetingId, document, paper, lampiran, ...(Number.isInteger(rows) && rows > 0 ? { rows } : {}) };
}
