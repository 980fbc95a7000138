import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const tsxLoader = join(root, 'node_modules/tsx/dist/loader.mjs');

/**
 * `node --import tsx`, not the tsx CLI: the CLI runs the program in a child process, so a SIGKILL sent to
 * it would orphan a live server instead of killing it.
 */
const nodeWithTsx = (script: string, args: string[] = []) => [process.execPath, ['--import', `file://${tsxLoader}`, script, ...args]] as const;

/** A free loopback port (the OS picks; we release it just before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote, for assertions and for failure messages. */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** The test's environment, minus a webhook URL the caller did not ask for, plus the database and port. */
function childEnv(env: Record<string, string>, databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: String(port) };
  if (env.SHIJIAN_WEBHOOK_URL === undefined) delete merged.SHIJIAN_WEBHOOK_URL;
  return merged;
}

/** Peak resident memory of a live process in MB (Linux `VmHWM`), or NaN once it is gone. */
export function peakRssMb(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Spawns `tsx server/main.ts` (the real entry point) and waits until /api/health answers. */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const [node, nodeArgs] = nodeWithTsx('server/main.ts');
  const child = spawn(node, nodeArgs, {
    cwd: root,
    env: childEnv(env, databaseUrl, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A graceful stop waits for idle keep-alive connections; past a few seconds it is as good as done.
    const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { baseUrl, child, output: () => log, kill: () => gone('SIGKILL'), stop: () => gone('SIGTERM') };
}

/** Runs `npm run shijian -- …` as its own process; resolves with its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const [node, nodeArgs] = nodeWithTsx('server/cli/main.ts', args);
    const child = spawn(node, nodeArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
