import type { Migration } from './types';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_seed_reference';

/** Every migration, in order. The last one's version is the schema version of this build. */
export const MIGRATIONS: Migration[] = [migration0001, migration0002];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
