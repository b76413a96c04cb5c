import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src-main/core/backend';
import { databasePath } from '../../src-main/core/db/database';
import { fileSha, tempDir } from '../support/backup-helpers';
import { DAMAGE_REPORT, strictLog } from '../support/strict-log';

// Damage that SQLite does not throw on: a wrong freelist page count in the header. Every query
// still answers, so only the start-up PRAGMA quick_check sees it; the database must still be
// moved aside (unchanged) and recovery offered, instead of serving rows from a damaged file.

describe('start-up check on damage only quick_check sees', () => {
  it('moves a database with a damaged freelist aside and offers recovery', async () => {
    const dir = tempDir();
    const file = databasePath(dir);
    let b = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
    // Free pages: fill a table and empty it again, then fold the WAL into the file.
    b.db.exec(`CREATE TABLE scratch (x TEXT)`);
    const insert = b.db.prepare(`INSERT INTO scratch VALUES (?)`);
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    b.db.exec(`DELETE FROM scratch`);
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    b.close();

    const bytes = fs.readFileSync(file);
    const freelistCount = bytes.readUInt32BE(36);
    expect(freelistCount).toBeGreaterThan(10);
    bytes.writeUInt32BE(freelistCount + 3, 36);
    fs.writeFileSync(file, bytes);
    const damagedSha = fileSha(file);

    b = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog([DAMAGE_REPORT]) });
    try {
      expect(b.recoveryNeeded()).toBe(true);
      const status = await b.invoke('backup.recovery.status', {});
      if (!status.ok) throw new Error(status.error.message);
      const { movedTo, problem } = status.data as { movedTo: string[]; problem: string };
      expect(problem).toMatch(/freelist/i);
      expect(fileSha(movedTo[0])).toBe(damagedSha);
      const refused = await b.invoke('agency.list', {});
      expect(refused.ok ? '' : refused.error.code).toBe('RECOVERY_NEEDED');
    } finally {
      b.close();
    }
  });
});
