import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './support/client';

/** A free port, found by letting the OS pick one and releasing it. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

describe('the node adapter (server/main.ts) on a fresh SQLite file', () => {
  it('migrates, seeds, serves health and the demo login on PORT, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shijian-main-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, 'nested', 'shijian.db')}`, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 45_000;
      while (!output.includes('listening on') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(output).toContain('published');
      expect(output).toContain('demo orders');
      const client = new ApiClient(`http://127.0.0.1:${port}`);
      expect((await client.get('/api/health')).body).toMatchObject({ status: 'ok', database: 'sqlite' });
      expect((await client.post('/api/auth/login', { username: 'district.admin', password: 'shijian-demo' })).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
