import type { Db } from '../db/database';
import type { RegionProfile } from '../../../shared/types';
import type { OpParsed } from '../../../shared/api/contract';
import { patchRow } from '../db/patch';

interface ProfileRow {
  region_type: 'kabupaten' | 'kota';
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
  updated_at: string;
  revision: number;
}

const COLUMN: Record<Exclude<keyof OpParsed<'regionProfile.update'>, 'baseRevision'>, keyof ProfileRow> = {
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
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

export function updateProfile(db: Db, patch: OpParsed<'regionProfile.update'>): RegionProfile {
  const lines = patch.letterheadLines;
  patchRow(db, 'region_profile', COLUMN, { ...patch, id: 1, letterheadLines: lines === undefined ? undefined : JSON.stringify(lines) }, () => getProfile(db));
  return getProfile(db);
}
