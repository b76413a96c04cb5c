import type { Backend } from '../../src-main/core/backend';
import { TEN_YEAR_REGENCY, type RegencySize } from '../generate-regency';

// "History must not slow down one meeting" (issue 11) compares the 10-year regency (1,500 rakor,
// 30,000 RTLs) with a 1-year regency of the same shape (its last year: 150 rakor, 3,000 RTLs) in
// one run. In each, today's meeting is a new Klaster III rakor after the last one. Shared by the
// API bench (meeting-workspace.ts) and the Chromium bench (meeting-workspace-ui.ts).

export const LAST_YEAR = TEN_YEAR_REGENCY.firstYear + TEN_YEAR_REGENCY.years - 1;
export const ONE_YEAR_REGENCY: RegencySize = { ...TEN_YEAR_REGENCY, firstYear: LAST_YEAR, years: 1 };

/** Today's meeting: a new Klaster III rakor after the regency's last one. Its id. */
export async function createTodaysRakor(backend: Backend): Promise<number> {
  const created = await backend.invoke('meeting.create', { title: 'Rakor Klaster III hari ini', clusterCodes: ['III'], date: `${LAST_YEAR}-12-30`, startTime: '09:00' });
  if (!created.ok) throw new Error(created.error.message);
  return (created.data as { id: number }).id;
}
