import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { isReadOp, OP_NAMES, type OpName } from '../../shared/api/contract';
import type { BudgetLine, MeetingWorkspace } from '../../shared/meeting';
import { afterWrite, AFFECTS, FIELD_WRITES } from '../../src-renderer/api/write-effects';
import { createQueryClient } from '../../src-renderer/api/queryClient';

// The renderer's one table of what a write changes, held against the contract and run on a real
// QueryClient: field writes put their row into the cached meeting, structural writes make the
// reads of their feature stale (and only the meeting written, when it is known).

function workspace(id: number, lines: Partial<BudgetLine>[]): MeetingWorkspace {
  return { meeting: { id, title: 'Rakor' }, budgetLines: lines, reviews: [], attendance: [], agenda: [], decisions: [], actions: [], previousActions: [] } as unknown as MeetingWorkspace;
}

function seeded(): QueryClient {
  const client = createQueryClient();
  client.setQueryData(['meeting.get', { id: 1 }], workspace(1, [{ id: 10, meetingId: 1, allocationSen: 100 }, { id: 11, meetingId: 1, allocationSen: 5 }]));
  client.setQueryData(['meeting.get', { id: 2 }], workspace(2, []));
  client.setQueryData(['meeting.list', {}], []);
  client.setQueryData(['agency.list', { includeInactive: false }], []);
  return client;
}
const stale = (client: QueryClient, key: unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe('what a write changes in the renderer cache', () => {
  it('names only reads as affected and only writes as field writes', () => {
    for (const reads of Object.values(AFFECTS)) for (const name of reads) expect(isReadOp(name), name).toBe(true);
    for (const name of Object.keys(FIELD_WRITES) as OpName[]) {
      expect(OP_NAMES, name).toContain(name);
      expect(isReadOp(name), name).toBe(false);
    }
  });

  it('puts an autosaved budget line into the cached meeting, so its total follows, and only marks the list stale', async () => {
    const client = seeded();
    await afterWrite(client, 'budgetLine.update', { id: 10, baseRevision: 1, allocationSen: 250 }, { id: 10, meetingId: 1, allocationSen: 250 } as BudgetLine);
    const ws = client.getQueryData<MeetingWorkspace>(['meeting.get', { id: 1 }])!;
    expect(ws.budgetLines.map((l) => l.allocationSen)).toEqual([250, 5]);
    expect(stale(client, ['meeting.list', {}])).toBe(true);
    expect(stale(client, ['meeting.get', { id: 2 }])).toBe(false);
    expect(stale(client, ['agency.list', { includeInactive: false }])).toBe(false);
  });

  it('makes the written meeting and the list stale after a structural write, not the other meetings', async () => {
    const client = seeded();
    await afterWrite(client, 'actionItem.create', { meetingId: 1, description: 'RTL' }, { id: 5, meetingId: 1 } as never);
    expect(stale(client, ['meeting.get', { id: 1 }])).toBe(true);
    expect(stale(client, ['meeting.list', {}])).toBe(true);
    expect(stale(client, ['meeting.get', { id: 2 }])).toBe(false);
    expect(stale(client, ['agency.list', { includeInactive: false }])).toBe(false);
  });

  it('makes every meeting stale when the write does not say which (a deleted row), and agencies only on agency writes', async () => {
    const client = seeded();
    await afterWrite(client, 'decision.delete', { id: 3 }, { id: 3 });
    expect(stale(client, ['meeting.get', { id: 1 }])).toBe(true);
    expect(stale(client, ['meeting.get', { id: 2 }])).toBe(true);
    expect(stale(client, ['agency.list', { includeInactive: false }])).toBe(false);
    await afterWrite(client, 'agency.delete', { id: 4 }, { id: 4 });
    expect(stale(client, ['agency.list', { includeInactive: false }])).toBe(true);
  });
});
