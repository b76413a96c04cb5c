import { afterAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import type { OpName } from '../../shared/api/contract';
import type { MeetingWorkspace } from '../../shared/meeting';
import { withCurrentRevision } from '../support/revision';
import { timeLimit } from '../support/time-limit';

// Model-based: random sequences of what users do over several meetings (create, attend, review,
// RTLs, budget, follow-ups, close, reopen, delete rows and meetings, restore from Terhapus, rename
// and deactivate agencies, toggle clusters, change assignments). After every step, every closed
// meeting's notulen data and screen must equal what they were when it was closed, and nothing
// may fail with anything but a refusal the user can read.

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const REFUSALS = new Set(['CONFLICT', 'VALIDATION', 'NOT_FOUND', 'STALE']);
const CLUSTERS = ['III', 'IV', 'V'];

/** A workspace without what may legitimately change on a closed meeting (status, revisions). */
function frozenPart(ws: MeetingWorkspace) {
  const { status: _s, revision: _r, minutesRevision: _m, updatedAt: _u, ...meeting } = ws.meeting;
  return { ...ws, meeting };
}

async function runModel(seed: number, steps: number) {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const t: TestBackend = openTestBackend();
  const frozen = new Map<number, { minutes: string; workspace: string; docx: string }>();
  const counts: Record<string, number> = {};
  try {
    const agencies = (await t.call('agency.list', {})).map((a) => a.id).slice(0, 8);

    async function attempt<N extends OpName>(name: N, input: unknown): Promise<unknown> {
      const result = await t.backend.invoke(name, withCurrentRevision(t.backend.db, name, input));
      counts[`${name}:${result.ok ? 'ok' : result.error.code}`] = (counts[`${name}:${result.ok ? 'ok' : result.error.code}`] ?? 0) + 1;
      if (!result.ok && !REFUSALS.has(result.error.code)) throw new Error(`${name} ${JSON.stringify(input)} -> ${JSON.stringify(result.error)}`);
      return result.ok ? result.data : undefined;
    }
    const meetings = async () => (await t.call('meeting.list', {})).map((m) => ({ id: m.id, status: m.status }));
    const openMeeting = async () => pick((await meetings()).filter((m) => m.status !== 'selesai'))?.id;
    const workspace = (id: number) => t.call('meeting.get', { id });
    const exportText = async (id: number) => {
      const file = await t.call('export.minutes', { meetingId: id });
      return docxText(new Uint8Array(Buffer.from(file.base64, 'base64')));
    };

    const actions: (() => Promise<void>)[] = [
      async () => {
        if ((await meetings()).length >= 5) return;
        const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
        const clusterCodes = CLUSTERS.filter(() => rnd() < 0.6);
        await attempt('meeting.create', {
          title: `Rakor ${Math.floor(rnd() * 1000)}`, date: `2025-${month}-1${Math.floor(rnd() * 9)}`, startTime: '09:00',
          clusterCodes: clusterCodes.length ? clusterCodes : ['III'], agenda: ['Pembukaan'],
        });
      },
      async () => {
        const id = await openMeeting();
        if (id) await attempt('attendance.create', { meetingId: id, name: `Peserta ${Math.floor(rnd() * 100)}`, agencyId: pick([null, ...agencies]) });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const ws = await workspace(id);
        const indicator = pick(ws.clusters.flatMap((c) => c.indicators));
        if (indicator) await attempt('indicatorReview.upsert', { meetingId: id, indicatorId: indicator.id, isWeak: rnd() < 0.5, problem: `Masalah ${Math.floor(rnd() * 100)}` });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const ws = await workspace(id);
        const indicator = pick([null, ...ws.clusters.flatMap((c) => c.indicators)]);
        await attempt('actionItem.create', {
          meetingId: id, indicatorId: indicator?.id ?? null, description: `RTL ${Math.floor(rnd() * 1000)}`, leadAgencyId: pick(agencies),
          relatedAgencyIds: [pick(agencies)], status: pick(['belum', 'proses', 'selesai'] as const),
        });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const ws = await workspace(id);
        const indicator = pick(ws.clusters.flatMap((c) => c.indicators));
        await attempt('budgetLine.create', { meetingId: id, agencyId: pick(agencies), indicatorId: indicator?.id ?? null, fiscalYear: 2025, allocationSen: Math.floor(rnd() * 1e9), activityName: `Kegiatan ${Math.floor(rnd() * 100)}` });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const previous = (await workspace(id)).previousActions;
        const action = pick(previous);
        if (action) await attempt('followUp.record', { actionItemId: action.id, meetingId: id, status: pick(['belum', 'proses', 'selesai'] as const), notes: `Catatan ${Math.floor(rnd() * 100)}` });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const closed = await attempt('meeting.close', { id, endTime: '12:00' });
        if (!closed) return;
        const minutes = JSON.stringify(loadMinutesData(t.backend.db, id));
        frozen.set(id, { minutes, workspace: JSON.stringify(frozenPart(await workspace(id))), docx: await exportText(id) });
      },
      async () => {
        const closed = (await meetings()).filter((m) => m.status === 'selesai');
        const m = pick(closed);
        if (m && rnd() < 0.5 && (await attempt('meeting.reopen', { id: m.id }))) frozen.delete(m.id);
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const ws = await workspace(id);
        const choice = pick([
          ['attendance.delete', ws.attendance], ['decision.delete', ws.decisions], ['actionItem.delete', ws.actions],
          ['budgetLine.delete', ws.budgetLines], ['agendaItem.delete', ws.agenda],
        ] as const);
        const row = pick(choice[1] as readonly { id: number }[]);
        if (row) await attempt(choice[0], { id: row.id });
      },
      async () => {
        const m = pick(await meetings());
        if (m && rnd() < 0.4) await attempt('meeting.delete', { id: m.id });
      },
      async () => {
        const entry = pick(await t.call('trash.list', {}));
        if (entry) await attempt('trash.restore', { id: entry.id });
      },
      async () => {
        const agency = pick(await t.call('agency.list', {}));
        await attempt('agency.update', { id: agency.id, baseRevision: agency.revision, name: `${agency.name.split(' #')[0]} #${Math.floor(rnd() * 100)}`, active: rnd() < 0.7 });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const clusterCodes = CLUSTERS.filter(() => rnd() < 0.6);
        await attempt('meeting.setClusters', { id, clusterCodes: clusterCodes.length ? clusterCodes : ['V'], confirmHidden: rnd() < 0.5 });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const indicator = pick((await workspace(id)).clusters.flatMap((c) => c.indicators));
        if (!indicator) return;
        if (rnd() < 0.5) await attempt('assignment.set', { indicatorId: indicator.id, agencyId: pick(agencies), role: pick(['lead', 'support'] as const), meetingId: id });
        else await attempt('assignment.remove', { indicatorId: indicator.id, agencyId: pick(agencies) });
      },
      async () => {
        const id = await openMeeting();
        if (!id) return;
        const ws = await workspace(id);
        const row = pick(ws.actions);
        if (row) await attempt('actionItem.update', { id: row.id, baseRevision: row.revision, status: pick(['belum', 'proses', 'selesai'] as const), description: `Ubah ${Math.floor(rnd() * 100)}` });
      },
    ];

    for (let step = 0; step < steps; step++) {
      await pick(actions)();
      for (const [id, expected] of frozen) {
        const label = `seed ${seed}, step ${step}, meeting ${id}`;
        expect(JSON.stringify(loadMinutesData(t.backend.db, id)), label).toBe(expected.minutes);
        expect(JSON.stringify(frozenPart(await workspace(id))), label).toBe(expected.workspace);
      }
    }
    // The Word documents themselves, read back, once at the end (rendering is the slow part).
    for (const [id, expected] of frozen) expect(await exportText(id), `seed ${seed}, meeting ${id}`).toBe(expected.docx);
    expect(t.backend.db.pragma('foreign_key_check')).toEqual([]);
    return { closed: frozen.size, counts };
  } finally {
    t.close();
  }
}

describe('model: closed meetings never change', () => {
  const SEEDS = [1, 2, 3];
  // Each seed's run, started once: the summary test runs the seeds itself when it runs alone or
  // first (a mutation run, a shuffled order), and reuses the seed tests' runs otherwise.
  const runs = new Map<number, ReturnType<typeof runModel>>();
  const runOnce = (seed: number) => {
    if (!runs.has(seed)) runs.set(seed, runModel(seed, 300));
    return runs.get(seed)!;
  };
  afterAll(async () => {
    if (process.env.RAKOR_MODEL_VERBOSE) console.log(JSON.stringify((await Promise.allSettled(runs.values())).map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason))), null, 1));
  });
  for (const seed of SEEDS) {
    it(`seed ${seed}: 300 random steps over up to 5 meetings`, { timeout: timeLimit(120_000) }, async () => {
      const summary = await runOnce(seed);
      expect(summary.counts['meeting.close:ok'] ?? 0).toBeGreaterThan(0);
    });
  }
  it('exercised closing, reopening, deleting, restoring and follow-ups across the seeds', { timeout: timeLimit(360_000) }, async () => {
    const summaries: unknown[] = [];
    for (const seed of SEEDS) summaries.push(await runOnce(seed));
    const total = (key: string) => summaries.reduce((n: number, s) => n + ((s as { counts: Record<string, number> }).counts[key] ?? 0), 0);
    for (const key of ['meeting.close:ok', 'meeting.reopen:ok', 'meeting.delete:ok', 'meeting.delete:CONFLICT', 'trash.restore:ok', 'followUp.record:ok', 'meeting.setClusters:CONFLICT']) {
      expect(total(key), key).toBeGreaterThan(0);
    }
  });
});
