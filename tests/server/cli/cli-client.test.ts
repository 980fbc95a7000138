import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

const root = resolve(import.meta.dirname, '../../..');
const fiveOrder = JSON.parse(readFileSync(join(root, 'definitions/liangzhou/workflows/five-order.json'), 'utf8')) as Record<string, unknown>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Asynchronous on purpose: the server runs in this process, so a blocking spawnSync would starve it. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const child = spawn('npx', ['tsx', 'server/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// The CLI talks HTTP only, so one dialect is enough: the routes it calls have their own per-dialect suites.
describe.each(DIALECTS.filter((d) => d.name === 'sqlite'))('definition CLI against a $name server', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let work: string;
  let env: Record<string, string>;
  let readEnv: Record<string, string>;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    admin = await signIn(server.baseUrl, 'district.admin');
    const full = await admin.post<{ token: string }>('/api/tokens', { name: 'CI', scope: 'admin' });
    const read = await admin.post<{ token: string }>('/api/tokens', { name: 'CI read', scope: 'read' });
    expect(full.status).toBe(201);
    env = { SHIJIAN_URL: server.baseUrl, SHIJIAN_TOKEN: full.body.token };
    readEnv = { SHIJIAN_URL: server.baseUrl, SHIJIAN_TOKEN: read.body.token };
    work = mkdtempSync(join(tmpdir(), 'shijian-cli-'));
    mkdirSync(join(work, 'good', 'schemas'), { recursive: true });
    mkdirSync(join(work, 'broken'));
    writeFileSync(join(work, 'good', 'ci-order.json'), JSON.stringify({ ...fiveOrder, key: 'ci-order' }, null, 2));
    // Would fail as a definition: proves `schemas/` is skipped like the offline linter skips it.
    writeFileSync(join(work, 'good', 'schemas', 'not-a-definition.json'), '{"type":"object"}');
    const broken = JSON.stringify({ ...fiveOrder, key: 'ci-broken' }, null, 2).replace('"to": "pending_dispatch"', '"to": "no_such_state"');
    expect(broken).toContain('no_such_state');
    writeFileSync(join(work, 'broken', 'ci-broken.json'), broken);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('lints on the server, imports as a draft and publishes', async () => {
    const lintGood = await cli(['lint', join(work, 'good')], env);
    expect(lintGood.stderr).toContain('1 file(s), 0 error(s)');
    expect(lintGood.code).toBe(0);
    const lintBroken = await cli(['lint', join(work, 'broken')], env);
    expect(lintBroken.code).toBe(1);
    expect(lintBroken.stdout).toMatch(/ci-broken\.json \/\S+ \S+ /);

    const imported = await cli(['import', join(work, 'good')], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const identity = /draft (workflow\/ci-order@\d+)/.exec(imported.stdout)?.[1];
    expect(identity).toBeDefined();
    const published = await cli(['publish', identity!], env);
    expect(published.code).toBe(0);
    const stored = await admin.get<{ status: string; key: string }>('/api/definitions/workflow/ci-order');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ key: 'ci-order', status: 'published' });
  }, 120_000);

  it('a broken draft is refused with pointers; a read token cannot import; export is byte for byte', async () => {
    const imported = await cli(['import', join(work, 'broken', 'ci-broken.json')], env);
    expect(imported.code).toBe(0);
    const identity = /draft (workflow\/ci-broken@\d+)/.exec(imported.stdout)![1]!;
    const refused = await cli(['publish', identity], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('422');
    expect(refused.stderr).toMatch(/\n {2}\/\S+ \S+ /);

    const readOnly = await cli(['import', join(work, 'good')], readEnv);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain('403');

    const out = join(work, 'export.json');
    const exported = await cli(['export', 'liangzhou-2026', '--out', out], readEnv);
    expect(exported.code).toBe(0);
    const api = await admin.get('/api/bundles/liangzhou-2026/export');
    expect(api.status).toBe(200);
    expect(readFileSync(out)).toEqual(Buffer.from(api.text));
    // --bundle reads the members from an export; they are published already, so the server's 409 is shown.
    const again = await cli(['publish', '--bundle', out], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/409 Conflict — Version \d+ is already published/);

    const unreachable = await cli(['export', 'liangzhou-2026'], { SHIJIAN_URL: 'http://127.0.0.1:9', SHIJIAN_TOKEN: 'x' });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('cannot reach');
  }, 120_000);
});
