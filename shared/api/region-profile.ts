import { z } from 'zod';
import { op, query } from './define';
import { baseRevision, empty, LIMITS, nip, optionalText, patchOf, timeZone, year } from '../schemas/common';
import { t } from '../messages';
import { SIGNING_MODES, type RegionProfile, type SigningMode } from '../types';

const logoDataUrl = z
  .string()
  .max(LIMITS.logoBase64, { error: t('field.logo') })
  .refine((v) => v === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(v), { error: t('field.logo') });

export const REGION_TYPES = ['kabupaten', 'kota', 'provinsi'] as const;
export const REGION_TYPE_LABEL: Record<(typeof REGION_TYPES)[number], string> = { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi' };

/** How the pimpinan rapat signs the notulen (tata naskah dinas). */
export const SIGNING_MODE_LABEL: Record<SigningMode, string> = {
  chair: 'Atas nama sendiri (Pimpinan Rapat)',
  onBehalf: 'Atas nama kepala dinas (a.n. Kepala Dinas …)',
  onBehalfVia: 'Atas nama kepala dinas, untuk beliau (a.n. … u.b.)',
  head: 'Kepala dinas menandatangani sebagai pimpinan rapat',
};

/** Name, jabatan, pangkat/golongan and NIP of one person of the profile (head, chair, notulis). */
const person = <P extends string>(prefix: P) => ({
  [`${prefix}Name`]: optionalText(LIMITS.name),
  [`${prefix}Position`]: optionalText(LIMITS.name),
  [`${prefix}Rank`]: optionalText(100),
  [`${prefix}Nip`]: nip.default(''),
}) as Record<`${P}Name` | `${P}Position` | `${P}Rank`, ReturnType<typeof optionalText>> & Record<`${P}Nip`, z.ZodDefault<typeof nip>>;

export const regionProfileInput = z.strictObject({
  regionType: z.enum(REGION_TYPES),
  regionName: optionalText(100),
  province: optionalText(100),
  timeZone,
  letterheadLines: z.array(optionalText(200)).max(5),
  logoDataUrl: logoDataUrl.default(''),
  paper: z.enum(['A4', 'F4']),
  fontFamily: optionalText(60).refine((v) => v !== '', { error: t('field.required') }),
  fontSizePt: z.number().int().min(8).max(16),
  signingPlace: optionalText(100),
  targetPredikat: optionalText(40),
  targetYear: year.nullable(),
  /** The predikat the region holds now and the (award) year it was given, e.g. Madya 2022. */
  currentPredikat: optionalText(40),
  currentPredikatYear: year.nullable().default(null),
  /** Print the NIP and No. HP columns of the daftar hadir (Lampiran I and the blank sheet). */
  attendancePrintNip: z.boolean().default(true),
  attendancePrintPhone: z.boolean().default(true),
  ...person('head'),
  signingMode: z.enum(SIGNING_MODES).default('chair'),
  signAcknowledge: z.boolean().default(false),
  signViaPosition: optionalText(LIMITS.name),
  ...person('chair'),
  ...person('notulis'),
});

export type RegionProfileInput = z.input<typeof regionProfileInput>;

export const regionProfileOps = {
  'regionProfile.get': query<RegionProfile>()(empty),
  /** Partial: only the fields sent are changed (autosave sends one field at a time). */
  'regionProfile.update': op<RegionProfile>()(z.strictObject({ baseRevision, ...patchOf(regionProfileInput).shape })),
};
