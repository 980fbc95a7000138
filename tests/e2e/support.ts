/**
 * Browser-test plumbing shared by tests/e2e and the studio benchmarks: build the studio once with
 * Vite's JS API, serve a directory with node:http, launch Debian's Chromium through playwright-core, and
 * `useStudio`, the one harness every browser-test file runs in.
 */
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { demoPassword } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer, type StartOptions } from '../server/support/server';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const artifactsDir = join(repoRoot, 'tests/artifacts');

/**
 * The production studio in a fresh temporary directory of the caller's (who may delete it). Under vitest
 * the build happens once per run (tests/global-setup.ts names a shared directory; the first caller builds
 * there under a lock, the others wait) and each caller gets a copy; elsewhere (benchmarks) it builds.
 */
export async function buildStudio(outDir = mkdtempSync(join(tmpdir(), 'shijian-studio-'))): Promise<string> {
  const shared = process.env.SHIJIAN_STUDIO_BUILD_DIR;
  if (shared === undefined) {
    await viteBuild(outDir);
    return outDir;
  }
  const built = join(shared, 'build');
  const done = join(shared, 'done');
  const failed = join(shared, 'failed');
  let builder = false;
  try {
    mkdirSync(join(shared, 'lock'));
    builder = true;
  } catch {
    // another test file is building it
  }
  if (builder) {
    try {
      await viteBuild(built);
      writeFileSync(done, '');
    } catch (error) {
      writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
  } else {
    const deadline = Date.now() + 10 * 60_000;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`the shared studio build failed:\n${readFileSync(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error('the shared studio build did not finish in 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  cpSync(built, outDir, { recursive: true });
  return outDir;
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would give React's development build: the studio users get is the production one.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(repoRoot, 'vite.config.ts'), root: join(repoRoot, 'studio'), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1; `/api/*` answers 404 problem+json so the studio sees "no server", as offline. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // The studio turns antd's motion off for people who ask for less of it; tests then never judge a frame mid-animation.
    reducedMotion: 'reduce',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

/**
 * axe's serious and critical findings on the settled page ("rule: targets"). Settled: no button still
 * spinning after a save (drawn at reduced opacity) and no list or popup mid-animation, so the check
 * judges what a person reads, not a frame in between.
 */
export async function seriousViolations(page: Page, options: { include?: string } = {}): Promise<string[]> {
  // A page that never settles (a list refreshing on a timer) is checked as it is after a few seconds.
  await page.waitForFunction(() => !document.querySelector('.ant-btn-loading, [class*="-leave-active"], [class*="-enter-active"]'), undefined, { timeout: 5_000 }).catch(() => undefined);
  let builder = new AxeBuilder({ page });
  if (options.include !== undefined) builder = builder.include(options.include);
  const result = await builder.analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

/** A 1×1 PNG: the attachments API checks that the bytes match the declared type. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** antd spaces out two-character Chinese button labels (发 布), so a label matches with optional spaces. */
export const label = (text: string): RegExp => new RegExp(`^${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}$`);

export const noHorizontalScroll = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A full-page screenshot in tests/artifacts (`fullPage: false`: what the viewport shows, e.g. a dialog). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage: options.fullPage ?? true });
}

export interface Viewport {
  width: number;
  height: number;
}

export interface StudioOptions {
  /**
   * How the real server starts (SQLite, the seeded Liangzhou pack and demo users; the built studio is the
   * harness's). `false`: the built studio alone on a static server whose /api answers 404, as offline.
   */
  server?: Omit<StartOptions, 'overrides'> & { overrides?: Omit<NonNullable<StartOptions['overrides']>, 'studioDir'> } | false;
  /** Data the file's tests share, made once the server is up; may return its own teardown (run first). */
  setup?: (studio: Studio) => Promise<void | (() => Promise<void>)>;
  /** Called on every page the harness opens, before it navigates: listeners a file wants on all its pages. */
  onPage?: (page: Page) => void;
  /** What `signedIn` waits for after logging in, unless the call says otherwise (e.g. the workspace navigation). */
  signedInReady?: string;
}

export interface Studio {
  /** The real server (not in an offline session). */
  readonly server: RunningServer;
  readonly browser: BrowserContext;
  /** Where the studio is served. */
  readonly baseUrl: string;
  /** Errors thrown in this test's pages so far ("username: message"); each test ends failed unless it is empty. */
  readonly errors: string[];
  /** A signed-out page (cookies cleared: one browser profile serves the whole file), at `viewport` when given. */
  newPage(viewport?: Viewport, who?: string): Promise<Page>;
  /** Fills the login form the page shows and submits it. */
  logIn(page: Page, username: string, password?: string): Promise<void>;
  /** A new page opened at `#path` and logged in there as a demo user, so the login returns to `path`. */
  signedIn(username: string, path: string, viewport: Viewport, options?: { ready?: string }): Promise<Page>;
}

/**
 * The studio as people get it, for one test file: the production build served by the real server on a fresh
 * SQLite database, and Chromium (reduced motion). Registers the hooks that start it before the file's tests
 * and stop it after; each test fails on an error thrown in one of its pages or logged by the server, and a
 * failing test leaves a screenshot of the last page it opened (tests/artifacts/<file>-failure-<test>.png).
 */
export function useStudio(options: StudioOptions = {}): Studio {
  let outDir = '';
  let database: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let staticServer: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  let teardown: void | (() => Promise<void>);
  let current: Page | undefined;
  const errors: string[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: the studio session starts in beforeAll`);
    return value;
  };

  const studio: Studio = {
    get server() {
      return started(server, 'the API server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get baseUrl() {
      return server?.baseUrl ?? started(staticServer, 'the studio server').url;
    },
    errors,
    async newPage(viewport, who = 'page') {
      await studio.browser.clearCookies();
      const page = await studio.browser.newPage();
      current = page;
      page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));
      options.onPage?.(page);
      page.setDefaultTimeout(20_000);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async logIn(page, username, password = demoPassword) {
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s?录/ }).click();
    },
    async signedIn(username, path, viewport, call = {}) {
      const page = await studio.newPage(viewport, username);
      await page.goto(`${studio.baseUrl}/#${path}`);
      await studio.logIn(page, username);
      const ready = call.ready ?? options.signedInReady;
      if (ready !== undefined) await page.locator(ready).waitFor();
      return page;
    },
  };

  beforeAll(async () => {
    outDir = await buildStudio();
    if (options.server === false) staticServer = await serveStatic(outDir);
    else {
      database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
      const { overrides, ...rest } = options.server ?? {};
      server = await startServer(database.handle, { ...rest, overrides: { ...overrides, studioDir: outDir } });
    }
    browser = await launchChromium();
    teardown = await options.setup?.(studio);
  }, 240_000);

  afterAll(async () => {
    if (teardown) await teardown();
    await browser?.close();
    await server?.close();
    await staticServer?.close();
    await database?.destroy();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    // What a page threw after the last test ended.
    expect(errors).toEqual([]);
  });

  beforeEach((context) => {
    current = undefined;
    context.onTestFailed(async () => {
      const name = `${basename(context.task.file.name).replace(/\.test\.ts$/, '')}-failure-${slug(context.task.name)}.png`;
      await current?.screenshot({ path: artifactPath(name), fullPage: true }).catch(() => undefined);
    });
  });

  afterEach(() => {
    const thrown = errors.splice(0);
    const logged = server?.errors.splice(0) ?? [];
    expect(thrown, 'errors thrown in the studio').toEqual([]);
    expect(logged, 'errors the server logged').toEqual([]);
  });

  return studio;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
