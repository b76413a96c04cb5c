// The entities as the renderer and the Word export see them (the output side of the API).
// Money is whole sen; dates are "YYYY-MM-DD"; times "HH:MM"; NIP bare digits.

import type { TimeZoneCode } from './format';
import type { ScoreStage } from './kla';

export type Paper = 'A4' | 'F4';
export type AgencyKind = 'opd' | 'vertikal' | 'mitra' | 'kabkota';
export type RegionType = 'kabupaten' | 'kota' | 'provinsi';
export type MeetingStatus = 'draf' | 'berlangsung' | 'selesai';
export type ActionStatus = 'belum' | 'proses' | 'selesai';
export type AssignmentRole = 'lead' | 'support';

/** Pimpinan rapat and notulis: nama, jabatan, pangkat/golongan, NIP (bare digits). A meeting records them; the profile proposes them. */
export interface ChairAndNotulis {
  chairName: string;
  chairPosition: string;
  chairRank: string;
  chairNip: string;
  notulisName: string;
  notulisPosition: string;
  notulisRank: string;
  notulisNip: string;
}

export const SIGNING_MODES = ['chair', 'onBehalf', 'onBehalfVia', 'head'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export interface RegionProfile extends ChairAndNotulis {
  regionType: RegionType;
  regionName: string;
  province: string;
  timeZone: TimeZoneCode;
  /** Up to five centred lines of the kop surat, top to bottom. */
  letterheadLines: string[];
  /** data: URL of a PNG or JPEG, or '' for none. */
  logoDataUrl: string;
  paper: Paper;
  fontFamily: string;
  fontSizePt: number;
  /** Place printed before the date in signature blocks, e.g. "Sampit". */
  signingPlace: string;
  targetPredikat: string;
  targetYear: number | null;
  currentPredikat: string;
  currentPredikatYear: number | null;
  /** The head of office (Kepala Dinas); with the usual chair and notulis (ChairAndNotulis) a new rakor starts from them. */
  headName: string;
  headPosition: string;
  headRank: string;
  headNip: string;
  /** Who signs the notulen as pimpinan: the chair in their own name, the chair "a.n." the head, or the head. */
  signingMode: SigningMode;
  /** The head of office's "Mengetahui" block under the chair's and the notulis's. */
  signAcknowledge: boolean;
  /** 'onBehalfVia': the jabatan between "a.n." and "u.b." (the head's delegate, e.g. "Sekretaris"). */
  signViaPosition: string;
  /** Daftar hadir (Lampiran I and the blank sheet) prints the NIP / No. HP column; both true by default. */
  attendancePrintNip: boolean;
  attendancePrintPhone: boolean;
  updatedAt: string;
  revision: number;
}

/** A named set of agencies invited together ("Klaster III biasa", "Semua camat"). */
export interface AgencyGroup {
  id: number;
  name: string;
  agencyIds: number[];
}

export interface Agency {
  id: number;
  kind: AgencyKind;
  /** For mitra: pkk, forum_anak, lpa, perguruan_tinggi, media, dunia_usaha, lembaga_masyarakat, lainnya. */
  partnerType: string;
  name: string;
  abbreviation: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

export interface Cluster {
  id: number;
  year: number;
  code: string;
  name: string;
  position: number;
}

export interface SubIndicator {
  id: number;
  indicatorId: number;
  code: string;
  name: string;
  maxPoints: number | null;
}

export interface Indicator {
  id: number;
  clusterId: number;
  number: number;
  name: string;
  /** The agencies that usually lead it, in order (links: they follow renames). */
  usualAgencyIds: number[];
  /** Written names no agency matched yet (from before the links, or a workbook): for the user to fix. */
  usualAgencies: string;
  maxPoints: number | null;
  subIndicators: SubIndicator[];
}

export interface PredikatBandRow {
  id: number;
  year: number;
  name: string;
  minScore: number;
  maxScore: number;
}

export interface EvaluationYear {
  year: number;
  clusters: (Cluster & { indicators: Indicator[] })[];
  bands: PredikatBandRow[];
}

export interface YearScore {
  year: number;
  stage: ScoreStage;
  total: number;
}

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  runtime: 'electron' | 'web' | 'cli';
  evaluationYears: number[];
}
