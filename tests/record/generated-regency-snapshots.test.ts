import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createBackend, type Backend } from '../../src-main/core/backend';
import { databasePath, openDatabase } from '../../src-main/core/db/database';
import { snapshotMissing } from '../../src-main/core/snapshot/close';
import { generateRegency, TEN_YEAR_REGENCY, type RegencySize } from '../../bench/generate-regency';
import type { MeetingWorkspace } from '../../shared/meeting';
import { tempDataDir } from '../support/runtime';
import { strictLog } from '../support/strict-log';
import { ok } from '../support/backend';

// The benchmark generator closes its meetings the way the app does (issue 11): a generated
// folder must start with nothing left for the start-up backfill, and the snapshot it stored for
// a meeting must be the one "Tutup rapat" stores for the same rows.

const SMALL: RegencySize = { ...TEN_YEAR_REGENCY, firstYear: 2025, years: 1, perCluster: 3, attendees: 5, actionsPerMeeting: 6, budgetsPerMeeting: 2, agencies: 40 };

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  backends.splice(0).forEach((b) => b.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function generated(leaveLastOpen: boolean): { dir: string; counts: ReturnType<typeof generateRegency> } {
  const dir = tempDataDir('rakor-generated-');
  dirs.push(dir);
  const db = openDatabase(databasePath(dir));
  const counts = generateRegency(db, SMALL, { leaveLastOpen });
  db.close();
  return { dir, counts };
}

function open(dir: string): Backend {
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
  backends.push(backend);
  return backend;
}

interface Stored { minutes_json: string; workspace_json: string; sha256: string; revision: number }
const snapshotOf = (b: Backend, id: number) =>
  b.db.prepare(`SELECT minutes_json, workspace_json, sha256, revision FROM meeting_snapshot WHERE meeting_id = ?`).get(id) as Stored;

/** Instants (row creation, the profile's update) differ between two generations of the same data. */
const INSTANT = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"/g;
const timeless = (json: string) => json.replace(INSTANT, '"<instant>"');

describe('generated regency', () => {
  it('stores a snapshot for every closed meeting, so the start-up backfill finds nothing to do', () => {
    const { dir, counts } = generated(false);
    expect(counts.snapshots).toBe(counts.meetings);
    const b = open(dir);
    expect(snapshotMissing(b.db)).toBe(0);
    const closed = b.db.prepare(`SELECT count(*) AS n FROM meeting WHERE status = 'selesai'`).get() as { n: number };
    expect(closed.n).toBe(counts.meetings);
  });

  it('stores for a meeting what closing it in the app stores', async () => {
    const generatedDir = generated(false).dir;
    const openDir = generated(true).dir;
    const a = open(generatedDir);
    const b = open(openDir);
    const last = (b.db.prepare(`SELECT id FROM meeting WHERE status = 'berlangsung'`).all() as { id: number }[]).map((r) => r.id);
    expect(last).toHaveLength(1);
    const id = last[0];
    expect(snapshotMissing(b.db)).toBe(0);
    await ok(b, 'meeting.close', { id, endTime: '12:00' });

    const mine = snapshotOf(a, id);
    const app = snapshotOf(b, id);
    expect(mine.revision).toBe(app.revision);
    // The signed record, byte for byte apart from instants: the same minutes.
    expect(timeless(mine.minutes_json)).toBe(timeless(app.minutes_json));
    expect(JSON.parse(mine.minutes_json).data.earlierActions.length).toBeGreaterThan(0);

    // The frozen workspace: the same, except what the close itself adds (the meeting's revision,
    // and an explicit follow-up here for each listed RTL left untouched, status as of the meeting).
    const ws = (json: string) => JSON.parse(timeless(json)).data as MeetingWorkspace;
    const mineWs = ws(mine.workspace_json);
    const appWs = ws(app.workspace_json);
    const untouched = mineWs.previousActions.filter((p) => p.reviewHere === null);
    expect(untouched.length).toBeGreaterThan(0);
    for (const p of appWs.previousActions) {
      const before = mineWs.previousActions.find((x) => x.id === p.id);
      expect(before?.status).toBe(p.status);
      if (before?.reviewHere === null) {
        expect(p.reviewHere).toMatchObject({ meetingId: id, status: p.status, notes: '' });
        p.reviewHere = null;
        p.updates = p.updates.filter((u) => u.meetingId !== id);
      }
    }
    mineWs.meeting.revision = appWs.meeting.revision;
    expect(mineWs).toEqual(appWs);
  });
});
