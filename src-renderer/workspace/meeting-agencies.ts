import type { AgencyRef } from '../../shared/meeting';
import type { Agency } from '../../shared/types';

// Inactive agencies keep their names (issue 9, case 7): the list a meeting's tabs get is every
// agency the meeting names (the workspace's `agencies`, active or not, as recorded) plus the
// active ones of the master list. Rows show whatever they refer to; only the pickers for NEW
// entries offer active agencies alone (`forNewEntries`).

/** The agencies a meeting's tabs resolve names with and offer in its existing rows' selects. */
export function meetingAgencies(active: Agency[], named: AgencyRef[]): Agency[] {
  const recorded = new Map(named.map((r) => [r.id, r]));
  const listed = new Set(active.map((a) => a.id));
  // The master list's order; a name as the meeting recorded it wins (a closed meeting shows its snapshot).
  const current = active.map((a) => {
    const r = recorded.get(a.id);
    return r && r.active ? { ...a, name: r.name, abbreviation: r.abbreviation } : a;
  });
  const gone = named
    .filter((r) => !listed.has(r.id))
    .map((r): Agency => ({
      id: r.id, kind: 'opd', partnerType: '', createdAt: '', updatedAt: '', revision: 1, active: false,
      name: r.name,
      // An inactive agency says so wherever it is still chosen.
      abbreviation: `${r.abbreviation || r.name} (nonaktif)`,
    }));
  return [...current, ...gone];
}

/** What a picker for a new entry offers: active agencies only. */
export function forNewEntries(agencies: Agency[]): Agency[] {
  return agencies.filter((a) => a.active);
}
