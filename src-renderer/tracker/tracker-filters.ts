import type { OpInput } from '../../shared/api/contract';
import { CLUSTER_CODES } from '../../shared/kla';
import { ACTION_STATUSES } from '../../shared/api/action-item';
import { TRACKER_SORTS, type TrackerSort } from '../../shared/tracker';
import type { ActionStatus } from '../../shared/types';

// The tracker's filters as the link that carries them ("#/tindak-lanjut?tahun=2025&klaster=III"):
// a meeting's Tindak lanjut tab and Beranda's tiles open the tracker already filtered.

export interface TrackerFilters {
  year?: number;
  clusterCode?: (typeof CLUSTER_CODES)[number];
  indicatorNumber?: number;
  agencyId?: number;
  status?: ActionStatus;
  overdue?: boolean;
  meetingId?: number;
  search: string;
  sort: TrackerSort;
  descending: boolean;
}

const PARAM = {
  year: 'tahun', clusterCode: 'klaster', indicatorNumber: 'indikator', agencyId: 'instansi', status: 'status',
  overdue: 'terlambat', meetingId: 'rapat', search: 'cari', sort: 'urut', descending: 'turun',
} as const satisfies Record<keyof TrackerFilters, string>;

const positive = (v: string | null) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const oneOf = <T extends string>(v: string | null, options: readonly T[]) => (options.includes(v as T) ? (v as T) : undefined);

/** Filters from a sub-path's query; anything unknown or malformed is left out. */
export function filtersFromQuery(subPath: string): TrackerFilters {
  const cut = subPath.indexOf('?');
  const q = new URLSearchParams(cut < 0 ? '' : subPath.slice(cut + 1));
  return {
    year: positive(q.get(PARAM.year)),
    clusterCode: oneOf(q.get(PARAM.clusterCode), CLUSTER_CODES),
    indicatorNumber: positive(q.get(PARAM.indicatorNumber)),
    agencyId: positive(q.get(PARAM.agencyId)),
    status: oneOf(q.get(PARAM.status), ACTION_STATUSES),
    overdue: q.get(PARAM.overdue) === '1' || undefined,
    meetingId: positive(q.get(PARAM.meetingId)),
    search: q.get(PARAM.search) ?? '',
    sort: oneOf(q.get(PARAM.sort), TRACKER_SORTS) ?? 'targetDate',
    descending: q.get(PARAM.descending) === '1',
  };
}

/** The hash link of the tracker with these filters (only the ones set). */
export function trackerLink(filters: Partial<TrackerFilters>): string {
  const q = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof TrackerFilters)[]) {
    const value = filters[key];
    if (value === undefined || value === '' || value === false) continue;
    if (key === 'sort' && value === 'targetDate') continue;
    q.set(PARAM[key], value === true ? '1' : String(value));
  }
  const query = q.toString();
  return `#/tindak-lanjut${query ? `?${query}` : ''}`;
}

/** The operation's input: the filters set, the search as typed (the core trims it). */
export function trackInput(f: TrackerFilters): OpInput<'export.tracker'> extends infer E ? Omit<E, 'format' | 'paper'> : never {
  return {
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.clusterCode ? { clusterCode: f.clusterCode } : {}),
    ...(f.indicatorNumber !== undefined ? { indicatorNumber: f.indicatorNumber } : {}),
    ...(f.agencyId !== undefined ? { agencyId: f.agencyId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.meetingId !== undefined ? { meetingId: f.meetingId } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    sort: f.sort,
    descending: f.descending,
  };
}
