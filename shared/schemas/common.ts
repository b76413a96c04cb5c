import { z } from 'zod';
import { isHhMm, isIsoDate, TIME_ZONES } from '../format';
import { normalizeNip } from '../nip';
import { t } from '../messages';

// Building blocks of every input schema. Limits are generous for real use and tight enough that
// a 10 MB string, a negative pagu or a typo'd field never reaches the database.

z.config(z.locales.id());

export const LIMITS = {
  name: 200,
  line: 500,
  /**
   * Notes typed during a meeting: a long discussion is ~20,000 characters, but a pasted report
   * can be far longer and nothing typed may be lost (issue 9: a 200,000-character edit).
   */
  notes: 250_000,
  listItems: 500,
  /** Attendees of one meeting (a large regency's plenary rakor has a few hundred). */
  attendees: 5000,
  /** 1 MB of image = ~1.4 MB of base64. */
  logoBase64: 1_400_000,
} as const;

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const requiredText = (max: number = LIMITS.name) =>
  z.string().trim().min(1, { error: t('field.required') }).max(max, { error: t('field.tooLong', { max }) });

/** Free text of a field (notes, names typed live): kept as typed, never trimmed here. */
export const patchText = (max: number) => z.string().max(max, { error: t('field.tooLong', { max }) });

export const optionalText = (max: number = LIMITS.line) =>
  z.string().trim().max(max, { error: t('field.tooLong', { max }) }).default('');

export const isoDate = z.string().refine(isIsoDate, { error: t('field.date') });
export const hhmm = z.string().refine(isHhMm, { error: t('field.time') });
export const timeZone = z.enum(TIME_ZONES as [string, ...string[]]).transform((v) => v as 'WIB' | 'WITA' | 'WIT');

/** An 18-digit NIP, typed with or without spaces; stored as bare digits. Empty is allowed (non-ASN). */
export const nip = z
  .string()
  .max(40, { error: t('field.nip') })
  .transform((value, ctx) => {
    if (value.trim() === '') return '';
    const digits = normalizeNip(value);
    if (!digits) {
      ctx.addIssue({ code: 'custom', message: t('field.nip') });
      return z.NEVER;
    }
    return digits;
  });

/** Whole sen (1/100 rupiah), never negative; at most Rp10 triliun, far above any budget line. */
export const sen = z
  .number({ error: t('field.money') })
  .int({ error: t('field.money') })
  .min(0, { error: t('field.money') })
  .max(1_000_000_000_000_000, { error: t('field.money') });

export const year = z.number({ error: t('field.year') }).int({ error: t('field.year') }).min(2000, { error: t('field.year') }).max(2100, { error: t('field.year') });

export const phone = z
  .string()
  .trim()
  .max(30, { error: t('field.tooLong', { max: 30 }) })
  .refine((v) => v === '' || /^[0-9+\-\s()]+$/.test(v), { error: t('field.phone') })
  .default('');

/** A row's revision: 1 when created, +1 on every accepted write (optimistic concurrency). */
export const revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * The revision an edit was based on: the write is refused with STALE when the row has moved on.
 * Required: an edit that does not say what it saw could overwrite a newer value unseen.
 */
export const baseRevision = revision;
/** An upsert's base revision: absent only while the row does not exist yet (the core checks). */
export const upsertBaseRevision = revision.optional();

/** A client-generated id of a create: a retry or double-click with the same id creates one row. */
export const requestId = z.uuid().optional();

export const empty = z.strictObject({});
export const byId = z.strictObject({ id });
/** A delete: the row's id and, optionally, the revision the user saw. */
export const deleteById = z.strictObject({ id, baseRevision: revision.optional() });

type Patch<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]>;
};

/**
 * The schema of a partial update (autosave sends one field at a time). Not `.partial()`: zod 4
 * still fills `.default('')` into absent keys, which would blank every field not sent.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<Patch<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<Patch<S>, z.core.$strict>;
}
