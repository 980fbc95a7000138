/**
 * Browser-test plumbing shared by tests/e2e and the studio benchmarks: build the studio once with
 * Vite's JS API, serve a directory with node:http, and launch Debian's Chromium through playwright-core.
 */
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
