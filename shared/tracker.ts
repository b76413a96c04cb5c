import type { ActionItem } from './meeting';
import type { ActionStatus } from './types';

// Tindak lanjut (RTL tracker): every RTL of every meeting with its current status.

export const TRACKER_SORTS = ['targetDate', 'status', 'originDate', 'agency'] as const;
export type TrackerSort = (typeof TRACKER_SORTS)[number];

export interface TrackerRow extends ActionItem {
  /** The current status: the latest follow-up or outside change, else the RTL's own. */
  status: ActionStatus;
  meetingTitle: string;
  meetingDate: string;
  /** The klaster of the RTL's indicator (null without an indicator). */
  clusterCode: string | null;
  indicatorNumber: number | null;
  indicatorName: string | null;
  leadAgencyName: string | null;
  relatedAgencyNames: string[];
  /** Date and keterangan of the latest follow-up or outside change, if any. */
  lastUpdateDate: string | null;
  lastUpdateNotes: string | null;
  /** Target date before today (region's zone) and not selesai. */
  overdue: boolean;
}

export interface TrackerPage {
  rows: TrackerRow[];
  /** Rows matching every filter (the pages' total). */
  total: number;
  /** Rows per current status matching every filter except the status filter (the chips' counts). */
  countsByStatus: Record<ActionStatus, number>;
  /** Overdue rows matching every filter except the status and terlambat filters. */
  overdueCount: number;
}
