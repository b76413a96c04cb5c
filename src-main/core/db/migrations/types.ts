import type Database from 'better-sqlite3';

export interface Migration {
  /** Consecutive from 1. Never renumber or edit a migration that has shipped: add a new one. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
