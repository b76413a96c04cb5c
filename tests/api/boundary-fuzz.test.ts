import { afterAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TOKEN_HEADER } from '../../src-main/web/server';
import { databasePath } from '../../src-main/core/db/database';
import { contract, OP_NAMES, type OpName } from '../../shared/api/contract';
import { dataChecksum } from '../support/backup-helpers';
import { fuzzTarget, prng } from '../support/fuzz-runtime';

// Bad input at the boundary: thousands of malformed, wrongly typed, out-of-range, oversized
// and unknown-field payloads across every operation of the contract (new ops are covered
// by iterating OP_NAMES), sent through the real web runtime. Every one must come back as a
// structured refusal, the process must survive, and the data must not change.

const TARGET = 10_000;
const BIG = 'x'.repeat(10 * 1024 * 1024);

const target = fuzzTarget('rakor-fuzz-');
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
afterAll(() => agent.destroy());

function post(op: string, body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: target.server.port, path: `/api/${op}`, method: 'POST', agent, headers: { 'content-type': contentType, [TOKEN_HEADER]: target.server.token, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const WRONG_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.000001, 1e308, -1e308, 2 ** 53 + 2, 'teks', '', ' ', '\u0000', '<script>alert(1)</script>',
  "'; DROP TABLE meeting; --", '2025-13-45', '25:99', '9'.repeat(40), 'x'.repeat(60_000), 'é'.repeat(300_000), [], [1, 2], [null],
  ['x'.repeat(1000)], Array.from({ length: 2000 }, (_, i) => i), {}, { a: 1 }, { id: -5 }, { __proto__: { polluted: true } },
];

function shapeKeys(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown>; in?: z.ZodType } } };
  if (s.shape) return Object.keys(s.shape);
  const inner = s._zod?.def?.in;
  return inner ? shapeKeys(inner) : [];
}

function generate(): { op: string; body: unknown }[] {
  const rand = prng(20_250_101);
  const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)];
  const out: { op: string; body: unknown }[] = [];
  const bad = (op: OpName, body: unknown) => {
    if (!contract[op].input.safeParse(body).success) out.push({ op, body });
  };
  // Per op: every non-object, unknown fields, and each known field given every wrong value.
  for (const op of OP_NAMES) {
    for (const v of [null, 0, 1, 'x', true, [], [{}], [[]]]) bad(op, v);
    bad(op, { tidakDikenal: 1 });
    bad(op, JSON.parse('{"__proto__": {"admin": true}}'));
    bad(op, { constructor: { prototype: {} } });
    for (const key of shapeKeys(contract[op].input)) for (const v of WRONG_VALUES) bad(op, { [key]: v });
  }
  // Then random combinations until the target: several fields wrong at once, plus junk keys.
  let guard = 0;
  while (out.length < TARGET && guard++ < TARGET * 20) {
    const op = pick(OP_NAMES);
    const keys = shapeKeys(contract[op].input);
    const body: Record<string, unknown> = {};
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) body[keys.length && rand() < 0.8 ? pick(keys) : `k${Math.floor(rand() * 1000)}`] = pick(WRONG_VALUES);
    bad(op, body);
  }
  return out;
}

describe('fuzzing the API boundary', () => {
  it(`refuses ${TARGET}+ bad payloads across all operations with structured errors, data unchanged`, async () => {
    const { backend, dataDir } = target;
    const file = databasePath(dataDir);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dataChecksum(file);
    const cases = generate();
    expect(cases.length).toBeGreaterThanOrEqual(TARGET);
    const opsCovered = new Set(cases.map((c) => c.op));
    expect([...opsCovered].sort()).toEqual([...OP_NAMES].sort());

    const failures: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    async function worker() {
      while (next < cases.length) {
        const c = cases[next++];
        const res = await post(c.op, JSON.stringify(c.body));
        let parsed: { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null = null;
        try {
          parsed = JSON.parse(res.text);
        } catch {
          /* reported below */
        }
        const code = parsed?.error?.code;
        if (parsed?.ok !== false || typeof code !== 'string' || typeof parsed.error?.message !== 'string' || res.status >= 500) {
          if (failures.length < 20) failures.push(`${c.op} ${JSON.stringify(c.body).slice(0, 200)} -> ${res.status} ${res.text.slice(0, 200)}`);
        } else {
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
    }
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(failures).toEqual([]);
    expect(codes.get('INTERNAL') ?? 0).toBe(0);

    // The transport's own refusals: broken JSON, wrong content type, unknown ops, too large.
    const transport: [string, string, string?][] = [
      ['agency.list', '{"search": '], ['agency.list', '\u0000\u0001'], ['agency.list', '[1,2'], ['agency.list', '{}', 'text/plain'],
      ['tidak.ada', '{}'], ['__proto__', '{}'], ['constructor', '{}'], ['toString', '{}'], ['..%2F..%2Fetc', '{}'],
      ['agency.create', JSON.stringify({ kind: 'opd', name: BIG })],
    ];
    for (const [op, body, type] of transport) {
      const res = await post(op, body, type);
      const parsed = JSON.parse(res.text) as { ok: boolean; error: { code: string; message: string } };
      expect(parsed.ok, op).toBe(false);
      expect(typeof parsed.error.message).toBe('string');
    }

    // Still alive and answering, and the data is exactly as it was.
    const info = JSON.parse((await post('system.info', '{}')).text) as { ok: boolean };
    expect(info.ok).toBe(true);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dataChecksum(file)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'cadangan'))).toBe(false);
  }, 120_000);

  it('refuses a 10 MB string in every field of every operation (no transport limit involved)', async () => {
    const { backend, dataDir } = target;
    const file = databasePath(dataDir);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dataChecksum(file);
    const accepted: string[] = [];
    for (const op of OP_NAMES) {
      const keys = shapeKeys(contract[op].input);
      for (const body of [...keys.map((k) => ({ [k]: BIG })), ...keys.map((k) => ({ [k]: [BIG] })), { [BIG.slice(0, 100_000)]: 1 }]) {
        const r = await backend.invoke(op, body);
        if (r.ok) accepted.push(`${op} ${Object.keys(body)[0].slice(0, 30)}`);
      }
    }
    expect(accepted).toEqual([]);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dataChecksum(file)).toBe(before);
  }, 60_000);
});
