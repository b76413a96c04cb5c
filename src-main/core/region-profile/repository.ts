import type { Db } from '../db/database';
import type { RegionProfile } from '../../../shared/types';
import type { OpParsed } from '../../../shared/api/contract';
import { patchRow } from '../db/patch';
import { applySeedNames } from '../agency/seed-names';

const PEOPLE = ['head', 'chair', 'notulis'] as const;
const PERSON_FIELDS = [['Name', 'name'], ['Position', 'position'], ['Rank', 'rank'], ['Nip', 'nip']] as const;
type PersonKey = `${(typeof PEOPLE)[number]}${(typeof PERSON_FIELDS)[number][0]}`;
/** headName -> head_name ... for the twelve person fields. */
const PERSON_COLUMN = Object.fromEntries(
  PEOPLE.flatMap((who) => PERSON_FIELDS.map(([field, column]) => [`${who}${field}`, `${who}_${column}`])),
) as Record<PersonKey, string>;

interface ProfileRow extends Record<string, unknown> {
  region_type: RegionProfile['regionType'];
  region_name: string;
  province: string;
  time_zone: RegionProfile['timeZone'];
  letterhead_lines: string;
  logo_data_url: string;
  paper: RegionProfile['paper'];
  font_family: string;
  font_size_pt: number;
  signing_place: string;
  target_predikat: string;
  target_year: number | null;
  current_predikat: string;
  current_predikat_year: number | null;
  signing_mode: RegionProfile['signingMode'];
  sign_acknowledge: number;
  sign_via_position: string;
  attendance_print_nip: number;
  attendance_print_phone: number;
  updated_at: string;
  revision: number;
}

const COLUMN: Record<Exclude<keyof OpParsed<'regionProfile.update'>, 'baseRevision'>, string> = {
  ...PERSON_COLUMN,
  regionType: 'region_type',
  regionName: 'region_name',
  province: 'province',
  timeZone: 'time_zone',
  letterheadLines: 'letterhead_lines',
  logoDataUrl: 'logo_data_url',
  paper: 'paper',
  fontFamily: 'font_family',
  fontSizePt: 'font_size_pt',
  signingPlace: 'signing_place',
  targetPredikat: 'target_predikat',
  targetYear: 'target_year',
  currentPredikat: 'current_predikat',
  currentPredikatYear: 'current_predikat_year',
  signingMode: 'signing_mode',
  signAcknowledge: 'sign_acknowledge',
  signViaPosition: 'sign_via_position',
  attendancePrintNip: 'attendance_print_nip',
  attendancePrintPhone: 'attendance_print_phone',
};

export function getProfile(db: Db): RegionProfile {
  const r = db.prepare(`SELECT * FROM region_profile WHERE id = 1`).get() as ProfileRow;
  return {
    regionType: r.region_type,
    regionName: r.region_name,
    province: r.province,
    timeZone: r.time_zone,
    letterheadLines: JSON.parse(r.letterhead_lines) as string[],
    logoDataUrl: r.logo_data_url,
    paper: r.paper,
    fontFamily: r.font_family,
    fontSizePt: r.font_size_pt,
    signingPlace: r.signing_place,
    targetPredikat: r.target_predikat,
    targetYear: r.target_year,
    currentPredikat: r.current_predikat,
    currentPredikatYear: r.current_predikat_year,
    signingMode: r.signing_mode,
    signAcknowledge: r.sign_acknowledge === 1,
    signViaPosition: r.sign_via_position,
    attendancePrintNip: r.attendance_print_nip === 1,
    attendancePrintPhone: r.attendance_print_phone === 1,
    ...(Object.fromEntries(Object.entries(PERSON_COLUMN).map(([key, column]) => [key, r[column] as string])) as Record<PersonKey, string>),
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

export function updateProfile(db: Db, patch: OpParsed<'regionProfile.update'>): RegionProfile {
  const lines = patch.letterheadLines;
  const before = patch.regionType === undefined ? undefined : getProfile(db).regionType;
  patchRow(db, 'region_profile', COLUMN, { ...patch, id: 1, letterheadLines: lines === undefined ? undefined : JSON.stringify(lines) }, () => getProfile(db));
  // The seeded agency names follow the region type ("BNN Kota", "Polda") until the user edits them.
  if (patch.regionType !== undefined && patch.regionType !== before) applySeedNames(db, patch.regionType);
  return getProfile(db);
}
