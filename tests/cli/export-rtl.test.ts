import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../support/meeting-helpers';
import { docxText } from '../support/docx-read';
import { buildTrackerFixture, trackerSheet } from '../action-item/tracker-fixture';

// `npm run cli -- export-rtl` on the tracker's fixture (tests/action-item/tracker-fixture.ts),
// with C marked selesai outside a meeting so that only A is overdue. In tests/cli because it
// runs the command in a child process, which a mutation run leaves out (vitest.mutation.config.ts).

let t: TestBackend;
let id: Record<string, number>;
beforeAll(async () => {
  ({ t, id } = await buildTrackerFixture());
  await t.call('followUp.setStatus', { actionItemId: id.C, status: 'selesai', notes: 'Taman dibuka' });
});
afterAll(() => t.close());

describe('CLI export-rtl', () => {
  const root = path.resolve(__dirname, '../..');
  const cli = (...args: string[]) => spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('writes the filtered list as .xlsx and .docx, and refuses a wrong filter in Indonesian', async () => {
    t.backend.close();
    const xlsx = path.join(t.dir, 'rtl.xlsx');
    const run = cli('export-rtl', '--data-dir', t.dir, '--out', xlsx, '--terlambat', '--klaster', 'iii');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Daftar tindak lanjut disimpan');
    const sheet = await trackerSheet(fs.readFileSync(xlsx));
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(5).getCell(17).value).toBe(id.A);
    const docx = path.join(t.dir, 'rtl.docx');
    expect(cli('export-rtl', '--data-dir', t.dir, '--out', docx, '--rapat', String(id.jan)).status).toBe(0);
    const text = await docxText(new Uint8Array(fs.readFileSync(docx)));
    expect(text).toContain('Rapat asal: Rakor III Januari (10 Januari 2025)');
    expect(text).not.toContain('Taman bermain');
    const bad = cli('export-rtl', '--data-dir', t.dir, '--out', xlsx, '--status', 'tuntas');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr + bad.stdout).toMatch(/status/i);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const wrongName = cli('export-rtl', '--data-dir', t.dir, '--out', path.join(t.dir, 'rtl.pdf'));
    expect(wrongName.status).not.toBe(0);
    expect(wrongName.stderr + wrongName.stdout).toContain('.xlsx atau .docx');
  });
});
