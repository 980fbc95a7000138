/**
 * Studio figures, each against a baseline built or served in the same run:
 * - `studio.bundle.initial` / `.formPage` / `.total`: gzipped JavaScript the first screen loads (the
 *   entry script and its modulepreloads from index.html), a form page on a first visit (the preview
 *   route with JSON Forms, the renderers and runtime/form; the date picker and the upload widget load
 *   only when a person reaches for such a field),
 *   and all JavaScript, vs a minimal React + ReactDOM app.
 * - `studio.preview.interactive` / `.complete`: navigation → interactive (TTI-like: no long task for
 *   500 ms) and → every field rendered, for a 200-field form preview (desktop and phone frames) in
 *   Chromium, vs a static page of 200 plain labelled inputs.
 * - `studio.preview.typing`: keystroke → next frame, p95, typing into that form, vs the same on the static page.
 * - `studio.orderPage.signedIn` / `.withSignIn`: what Chromium receives (gzipped) for the ordering page
 *   (#/workspace/order) on a 360 px phone with its form ready, from the real server with the seeded pack:
 *   a signed-in resident opening it, and one signing in on the way; vs the login page alone. Every
 *   response counts: scripts, styles, HTML and API JSON.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { largeForm } from '../../e2e/activity-form';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { startServer, TestClock } from '../../server/support/server';
import { buildStudio, launchChromium, repoRoot, serveStatic } from '../../e2e/support';
import { median, quantile, type Benchmark, type BenchResult } from '../harness';

const FIELDS = 200;
const NAVIGATIONS = 5;
const KEYSTROKES = 60;

let built: Promise<string> | undefined;
const studioBuild = () =>
  (built ??= buildStudio().then((dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }));

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const round = (n: number) => Math.round(n * 10) / 10;

/** The entry script and modulepreloads named by index.html: what the browser fetches before the first screen. */
function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)].filter((s) => s.endsWith('.js')).map((s) => join(dir, s.replace(/^\//, '')));
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** JS files a route needs on a first visit: its chunk and everything it imports statically, plus the entry's. */
function routeScripts(dir: string, source: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  visit(source);
  return [...files].filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}

async function buildMinimalReact(): Promise<string> {
  // Inside the repository so `react` resolves from its node_modules; node_modules is never committed.
  const dir = join(repoRoot, 'node_modules/.cache/shijian-bench/react-min');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  writeFileSync(
    join(dir, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<p>实践</p>);\n",
  );
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({ configFile: false, root: dir, logLevel: 'silent', plugins: [react()], build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  return join(dir, 'dist');
}

/**
 * Runs in the page. Interactive is measured like Lighthouse's TTI, with a shorter quiet window: the end
 * of the last long task (> 50 ms) once the app has declared itself ready and 500 ms passed without
 * another, so work pushed after the first paint still counts. Complete: every expected field is in the
 * DOM. Typing: each keystroke's time to the frame after it. A string, not a function: tsx would wrap a
 * function's source in helpers that do not exist in the page.
 */
const INSTRUMENT = `
(() => {
  const QUIET_MS = 500;
  let ready;
  let lastLongTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) lastLongTaskEnd = Math.max(lastLongTaskEnd, entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const settle = () => {
    const since = Math.max(ready, lastLongTaskEnd);
    if (performance.now() - since >= QUIET_MS) window.__INTERACTIVE__ = since;
    else setTimeout(settle, 50);
  };
  const complete = () => {
    if (document.querySelectorAll('.sj-field').length >= (window.__EXPECTED_FIELDS__ || 0)) window.__COMPLETE__ = performance.now();
    else requestAnimationFrame(complete);
  };
  Object.defineProperty(window, '__SHIJIAN_READY__', {
    configurable: true,
    get: () => ready,
    set: (value) => {
      ready = value;
      requestAnimationFrame(() => setTimeout(() => { ready = performance.now(); settle(); complete(); }, 0));
    },
  });
  const latencies = [];
  window.__LATENCIES__ = latencies;
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - start), 0));
  }, true);
})();
`;

function staticInputsPage(n: number): string {
  const fields = Array.from({ length: n }, (_, i) => `<div class="sj-field"><label for="f${i}">第 ${i + 1} 项</label><br><input id="f${i}" name="f${i}"></div>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>${fields}<script>window.__SHIJIAN_READY__ = performance.now();</script></body></html>`;
}

interface Navigation {
  interactive: number;
  complete: number;
}

async function navigateTimes(browser: BrowserContext, url: string, setup: (page: Page) => Promise<void>, expectedFields: number): Promise<Navigation[]> {
  const times: Navigation[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.addInitScript({ content: `window.__EXPECTED_FIELDS__ = ${expectedFields};` + INSTRUMENT });
    await setup(page);
    await page.goto(url);
    await page.waitForFunction(() => {
      const w = window as unknown as { __INTERACTIVE__?: number; __COMPLETE__?: number };
      return typeof w.__INTERACTIVE__ === 'number' && typeof w.__COMPLETE__ === 'number';
    }, undefined, { timeout: 20_000 });
    times.push(await page.evaluate(() => {
      const w = window as unknown as { __INTERACTIVE__: number; __COMPLETE__: number };
      return { interactive: w.__INTERACTIVE__, complete: w.__COMPLETE__ };
    }));
    await page.close();
  }
  return times;
}

async function typingLatencies(browser: BrowserContext, url: string, selector: string, setup: (page: Page) => Promise<void>): Promise<number[]> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript({ content: INSTRUMENT });
  await setup(page);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __INTERACTIVE__?: number }).__INTERACTIVE__ === 'number');
  const input = page.locator(selector).first();
  await input.click();
  await page.evaluate(() => ((window as unknown as { __LATENCIES__: number[] }).__LATENCIES__.length = 0));
  const text = '新时代文明实践站志愿服务活动记录abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, KEYSTROKES);
  await page.keyboard.type(text, { delay: 50 });
  await page.waitForTimeout(200);
  const samples = await page.evaluate(() => [...(window as unknown as { __LATENCIES__: number[] }).__LATENCIES__]);
  await page.close();
  return samples;
}

interface Transfer {
  requests: number;
  gzipKb: number;
  /** Every response, largest first. */
  responses: { url: string; gzipKb: number }[];
}

/**
 * Gzipped bytes of every response a fresh page received from `open` until the network went idle. Responses
 * the browser's cache answered count too: the figure is what the page needs, not what the network carried.
 */
async function transferred(browser: BrowserContext, open: (page: Page) => Promise<void>): Promise<Transfer> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 760 });
  const bodies: Promise<{ url: string; gzipKb: number }>[] = [];
  page.on('response', (response) => {
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url().replace(/^https?:\/\/[^/]+/, ''), gzipKb: gzipSync(body, { level: 9 }).length / 1024 }))
        .catch(() => ({ url: response.url(), gzipKb: 0 })),
    );
  });
  await open(page);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await page.close();
  return { requests: sizes.length, gzipKb: sizes.reduce((sum, r) => sum + r.gzipKb, 0), responses: [...sizes].sort((a, b) => b.gzipKb - a.gzipKb) };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'studio.orderPage',
    async run(): Promise<BenchResult[]> {
      const dir = await studioBuild();
      const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'shijian-bench-')), 'order.db'));
      const server = await startServer(database, { clock: new TestClock(Date.now()), overrides: { studioDir: dir } });
      const browser = await launchChromium();
      try {
        const orderUrl = `${server.baseUrl}/#/workspace/order?item=free-clinic`;
        await browser.clearCookies();
        const login = await transferred(browser, async (page) => {
          await page.goto(`${server.baseUrl}/#/login`);
          await page.getByLabel('用户名').waitFor();
        });
        // A resident who signs in on the way to the ordering page: the login page, then the order page.
        const withSignIn = await transferred(browser, async (page) => {
          await page.goto(orderUrl);
          await page.getByLabel('用户名').fill('resident1');
          await page.getByLabel('密码').fill('shijian-demo');
          await page.getByRole('button', { name: /登\s?录/ }).click();
          await page.getByLabel('需求描述').waitFor();
        });
        // The same resident, still signed in, opening the ordering page again: what the page itself needs.
        const signedIn = await transferred(browser, async (page) => {
          await page.goto(orderUrl);
          await page.getByLabel('需求描述').waitFor();
        });
        if (process.env.SHIJIAN_BENCH_VERBOSE) {
          for (const [name, run] of Object.entries({ withSignIn, signedIn })) {
            process.stderr.write(`${name}: ${run.requests} responses\n`);
            for (const r of run.responses) process.stderr.write(`${r.gzipKb.toFixed(1).padStart(7)} ${r.url}\n`);
          }
        }
        return [
          { id: 'studio.orderPage.signedIn', value: round(signedIn.gzipKb), unit: 'KB gz', baseline: 'the login page alone', baselineValue: round(login.gzipKb), ratio: round(signedIn.gzipKb / login.gzipKb), target: '< 300 KB gz (issue 8 phone page budget)', met: signedIn.gzipKb < 300 },
          { id: 'studio.orderPage.withSignIn', value: round(withSignIn.gzipKb), unit: 'KB gz', baseline: 'the login page alone', baselineValue: round(login.gzipKb), ratio: round(withSignIn.gzipKb / login.gzipKb), target: 'sign-in and ordering in one visit' },
        ];
      } finally {
        await browser.close();
        await server.close();
        await database.close();
      }
    },
  },
  {
    id: 'studio.bundle',
    async run(): Promise<BenchResult[]> {
      const dir = await studioBuild();
      const baselineDir = await buildMinimalReact();
      const initial = initialScripts(dir).reduce((sum, f) => sum + gzipKb(f), 0);
      const assets = join(dir, 'assets');
      const total = readdirSync(assets)
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + gzipKb(join(assets, f)), 0);
      const baseline = initialScripts(baselineDir).reduce((sum, f) => sum + gzipKb(f), 0);
      const formPage = routeScripts(dir, 'pages/FormPreviewPage.tsx').reduce((sum, f) => sum + gzipKb(f), 0);
      return [
        { id: 'studio.bundle.initial', value: round(initial), unit: 'KB gz', baseline: 'minimal React + ReactDOM app', baselineValue: round(baseline), ratio: round(initial / baseline), target: '< 400 KB gz', met: initial < 400 },
        { id: 'studio.bundle.formPage', value: round(formPage), unit: 'KB gz', baseline: 'initial (first screen)', baselineValue: round(initial), ratio: round(formPage / initial), target: '< 300 KB gz (issue 8 phone page budget)', met: formPage < 300 },
        { id: 'studio.bundle.total', value: round(total), unit: 'KB gz', baseline: 'initial (first screen)', baselineValue: round(initial), ratio: round(total / initial), target: 'editors and forms load on demand' },
      ];
    },
  },
  {
    id: 'studio.preview',
    async run(): Promise<BenchResult[]> {
      const dir = await studioBuild();
      writeFileSync(join(dir, 'plain-200.html'), staticInputsPage(FIELDS));
      const server = await serveStatic(dir);
      const browser = await launchChromium();
      try {
        const form = largeForm(FIELDS);
        const withForm = async (page: Page) => void (await page.addInitScript({ content: `window.__SHIJIAN_FORM__ = ${JSON.stringify(form)};` }));
        const none = async () => undefined;
        const previewUrl = `${server.url}/#/harness/form?frames=both`;
        const plainUrl = `${server.url}/plain-200.html`;
        // One warm-up each so both sides run with the same disk and compile caches.
        await navigateTimes(browser, plainUrl, none, FIELDS).catch(() => undefined);
        // Both frames of the preview, each FIELDS fields less f2, which a SHOW rule hides while f0 is empty.
        const previewRuns = await navigateTimes(browser, previewUrl, withForm, 2 * (FIELDS - 1));
        const plainRuns = await navigateTimes(browser, plainUrl, none, FIELDS);
        const preview = previewRuns.map((r) => r.interactive);
        const plain = plainRuns.map((r) => r.interactive);
        const complete = median(previewRuns.map((r) => r.complete));
        const typing = await typingLatencies(browser, previewUrl, '[data-frame=desktop] input[id*="f100"]', withForm);
        const plainTyping = await typingLatencies(browser, plainUrl, '#f100', none);
        const p95 = quantile(typing, 0.95);
        const plainP95 = quantile(plainTyping, 0.95);
        return [
          { id: 'studio.preview.interactive', value: round(median(preview)), unit: 'ms', baseline: `static page of ${FIELDS} plain inputs`, baselineValue: round(median(plain)), ratio: round(median(preview) / median(plain)), target: '< 1000 ms', met: median(preview) < 1000 },
          { id: 'studio.preview.complete', value: round(complete), unit: 'ms', baseline: `static page of ${FIELDS} plain inputs`, baselineValue: round(median(plainRuns.map((r) => r.complete))), ratio: round(complete / median(plainRuns.map((r) => r.complete))), target: 'every field rendered (both frames)' },
          { id: 'studio.preview.typing', value: round(p95), unit: 'ms p95', baseline: 'typing in a plain input', baselineValue: round(plainP95), ratio: round(p95 / Math.max(plainP95, 1)), target: '< 50 ms p95', met: p95 < 50 },
        ];
      } finally {
        await browser.close();
        await server.close();
      }
    },
  },
];
