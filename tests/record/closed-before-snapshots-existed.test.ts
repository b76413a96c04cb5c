import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { databasePath } from '../../src-main/core/db/database';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';

// A database written before snapshots existed (schema 2: tests/fixtures, made by
// scripts/make-fixtures.ts) holds a closed rakor with no snapshot. The first start of this
// version freezes it from its rows as they stand; from then on its notulen cannot drift.

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/schema-v2.sqlite');
const dirs: string[] = [];
const open: TestBackend[] = [];
afterEach(() => {
  open.splice(0).forEach((b) => b.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function start(dir: string): TestBackend {
  const t = openTestBackend(dir);
  open.push(t);
  return t;
}

interface Stored { meetingId: number; revision: number; minutes: string; sha256: string }
const snapshots = (t: TestBackend) =>
  t.backend.db.prepare(`SELECT meeting_id AS meetingId, revision, minutes_json AS minutes, sha256 FROM meeting_snapshot ORDER BY id`).all() as Stored[];

async function notulen(t: TestBackend, meetingId: number): Promise<string> {
  const file = await t.call('export.minutes', { meetingId });
  return docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
}

describe('a rakor closed before snapshots existed', () => {
  it('is frozen at the first start: later renames do not reach its notulen, and a restart adds nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-v2-'));
    dirs.push(dir);
    fs.copyFileSync(FIXTURE, databasePath(dir));
    const t = start(dir);
    const [meeting] = (await t.call('meeting.list', {})).filter((m) => m.status === 'selesai');
    expect(meeting.title).toBe('Rakor Gugus Tugas KLA Triwulan III');

    const stored = snapshots(t);
    expect(stored.map(({ meetingId, revision }) => ({ meetingId, revision }))).toEqual([{ meetingId: meeting.id, revision: 1 }]);
    expect(stored[0].sha256).toBe(createHash('sha256').update(stored[0].minutes).digest('hex'));
    const before = await notulen(t, meeting.id);
    expect(before).toContain('Jemput bola akta di 3 kecamatan.');
    expect(before).toContain('Dinas Kependudukan dan Pencatatan Sipil (fixture)');

    const agency = (await t.call('agency.list', { search: 'DUKCAPIL-FX' })).find((a) => a.abbreviation === 'DUKCAPIL-FX')!;
    await t.edit('agency.update', { id: agency.id, name: 'Dinas Dukcapil Baru' });
    expect(await notulen(t, meeting.id)).toBe(before);

    t.close();
    open.splice(0);
    const again = start(dir);
    expect(snapshots(again)).toEqual(stored);
    expect(await notulen(again, meeting.id)).toBe(before);
  });
});
