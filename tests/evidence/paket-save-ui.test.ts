import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { storedPath } from '../../src-main/core/evidence/file-store';
import { appUnderTest, openApp, screenshot } from '../support/web-runtime';
import { SCREEN_DIR } from '../support/runtime';
import { tempDir } from '../support/backup-helpers';
import { b64, pdfBytes, pngBytes } from '../support/evidence-files';

// Issue 13, deliverable 5, through the browser (real Chromium, real web runtime, real SQLite):
// attach a file on the Data dukung screen, type a folder, "Simpan paket data dukung 2024", read
// the notice (where, how many, what was left out) and the zip back. A folder that does not
// exist is refused under the field and nothing is written. Screenshots at 1366 and 1024 wide.

const app = appUnderTest();
const KL1 = 'Klaster KL - Kelembagaan/Indikator 01 - Peraturan Daerah (Perda) tentang KLA';

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.runtime.backend.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `h13-paket-${name}-${w}`);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('Simpan paket data dukung', () => {
  it('saves the year as a .zip into a typed folder and says where, how many, and what was left out', async () => {
    const ref = await call<{ clusters: { indicators: { id: number }[] }[] }>('reference.get', { year: 2024 });
    // A photo whose stored file is gone: the package leaves it out and the notice names it.
    const photo = await call<{ sha256: string }>('evidence.attach', { indicatorId: ref.clusters[0].indicators[0].id, evaluationYear: 2024, fileName: 'foto-rapat.png', base64: b64(pngBytes(Buffer.from('foto'))), evidenceDate: '2024-02-01' });
    fs.rmSync(storedPath(app.runtime.dataDir, photo.sha256));
    await call('meeting.create', { title: 'Rakor Gugus Tugas', clusterCodes: ['KL'], date: '2024-04-02', startTime: '09:00' });

    const { page, errors } = await openApp(app.browser, app.runtime, '/data-dukung/2024');
    await page.getByRole('heading', { name: 'Paket data dukung 2024' }).waitFor();
    // Attach the Perda to indicator 1 as a user does.
    await page.getByRole('link', { name: 'Kelola data dukung indikator 1', exact: true }).click();
    const panel = page.getByTestId('evidence-panel');
    await panel.locator('input[type=file]').setInputFiles([{ name: 'perda-kla.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Perda KLA 2020') }]);
    await panel.getByRole('button', { name: 'Lampirkan 1 berkas' }).click();
    await panel.getByTestId('evidence-item').nth(1).waitFor();
    await page.getByRole('link', { name: 'Tutup' }).click();

    const field = page.getByLabel('Simpan ke folder');
    const save = page.getByRole('button', { name: 'Simpan paket data dukung 2024' });
    await expect.poll(() => field.getAttribute('placeholder')).not.toBe('');
    await shots(page, 'action');

    // A folder that does not exist: refused under the field, nothing written.
    const folder = tempDir('rakor-paket-ui-');
    const missing = path.join(folder, 'belum dibuat');
    await field.fill(missing);
    await save.click();
    await page.getByText(`Folder tidak ditemukan: ${missing}. Periksa lokasinya, atau buat foldernya dulu.`).waitFor();
    expect(fs.readdirSync(folder)).toEqual([]);

    await field.fill(folder);
    await save.click();
    const result = page.getByTestId('package-result');
    await result.waitFor({ timeout: 20_000 });
    const file = path.join(folder, 'Paket data dukung 2024.zip');
    const text = await result.textContent();
    expect(text).toContain(`Paket data dukung 2024 disimpan di ${file}`);
    expect(text).toContain('1 berkas data dukung');
    expect(text).toContain('1 notulen rakor');
    expect(text).toContain('1 berkas tidak dimasukkan karena hilang atau berubah di folder data');
    expect(await result.getByRole('list', { name: 'Berkas yang tidak dimasukkan' }).textContent()).toBe(`${KL1}/01 foto-rapat.png: berkas hilang (foto-rapat.png)`);
    await shots(page, 'saved');

    expect(fs.readdirSync(folder)).toEqual(['Paket data dukung 2024.zip']);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(entries)).toEqual([`${KL1}/02 perda-kla.pdf`, 'Notulen rakor 2024/Notulen Rakor Gugus Tugas 2024-04-02.docx', 'Checklist data dukung 2024.xlsx']);
    expect(Buffer.from(entries[`${KL1}/02 perda-kla.pdf`]).equals(pdfBytes('Perda KLA 2020'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows "Menyusun paket: n dari m berkas" while a year is written', async () => {
    const ref = await call<{ clusters: { indicators: { id: number }[] }[] }>('reference.get', { year: 2023 });
    const indicators = ref.clusters.flatMap((c) => c.indicators);
    const FILES = 12;
    const files: { sha256: string; bytes: Buffer }[] = [];
    for (let i = 0; i < FILES; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), crypto.randomBytes(2048)]);
      const e = await call<{ sha256: string }>('evidence.attach', { indicatorId: indicators[i].id, evaluationYear: 2023, fileName: `bukti ${i + 1}.pdf`, base64: b64(bytes), evidenceDate: '2023-05-01' });
      files.push({ sha256: e.sha256, bytes });
    }
    // The 7th file (indicator 7) becomes a named pipe: the writer waits there, half-way, until the
    // test hands it the same bytes, so the progress is seen however fast the machine is.
    const held = files[6];
    const pipe = storedPath(app.runtime.dataDir, held.sha256);
    fs.rmSync(pipe);
    execFileSync('mkfifo', [pipe]);

    const { page, errors } = await openApp(app.browser, app.runtime, '/data-dukung/2023');
    const folder = tempDir('rakor-paket-ui-besar-');
    await page.getByLabel('Simpan ke folder').fill(folder);
    await page.getByRole('button', { name: 'Simpan paket data dukung 2023' }).click();
    await page.getByText(`Menyusun paket: 6 dari ${FILES + 1} berkas`, { exact: true }).waitFor({ timeout: 20_000 });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(SCREEN_DIR, 'h13-paket-progress-1366.png') });
    // The screen still answers while the package waits: another year is shown and back.
    await page.getByLabel('Tahun evaluasi').selectOption('2024');
    await page.getByRole('heading', { name: 'Paket data dukung 2024' }).waitFor();
    await page.getByText(`Menyusun paket data dukung 2023: 6 dari ${FILES + 1} berkas`, { exact: true }).waitFor();
    await page.getByLabel('Tahun evaluasi').selectOption('2023');
    await page.getByText(`Menyusun paket: 6 dari ${FILES + 1} berkas`, { exact: true }).waitFor();
    // Another screen and back: the core still knows the package is being written.
    await page.getByRole('link', { name: 'Beranda' }).click();
    await page.getByRole('heading', { name: 'Data dukung', level: 1 }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Data dukung', exact: true }).click();
    await page.getByLabel('Tahun evaluasi').selectOption('2023');
    await page.getByText(`Menyusun paket: 6 dari ${FILES + 1} berkas`, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Menyimpan paket…' }).isDisabled()).toBe(true);
    await fsp.writeFile(pipe, held.bytes);

    await page.getByTestId('package-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('package-result').textContent()).toContain(`${FILES} berkas data dukung`);
    expect(fs.readdirSync(folder)).toEqual(['Paket data dukung 2023.zip']);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, 'Paket data dukung 2023.zip'))));
    expect(Object.values(entries).some((data) => Buffer.from(data).equals(held.bytes))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
