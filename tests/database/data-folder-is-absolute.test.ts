import { expect, it } from 'vitest';
import path from 'node:path';
import { createBackend } from '../../src-main/core/backend';
import { tempDataDir } from '../support/web-runtime';
import { strictLog } from '../support/strict-log';

it('works with an absolute data folder even when given a relative one', async () => {
  const absolute = tempDataDir('rakor-reldir-');
  const relative = path.relative(process.cwd(), absolute);
  const backend = createBackend({ dataDir: relative, runtime: 'cli', log: strictLog() });
  try {
    expect(backend.dataDir).toBe(absolute);
    const settings = await backend.invoke('backup.settings.get', {});
    expect(settings.ok && path.isAbsolute((settings.data as { folder: string }).folder)).toBe(true);
  } finally {
    backend.close();
  }
});
