import { z } from 'zod';
import { query } from './define';
import { year } from '../schemas/common';
import type { MeetingStatus } from '../types';

// Rakor per tahun: how many coordination meetings each klaster held in a year, against what the
// KLA instrument rewards (regular meetings: more than four a year scores best, ../shared/DOMAIN.md).

/** The instrument scores "more than 4 rakor a year" best: 5 is the first count that meets it. */
export const RAKOR_EXPECTED_PER_YEAR = 5;

export interface RakorYearMeeting {
  id: number;
  title: string;
  date: string;
  status: MeetingStatus;
  /** Closed at least once (a reopened meeting was held too: its minutes were signed). */
  held: boolean;
}

export interface RakorYearCluster {
  code: string;
  name: string;
  /** Meetings of the year that were held (closed at least once). */
  held: number;
  /** Meetings of the year not closed yet (draf or berlangsung, never closed). */
  notHeld: number;
  meetsExpectation: boolean;
  /** Every meeting of the year with this klaster, by date. A pleno counts for each of its klaster. */
  meetings: RakorYearMeeting[];
}

export interface RakorYear {
  year: number;
  expected: number;
  /** Distinct meetings held in the year (a pleno counts once here). */
  heldTotal: number;
  clusters: RakorYearCluster[];
  /** Years that have meetings, newest first (the screen's year choice). */
  years: number[];
}

export const rakorYearOps = {
  'meeting.perYear': query<RakorYear>()(z.strictObject({ year })),
};
