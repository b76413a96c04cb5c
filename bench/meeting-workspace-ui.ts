import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, startRuntime, STATIC_DIR, type Runtime } from '../tests/support/runtime';
import { TEN_YEAR_REGENCY } from './generate-regency';
import { generateInto, type GeneratedRegency } from './support/bench-regency';
import { createTodaysRakor, ONE_YEAR_REGENCY } from './support/history-regencies';
import { median } from './support/median';

// History must not slow down one meeting (issue 11), in the browser: the 10-year regency and a
// 1-year regency of the same shape, each with today's Klaster III rakor after its last one, both
// served by the web runtime in this process and opened in one Chromium. Per run and regency: a
// fresh page on the meeting list (nothing cached), a click on today's rakor until its first tab
// is painted, then a click on each of the 8 tabs until that tab's content is painted. Timed in
// the page (performance.now() from the click to the frame after the content is in the DOM), so
// the driver's round trips are not counted. The time to the content in the DOM is kept too: the
// painted time waits for the next frame, whose phase adds 0-17 ms, which swamps a 20 ms step.
// The two regencies alternate run by run, which one goes first too, so the machine's load hits
// both alike; the 1.3x goal compares medians.
//   npm run build:renderer && npx tsx bench/meeting-workspace-ui.ts [runs] [warmups] [--shots DIR]

const { values, positionals } = parseArgs({ options: { shots: { type: 'string' } }, allowPositionals: true });
const SHOTS = values.shots ? path.resolve(values.shots) : null;
const RUNS = Number(positionals[0] ?? 10);
const WARMUPS = Number(positionals[1] ?? 2);

/** What shows that a step's content is there: a selector inside the tab panel, optionally with a text, and a text that must be gone. */
interface Ready { selector: string; text?: string; notText?: string; also?: string }

// Persiapan is complete once the agencies to invite (agency.list) and the clusters to tick
// (reference.get) are listed: both are read alongside meeting.get.
const OPEN: Ready = { selector: '#meeting-tabpanel .invite-others .chip', also: '#meeting-tabpanel .cluster-picker .chip' };
const TABS: { id: string; label: string; ready: Ready }[] = [
  { id: 'hadir', label: 'Daftar hadir', ready: { selector: '#meeting-tabpanel [data-testid="present-count"]' } },
  { id: 'pembahasan', label: 'Pembahasan', ready: { selector: '#meeting-tabpanel [data-testid="indicator-card"]' } },
  { id: 'tindak-lanjut', label: 'Tindak lanjut', ready: { selector: '#meeting-tabpanel [data-testid="previous-action"]' } },
  { id: 'kesimpulan', label: 'Kesimpulan', ready: { selector: '#meeting-tabpanel h2', text: 'Kesimpulan / keputusan' } },
  { id: 'penutup', label: 'Penutup', ready: { selector: '#meeting-tabpanel h2', text: 'Tutup rapat' } },
  // Lazily loaded code, and the paper size from the profile.
  { id: 'ekspor', label: 'Ekspor', ready: { selector: '#meeting-tabpanel input[type="radio"]:checked' } },
  // The meeting's data dukung list loaded (and any RTL's whose panel is open).
  { id: 'data-dukung', label: 'Data dukung', ready: { selector: '#meeting-tabpanel [data-testid="evidence-panel"]', notText: 'Memuat data dukung' } },
  { id: 'persiapan', label: 'Persiapan', ready: OPEN },
];
const STEPS = ['Buka rapat (dari daftar)', ...TABS.map((t) => `Tab ${t.label}`)];

/**
 * In the page: clicks `click` (a selector) and resolves with the ms until `ready` holds and the
 * next frame has been painted (a requestAnimationFrame, then a task after it), and the DOM size.
 */
async function timedClick(page: Page, click: string, ready: Ready): Promise<{ ms: number; domMs: number; nodes: number; panelNodes: number }> {
  return page.evaluate(async ({ click, ready }) => {
    const holds = () => {
      const found = [...document.querySelectorAll(ready.selector)].some((e) => ready.text === undefined || (e.textContent ?? '').includes(ready.text));
      if (!found || (ready.also !== undefined && !document.querySelector(ready.also))) return false;
      return ready.notText === undefined || !(document.getElementById('meeting-tabpanel')?.textContent ?? '').includes(ready.notText);
    };
    const target = document.querySelector(click);
    if (!(target instanceof HTMLElement)) throw new Error(`nothing to click: ${click}`);
    const start = performance.now();
    target.click();
    await new Promise<void>((resolve) => {
      if (holds()) return resolve();
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    const domMs = performance.now() - start;
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ms = performance.now() - start;
    return { ms, domMs, nodes: document.getElementsByTagName('*').length, panelNodes: document.getElementById('meeting-tabpanel')?.getElementsByTagName('*').length ?? 0 };
  }, { click, ready });
}

interface Side {
  name: string;
  regency: GeneratedRegency;
  runtime: Runtime;
  meetingId: number;
  samples: number[][];
  /** Click to content in the DOM, before the frame: free of the frame clock's 0-17 ms phase. */
  domSamples: number[][];
  nodes: number[];
  panelNodes: number[];
  /** Bytes of JSON the renderer read per operation while opening the meeting and its tabs (last run). */
  reads: Map<string, { calls: number; bytes: number }>;
}

async function prepare(name: string, size: typeof TEN_YEAR_REGENCY): Promise<Side> {
  const regency = generateInto(size, 'rakor-bench-ws-ui-');
  const started = performance.now();
  const runtime = await startRuntime(regency.dir);
  const startMs = performance.now() - started;
  const meetingId = await createTodaysRakor(runtime.backend);
  console.log(`${name}: ${JSON.stringify(regency.counts)}; dibuat ${(regency.generatedMs / 1000).toFixed(1)} s, mulai pertama ${Math.round(startMs)} ms`);
  return { name, regency, runtime, meetingId, samples: STEPS.map(() => []), domSamples: STEPS.map(() => []), nodes: [], panelNodes: [], reads: new Map() };
}

/** One run: a fresh page on the meeting list, open today's rakor, every tab in turn. */
async function run(browser: Browser, side: Side, record: boolean, shots: string | null): Promise<void> {
  const { page } = await openApp(browser, side.runtime, '/rapat');
  // tsx names the functions in the evaluated code with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const reads = new Map<string, { calls: number; bytes: number }>();
  page.on('response', (response) => {
    const op = /\/api\/([\w.]+)$/.exec(new URL(response.url()).pathname)?.[1];
    if (!op) return;
    void response.body().then((b) => {
      const r = reads.get(op) ?? { calls: 0, bytes: 0 };
      reads.set(op, { calls: r.calls + 1, bytes: r.bytes + b.length });
    }, () => undefined);
  });
  try {
    const link = `a[href="#/rapat/${side.meetingId}"]`;
    await page.locator(link).waitFor();
    reads.clear(); // what opening the meeting and its tabs reads, not the list
    const steps = [{ click: link, ready: OPEN, id: 'persiapan' }, ...TABS.map((t) => ({ click: `#tab-${t.id}`, ready: t.ready, id: t.id }))];
    for (const [i, step] of steps.entries()) {
      const r = await timedClick(page, step.click, step.ready);
      if (record) {
        side.samples[i].push(r.ms);
        side.domSamples[i].push(r.domMs);
        side.nodes[i] = r.nodes;
        side.panelNodes[i] = r.panelNodes;
      }
      if (shots && i > 0) {
        fs.mkdirSync(shots, { recursive: true });
        // The top of the page, at most 2,400 px: the Tindak lanjut tab runs to hundreds of cards.
        const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
        await page.screenshot({ path: path.join(shots, `${side.name.replace(/\W+/g, '-')}-${i}-${step.id}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
      }
    }
    await page.waitForLoadState('networkidle');
    if (record) side.reads = reads;
  } finally {
    await page.close();
  }
}

const ms = (n: number) => n.toFixed(0);

function report(ten: Side, one: Side, load: number[][]): void {
  console.log(`\n${RUNS} putaran (setelah ${WARMUPS} pemanasan), bergantian; ms dari klik sampai isi tab tergambar.\n`);
  console.log('| Langkah | 10 tahun min / median / maks | 1 tahun min / median / maks | rasio median | sampai DOM: median 10 th / 1 th (rasio) | simpul DOM 10 th / 1 th (panel tab) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  STEPS.forEach((step, i) => {
    const a = ten.samples[i];
    const b = one.samples[i];
    const cell = (s: number[]) => `${ms(Math.min(...s))} / ${ms(median(s))} / ${ms(Math.max(...s))}`;
    const ratio = median(a) / median(b);
    const [da, db] = [median(ten.domSamples[i]), median(one.domSamples[i])];
    console.log(`| ${step} | ${cell(a)} | ${cell(b)} | ${ratio.toFixed(2)}${ratio > 1.3 ? ' (!)' : ''} | ${ms(da)} / ${ms(db)} (${(da / db).toFixed(2)}) | ${ten.nodes[i]} / ${one.nodes[i]} (${ten.panelNodes[i]} / ${one.panelNodes[i]}) |`);
  });
  const total = (s: Side) => median(s.samples[0].map((_, run) => s.samples.reduce((n, step) => n + step[run], 0)));
  console.log(`| Semua langkah (jumlah per putaran) | median ${ms(total(ten))} | median ${ms(total(one))} | ${(total(ten) / total(one)).toFixed(2)} | | |`);
  console.log('\nJSON yang dibaca renderer dalam satu putaran (operasi: panggilan, KB), 10 tahun | 1 tahun:');
  for (const op of new Set([...ten.reads.keys(), ...one.reads.keys()])) {
    const f = (s: Side) => {
      const r = s.reads.get(op);
      return r ? `${r.calls}×, ${(r.bytes / 1024).toFixed(0)} KB` : '—';
    };
    console.log(`  ${op}: ${f(ten)} | ${f(one)}`);
  }
  const loads = load.map((l) => l[0]);
  console.log(`\nload average (1 menit) selama pengukuran: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
  const worst = Math.max(...STEPS.map((_, i) => median(ten.samples[i]) / median(one.samples[i])));
  console.log(worst <= 1.3 ? 'Sasaran 1,3× tercapai untuk setiap langkah.' : `Sasaran 1,3× BELUM tercapai (rasio terburuk ${worst.toFixed(2)}).`);
}

async function main() {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
  const ten = await prepare('10 tahun', TEN_YEAR_REGENCY);
  const one = await prepare('1 tahun', ONE_YEAR_REGENCY);
  const browser = await launchBrowser();
  const load: number[][] = [];
  try {
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const record = i >= WARMUPS;
      // Alternate which goes first, so neither always follows the other's garbage and caches.
      const order = i % 2 === 0 ? [ten, one] : [one, ten];
      for (const side of order) await run(browser, side, record, null);
      if (record) load.push(os.loadavg());
    }
    if (SHOTS) await run(browser, ten, false, SHOTS);
  } finally {
    await browser.close();
    for (const side of [ten, one]) {
      await side.runtime.stop();
      side.regency.remove();
    }
  }
  report(ten, one, load);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
