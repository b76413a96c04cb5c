import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { sha256Of, STORE_FOLDER } from '../../src-main/core/evidence/file-store';
import type { ApiResult } from '../../shared/errors';
import type { Evidence } from '../../shared/api/evidence';
import { t as msg } from '../../shared/messages';
import { jpegBytes, pngBytes } from '../support/evidence-files';

// Attaches are committed in groups (evidence/attach-group.ts): the rows are listed in the order
// the files were sent, whatever order their writes finish in; a group whose files cannot be put
// into the store, or whose rows cannot be committed, is refused as a whole, every caller hears
// it at once, and nothing of it is recorded; the next attach works again.

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  backends.splice(0).forEach((b) => b.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A backend whose log is kept: the failures below are reported to it as unexpected errors. */
function openBackend(): { backend: Backend; dir: string; logged: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-attach-group-'));
  dirs.push(dir);
  const logged: string[] = [];
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: (message) => void logged.push(message) });
  backends.push(backend);
  return { backend, dir, logged };
}

async function rakor(backend: Backend): Promise<number> {
  const result = await backend.invoke('meeting.create', { title: 'Rakor Foto', clusterCodes: ['III'], date: '2025-03-10', startTime: '09:00', agenda: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.data as { id: number }).id;
}

const attach = (backend: Backend, meetingId: number, fileName: string, bytes: Uint8Array) =>
  backend.invoke('evidence.attach', { meetingId, fileName, bytes, evidenceDate: '2025-03-10' }) as Promise<ApiResult<Evidence>>;

/** Every caller must hear within a few seconds: an attach left waiting is a failure too. */
function answered<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

const rowNames = (backend: Backend) => (backend.db.prepare(`SELECT original_name AS name FROM evidence ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
const temps = (dir: string) => fs.readdirSync(path.join(dir, STORE_FOLDER)).filter((n) => n.startsWith('.'));
const INTERNAL = { ok: false, error: { code: 'INTERNAL', message: msg('error.internal') } };

describe('attach groups', () => {
  it('lists files sent while earlier groups are being committed in the order they were sent', async () => {
    const { backend, logged } = openBackend();
    const meetingId = await rakor(backend);
    const names: string[] = [];
    const sent: Promise<ApiResult<Evidence>>[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `foto-${String(i + 1).padStart(2, '0')}.jpg`;
      names.push(name);
      // Sizes vary, so the writes finish out of order; each is sent a moment after the last.
      sent.push(attach(backend, meetingId, name, jpegBytes(Buffer.alloc(1024 * (1 + ((i * 37) % 200)), i))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await answered(Promise.all(sent), 30_000);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(rowNames(backend)).toEqual(names);
    const listed = await backend.invoke('evidence.list', { meetingId });
    expect(listed.ok && (listed.data as Evidence[]).map((e) => e.originalName)).toEqual(names);
    expect(logged).toEqual([]);
  });

  it('refuses a group whose files cannot be put into the store, leaving no row and no temporary file', async () => {
    const { backend, dir, logged } = openBackend();
    const meetingId = await rakor(backend);
    const bytes = jpegBytes();
    // A file where the store's folder for this hash should be (a damaged data folder).
    const blocked = path.join(dir, STORE_FOLDER, sha256Of(bytes).slice(0, 2));
    fs.mkdirSync(path.dirname(blocked), { recursive: true });
    fs.writeFileSync(blocked, 'bukan folder');

    expect(await answered(attach(backend, meetingId, 'foto.jpg', bytes))).toEqual(INTERNAL);
    expect(rowNames(backend)).toEqual([]);
    expect(temps(dir)).toEqual([]);
    expect(logged).toEqual(['unexpected error']);

    fs.rmSync(blocked);
    expect(await answered(attach(backend, meetingId, 'foto.jpg', bytes))).toMatchObject({ ok: true, data: { sha256: sha256Of(bytes) } });
    expect(rowNames(backend)).toEqual(['foto.jpg']);
  });

  it('refuses an attach whose file cannot be written, and the attaches after it are not held back', async () => {
    const { backend, dir, logged } = openBackend();
    const meetingId = await rakor(backend);
    // A file where the store's folder should be: the write of the temporary file fails.
    const store = path.join(dir, STORE_FOLDER);
    fs.writeFileSync(store, 'bukan folder');
    expect(await answered(attach(backend, meetingId, 'a.png', pngBytes()))).toEqual(INTERNAL);
    expect(logged).toEqual(['unexpected error']);

    fs.rmSync(store);
    const results = await answered(Promise.all([attach(backend, meetingId, 'b.png', pngBytes()), attach(backend, meetingId, 'c.png', pngBytes())]));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(rowNames(backend)).toEqual(['b.png', 'c.png']);
  });

  it('refuses every attach of a group whose rows cannot be committed (another program holds the database)', async () => {
    const { backend, dir, logged } = openBackend();
    const meetingId = await rakor(backend);
    const other = new Database(databasePath(dir));
    // The wait for the other writer is not what is tested here: shortened from 5 s.
    backend.db.pragma('busy_timeout = 50');
    try {
      other.exec('BEGIN IMMEDIATE');
      const results = await answered(Promise.all([attach(backend, meetingId, 'a.png', pngBytes()), attach(backend, meetingId, 'b.png', pngBytes())]));
      expect(results).toEqual([INTERNAL, INTERNAL]);
      expect(logged).toEqual(['unexpected error', 'unexpected error']);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(rowNames(backend)).toEqual([]);
    expect(await answered(attach(backend, meetingId, 'c.png', pngBytes()))).toMatchObject({ ok: true, data: { originalName: 'c.png' } });
    expect(rowNames(backend)).toEqual(['c.png']);
  });
});
