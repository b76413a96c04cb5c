import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import crypto from 'node:crypto';
import { TOKEN_HEADER } from '../../src-main/web/server';
import { EVIDENCE_INPUT_HEADER, EVIDENCE_ORDER_HEADER, EVIDENCE_UPLOAD_PATH, MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { MAX_WAIT_MS } from '../../src-main/web/upload-order';
import { listStoredHashes, sha256Of, storedPath } from '../../src-main/core/evidence/file-store';
import { startRuntime, type Runtime } from '../support/web-runtime';
import fs from 'node:fs';

// Issue 13 over HTTP: /api/* refuses bodies over 4 MB (a base64 file near 3 MB), so attaches go
// to POST /upload/evidence with the file as the raw body. Same token, Host and Origin checks;
// hard cap at the evidence limit (50 MB) with the Indonesian size message, refused before the
// body is read when Content-Length says so; nothing is written when refused.

let runtime: Runtime;
let meetingId = 0;
beforeAll(async () => {
  runtime = await startRuntime();
  const created = await runtime.backend.invoke('meeting.create', { title: 'Rakor Dokumentasi', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
  if (!created.ok) throw new Error(created.error.message);
  meetingId = (created.data as { id: number }).id;
});
afterAll(() => runtime.stop());

const input = (over: Record<string, unknown> = {}) => ({ meetingId, fileName: 'foto kegiatan.jpg', title: 'Foto kegiatan', evidenceDate: '2025-03-10', notes: '', ...over });
function photo(megabytes: number): Buffer {
  const bytes = crypto.randomBytes(Math.round(megabytes * 1024 * 1024));
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}
const evidenceCount = () => (runtime.backend.db.prepare(`SELECT count(*) AS n FROM evidence`).get() as { n: number }).n;

interface Answer { status: number; body: { ok: boolean; data?: { sha256: string; sizeBytes: number }; error?: { code: string; message: string } } }

/** A raw request: headers as given, then `body` (or `declared` bytes promised and only `body` sent). */
function post(path: string, headers: Record<string, string>, body: Buffer, declared?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: runtime.server.port, method: 'POST', path, headers: { Host: `127.0.0.1:${runtime.server.port}`, 'Content-Length': String(declared ?? body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
    });
    req.on('error', reject);
    req.write(body);
    if (declared === undefined) req.end();
  });
}
const uploadHeaders = (meta: Record<string, unknown> = input()) => ({
  'Content-Type': 'application/octet-stream',
  [TOKEN_HEADER]: runtime.server.token,
  [EVIDENCE_INPUT_HEADER]: encodeURIComponent(JSON.stringify(meta)),
});

describe('POST /upload/evidence', () => {
  it('stores a 6 MB photo byte for byte (too big for /api/evidence.attach)', async () => {
    const bytes = photo(6);
    const viaApi = await post('/api/evidence.attach', { 'Content-Type': 'application/json', [TOKEN_HEADER]: runtime.server.token }, Buffer.from(JSON.stringify({ ...input(), base64: bytes.toString('base64') })));
    expect(viaApi.status).toBe(413);
    const answer = await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(), bytes);
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    expect(answer.body.data).toMatchObject({ sha256: sha256Of(bytes), sizeBytes: bytes.length });
    expect(fs.readFileSync(storedPath(runtime.dataDir, sha256Of(bytes))).equals(bytes)).toBe(true);
  });

  it('refuses callers without the token, from another origin or host, and writes nothing', async () => {
    const before = { rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) };
    const bytes = photo(0.1);
    const { [TOKEN_HEADER]: _token, ...noToken } = uploadHeaders();
    void _token;
    expect((await post(EVIDENCE_UPLOAD_PATH, noToken, bytes)).status).toBe(401);
    expect((await post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(), Origin: 'http://evil.example' }, bytes)).status).toBe(403);
    expect((await post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(), Host: 'evil.example' }, bytes)).status).toBe(421);
    expect((await post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(), 'Content-Type': 'application/json' }, bytes)).status).toBe(415);
    expect((await post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(), [EVIDENCE_INPUT_HEADER]: 'bukan-json' }, bytes)).status).toBe(400);
    expect({ rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) }).toEqual(before);
  });

  it('refuses a 2 GB body from its Content-Length, before reading it, in Indonesian', async () => {
    const before = { rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) };
    const started = performance.now();
    // Promises 2 GB, sends 64 KB: the answer must come without waiting for the rest.
    const answer = await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(), photo(0.0625), 2 * 1024 ** 3);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'TOO_LARGE' });
    expect(answer.body.error?.message).toBe('Berkas terlalu besar (2 GB). Batasnya 50 MB per berkas; perkecil (misalnya pindai dengan resolusi lebih rendah) atau pecah berkasnya.');
    expect({ rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) }).toEqual(before);
  });

  it('stops reading a chunked body at the cap', async () => {
    const before = { rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) };
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: runtime.server.port, method: 'POST', path: EVIDENCE_UPLOAD_PATH, headers: { ...uploadHeaders(), 'Transfer-Encoding': 'chunked' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
      });
      req.on('error', () => undefined);
      const chunk = photo(1);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_EVIDENCE_BYTES + chunk.length && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no answer')), 20_000).unref();
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toContain('Batasnya 50 MB per berkas');
    expect({ rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) }).toEqual(before);
  });

  it('refuses an executable and a "../" name through the core, writing nothing', async () => {
    const before = { rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) };
    const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), crypto.randomBytes(200)]);
    const refusedType = await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(input({ fileName: 'foto.jpg' })), exe);
    expect(refusedType.body.error?.message).toBe('Jenis berkas ini tidak diterima. Lampirkan PDF, gambar PNG/JPEG, atau dokumen Word/Excel.');
    const refusedName = await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(input({ fileName: '../../rahasia.jpg' })), photo(0.01));
    expect(refusedName.body.ok).toBe(false);
    expect(JSON.stringify(refusedName.body.error)).toContain('Nama berkas tidak valid');
    const empty = await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(), Buffer.alloc(0));
    expect(JSON.stringify(empty.body.error)).toContain('Berkas kosong');
    expect({ rows: evidenceCount(), files: listStoredHashes(runtime.dataDir) }).toEqual(before);
  });

  it('hands uploads of one send to the core in their order, whatever order their bodies finish in', async () => {
    const before = evidenceCount();
    const slow = photo(3);
    // The first upload sends half its body and waits; two later ones arrive whole meanwhile.
    const first = http.request({ host: '127.0.0.1', port: runtime.server.port, method: 'POST', path: EVIDENCE_UPLOAD_PATH, headers: { Host: `127.0.0.1:${runtime.server.port}`, 'Content-Length': String(slow.length), ...uploadHeaders(input({ fileName: 'urutan-1.jpg' })), [EVIDENCE_ORDER_HEADER]: 'kirim-a:0' } });
    const firstAnswer = new Promise<number>((resolve, reject) => {
      first.on('response', (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
      first.on('error', reject);
    });
    first.write(slow.subarray(0, slow.length / 2));
    await new Promise((r) => setTimeout(r, 150));
    // The third before the second, to show it is the place that counts, not the arrival.
    const later = [3, 2].map((n) => post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(input({ fileName: `urutan-${n}.jpg` })), [EVIDENCE_ORDER_HEADER]: `kirim-a:${n - 1}` }, photo(0.5)));
    await new Promise((r) => setTimeout(r, 300));
    // Their bodies are in; they wait for the first.
    expect(evidenceCount()).toBe(before);
    first.end(slow.subarray(slow.length / 2));
    expect(await firstAnswer).toBe(200);
    expect((await Promise.all(later)).map((a) => a.status)).toEqual([200, 200]);
    // An upload without a place goes straight on.
    expect((await post(EVIDENCE_UPLOAD_PATH, uploadHeaders(input({ fileName: 'tanpa-urutan.jpg' })), photo(0.2))).status).toBe(200);
    const names = runtime.backend.db.prepare(`SELECT original_name AS name FROM evidence WHERE original_name LIKE 'urutan-%' ORDER BY id`).all() as { name: string }[];
    expect(names.map((n) => n.name)).toEqual(['urutan-1.jpg', 'urutan-2.jpg', 'urutan-3.jpg']);
  });

  it('does not let an upload whose connection drops hold up the ones after it', async () => {
    const dropped = http.request({ host: '127.0.0.1', port: runtime.server.port, method: 'POST', path: EVIDENCE_UPLOAD_PATH, headers: { Host: `127.0.0.1:${runtime.server.port}`, 'Content-Length': String(2 * 1024 * 1024), ...uploadHeaders(input({ fileName: 'putus.jpg' })), [EVIDENCE_ORDER_HEADER]: 'kirim-b:0' } });
    dropped.on('error', () => undefined);
    dropped.write(photo(1));
    await new Promise((r) => setTimeout(r, 150));
    const started = performance.now();
    const next = post(EVIDENCE_UPLOAD_PATH, { ...uploadHeaders(input({ fileName: 'sesudah-putus.jpg' })), [EVIDENCE_ORDER_HEADER]: 'kirim-b:1' }, photo(0.5));
    await new Promise((r) => setTimeout(r, 150));
    dropped.destroy();
    expect((await next).status).toBe(200);
    // Let go when the connection closed, not after the longest wait.
    expect(performance.now() - started).toBeLessThan(MAX_WAIT_MS);
    const names = runtime.backend.db.prepare(`SELECT original_name AS name FROM evidence WHERE original_name IN ('putus.jpg', 'sesudah-putus.jpg')`).all() as { name: string }[];
    expect(names).toEqual([{ name: 'sesudah-putus.jpg' }]);
  });
});
