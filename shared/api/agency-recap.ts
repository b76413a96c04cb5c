import { z } from 'zod';
import { query } from './define';
import { id, year } from '../schemas/common';
import { t } from '../messages';
import type { AgencyRecap } from '../board';
import type { ExportedFile } from './export';

// Rekap per instansi: one agency's year (indicators, RTLs, budget, attendance) on screen and as
// a one-page letter to send to it; every agency's letter at once as a zip.

const paper = z.enum(['A4', 'F4']);

export const agencyRecapOps = {
  'agency.recap': query<AgencyRecap>()(z.strictObject({ agencyId: id, year })),
  /**
   * The recap as a one-page .docx letter (agencyId), or a zip with one letter per agency that has
   * anything in the year (all: true). Year defaults to the region's current year.
   */
  'export.agencyRecap': query<ExportedFile>()(
    z
      .strictObject({ agencyId: id.optional(), all: z.literal(true).optional(), year: year.optional(), paper: paper.optional() })
      .refine((v) => (v.agencyId === undefined) !== (v.all === undefined), { error: t('field.agencyOrAll'), path: ['agencyId'] }),
  ),
};
