import type { dashboardOps } from '../../../shared/api/dashboard';
import type { CoreContext, HandlersOf } from '../handler-types';
import { homeDashboard } from './repository';

/** Beranda: one read across features (above them all but the workspace and export). */
export function dashboardHandlers({ db }: CoreContext): HandlersOf<typeof dashboardOps> {
  return { 'dashboard.home': () => homeDashboard(db) };
}
