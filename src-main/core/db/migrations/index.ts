import type { Migration } from './types';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_seed_reference';
import { migration0003 } from './0003_record_integrity';
import { migration0004 } from './0004_score_stages';
import { migration0005 } from './0005_seed_wording';
import { migration0006 } from './0006_people_groups_province';
import { migration0007 } from './0007_status_change';
import { migration0008 } from './0008_evidence';
import { migration0009 } from './0009_seed_wording_klaster_v';
import { migration0010 } from './0010_rtl_budget_link';
import { migration0011 } from './0011_signing_mode';
import { migration0012 } from './0012_attendance_nip';
import { migration0013 } from './0013_indicator_usual_agencies';
import { migration0014 } from './0014_action_current_status';
import { migration0015 } from './0015_documentation_photos';

/** Every migration, in order. The last one's version is the schema version of this build. */
export const MIGRATIONS: Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
