import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src-main/core/demo/seed-demo';
import { appUnderTest, SCREEN_DIR, screenshot } from '../support/web-runtime';

// Issue 15: every screen usable on office laptops (1024×768, and 1366×768 at 125 % = 1093×614
// CSS px): no sideways scroll, no field narrower than it needs, and axe-core finds nothing of
// serious or critical impact. Screenshots land in .tmp/screens (rakor-15-layout-*).

const app = appUnderTest();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1093x614', width: 1093, height: 614 },
];

/** Horizontal overflow of the page and every visible input/select narrower than 60 px (or its content). */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const narrow: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'hidden', 'file', 'date'].includes(el.type)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Content width: a select's longest option is not required, its chosen text is.
      const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value || el.placeholder;
      const need = Math.min(60, text.length * 7 + 16);
      if (box.width < need) narrow.push(`${el.getAttribute('aria-label') ?? el.id ?? el.name}: ${Math.round(box.width)}px`);
    }
    return { overflow: root.scrollWidth - root.clientWidth, narrow };
  });
}

async function axeSerious(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('office laptop screens and axe-core', () => {
  it('no sideways scroll, no crushed field, no serious axe violation on any screen at 1024×768 and 1093×614', async () => {
    const demo = seedDemo(app.runtime.backend.db);
    const meetingId = (demo as unknown as { meetingIds?: number[] }).meetingIds?.[0]
      ?? (app.runtime.backend.db.prepare(`SELECT id FROM meeting ORDER BY date DESC LIMIT 1`).get() as { id: number }).id;
    const paths = [
      '/', '/rapat', '/rapat/baru', '/indikator', '/instansi', '/profil', '/cadangan',
      ...['persiapan', 'hadir', 'pembahasan', 'tindak-lanjut', 'kesimpulan', 'penutup', 'ekspor'].map((tab) => `/rapat/${meetingId}/${tab}`),
    ];
    const failures: string[] = [];
    for (const vp of VIEWPORTS) {
      // bypassCSP only so addScriptTag can inject axe-core; the app's own CSP is tested in web-security.test.ts.
      const page = await app.browser.newPage({ viewport: { width: vp.width, height: vp.height }, locale: 'en-US', timezoneId: 'America/New_York', bypassCSP: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(app.runtime.server.openUrl);
      for (const p of paths) {
        await page.evaluate((h) => { window.location.hash = h; }, p);
        await page.locator('main h1').first().waitFor();
        if (p === '/rapat/baru') await page.getByRole('checkbox').first().check();
        await page.waitForTimeout(250);
        const { overflow, narrow } = await layoutProblems(page);
        if (overflow > 0) failures.push(`${vp.name} ${p}: scrolls sideways by ${overflow}px`);
        if (narrow.length) failures.push(`${vp.name} ${p}: narrow fields ${narrow.join(', ')}`);
        for (const v of await axeSerious(page)) failures.push(`${vp.name} ${p}: axe ${v.impact} ${v.id} at ${v.nodes.join(' | ')}`);
        await screenshot(page, `rakor-15-layout-${vp.name}-${p.replace(/\//g, '_') || 'home'}`);
        // What fits the window itself (a full-page capture grows the viewport and drops the 614-px rules).
        await page.screenshot({ path: path.join(SCREEN_DIR, `rakor-15-view-${vp.name}-${p.replace(/\//g, '_') || 'home'}.png`) });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
