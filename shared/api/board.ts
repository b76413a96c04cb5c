import { z } from 'zod';
import { query } from './define';
import { id, year } from '../schemas/common';
import type { IndicatorBoard, IndicatorHistory } from '../board';

// Papan indikator: the year's reference set with what the rakor of that year said and did.

export const boardOps = {
  /** Every indicator of the year's set: latest capaian, weak flag, assigned agencies, RTLs, budget. Year defaults to the region's current year. */
  'reference.board': query<IndicatorBoard>()(z.strictObject({ year: year.optional() })),
  /**
   * Every rakor where the indicator was discussed (reviewed, an RTL agreed or followed up), what
   * was said and which RTLs came out and how they went on; a closed rakor as it was signed.
   */
  'reference.indicatorHistory': query<IndicatorHistory>()(z.strictObject({ indicatorId: id, year: year.optional() })),
};
