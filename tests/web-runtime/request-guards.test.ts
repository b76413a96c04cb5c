import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startRuntime, type Runtime } from '../support/web-runtime';

// The loopback runtime must refuse anything that is not our own page with our own token, and
// a refused call must leave the database exactly as it was.

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startRuntime();
});
afterAll(async () => {
  await runtime?.stop();
});

interface Reply { status: number; body: string; headers: http.IncomingHttpHeaders }

function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: runtime.server.port, path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const origin = () => `http://127.0.0.1:${runtime.server.port}`;
const good = () => ({ 'content-type': 'application/json', 'x-rakor-token': runtime.server.token, origin: origin() });
const agencyCount = () => (runtime.backend.db.prepare('SELECT count(*) AS n FROM agency').get() as { n: number }).n;
const create = JSON.stringify({ kind: 'opd', name: 'Dinas Uji Keamanan', abbreviation: 'DUK' });

describe('web runtime guards', () => {
  it('listens on 127.0.0.1 only (the bound socket, not a URL string)', () => {
    const bound = runtime.server.address();
    expect(bound).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: runtime.server.port });
  });

  it('refuses a call without the token and writes nothing', async () => {
    const before = agencyCount();
    const { 'x-rakor-token': _, ...noToken } = good();
    const reply = await request('/api/agency.create', { headers: noToken, body: create });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(agencyCount()).toBe(before);
  });

  it('refuses a wrong token of the same length', async () => {
    const before = agencyCount();
    const wrong = runtime.server.token.replace(/./g, 'a');
    const reply = await request('/api/agency.create', { headers: { ...good(), 'x-rakor-token': wrong }, body: create });
    expect(reply.status).toBe(401);
    expect(agencyCount()).toBe(before);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const before = agencyCount();
    const reply = await request('/api/agency.create', { headers: { ...good(), origin: 'http://evil.example' }, body: create });
    expect(reply.status).toBe(403);
    expect(agencyCount()).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const reply = await request('/api/system.info', { headers: { ...good(), host: `evil.example:${runtime.server.port}` }, body: '{}' });
    expect(reply.status).toBe(421);
  });

  it('refuses malformed JSON, wrong types and unknown fields with a structured Indonesian error', async () => {
    const before = agencyCount();
    const broken = await request('/api/agency.create', { headers: good(), body: '{"kind": "opd", ' });
    expect(broken.status).toBe(400);
    const wrongType = JSON.parse((await request('/api/agency.create', { headers: good(), body: JSON.stringify({ kind: 'opd', name: 42 }) })).body);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Isian belum benar. Periksa kolom yang ditandai.' } });
    expect(wrongType.error.fields[0].path).toBe('name');
    const unknown = JSON.parse((await request('/api/agency.create', { headers: good(), body: JSON.stringify({ kind: 'opd', name: 'X', admin: true }) })).body);
    expect(unknown.error.fields).toContainEqual({ path: '', message: 'Kolom tidak dikenal: admin.' });
    expect(agencyCount()).toBe(before);
  });

  it('refuses an oversized body before parsing it', async () => {
    const before = agencyCount();
    const reply = await request('/api/agency.create', { headers: good(), body: JSON.stringify({ kind: 'opd', name: 'x'.repeat(10 * 1024 * 1024) }) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(agencyCount()).toBe(before);
  });

  it('answers an unknown operation with a structured error', async () => {
    const reply = JSON.parse((await request('/api/drop.everything', { headers: good(), body: '{}' })).body);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('accepts our own page and serves it with a strict CSP', async () => {
    const ok = JSON.parse((await request('/api/agency.create', { headers: good(), body: create })).body);
    expect(ok).toMatchObject({ ok: true, data: { name: 'Dinas Uji Keamanan', abbreviation: 'DUK' } });
    const page = await request('/', { method: 'GET', headers: {} });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('does not serve files outside the renderer folder', async () => {
    const reply = await request('/..%2f..%2fpackage.json', { method: 'GET', headers: {} });
    expect(reply.status).toBe(404);
  });
});
