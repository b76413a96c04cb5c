import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, byId, id, optionalText, patchOf, requestId, requiredText } from '../schemas/common';
import type { Agency } from '../types';

export const AGENCY_KINDS = ['opd', 'vertikal', 'mitra', 'kabkota'] as const;
export const AGENCY_KIND_LABEL: Record<(typeof AGENCY_KINDS)[number], string> = {
  opd: 'OPD',
  vertikal: 'Instansi vertikal',
  mitra: 'Mitra',
  kabkota: 'Pemerintah kabupaten/kota',
};
export const PARTNER_TYPES: Record<string, string> = {
  pkk: 'TP PKK',
  forum_anak: 'Forum Anak',
  lpa: 'Lembaga Perlindungan Anak',
  perguruan_tinggi: 'Perguruan tinggi',
  media: 'Media',
  dunia_usaha: 'Dunia usaha',
  lembaga_masyarakat: 'Lembaga masyarakat',
  lembaga_pendidikan: 'Lembaga pendidikan',
  organisasi_keagamaan: 'Organisasi keagamaan',
  lainnya: 'Lainnya',
};

export const agencyFields = z.strictObject({
  kind: z.enum(AGENCY_KINDS),
  partnerType: z.enum(Object.keys(PARTNER_TYPES) as [string, ...string[]]).or(z.literal('')).default(''),
  name: requiredText(200),
  abbreviation: optionalText(40),
  active: z.boolean().default(true),
});

export const agencyOps = {
  'agency.list': query<Agency[]>()(
    z.strictObject({
      search: optionalText(100),
      kind: z.enum(AGENCY_KINDS).optional(),
      includeInactive: z.boolean().default(true),
    }),
  ),
  'agency.create': op<Agency>()(z.strictObject({ ...agencyFields.shape, requestId })),
  'agency.update': op<Agency>()(z.strictObject({ id, baseRevision, ...patchOf(agencyFields).shape })),
  'agency.delete': op<{ id: number }>()(byId),
};
