import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Checks of a screen in Chromium shared by the layout tests: sideways scroll, crushed fields, and
// axe-core's serious or critical findings (the page must be opened with bypassCSP to inject it).

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Horizontal overflow of the page and every visible input/select narrower than 60 px (or its content). */
export async function layoutProblems(page: Page) {
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

export async function axeSerious(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
