import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One studio build per test run: the browser-test files each used to build the studio themselves (a
 * dozen production builds per `npm test`). The directory is made here and handed to the test processes
 * through the environment; the first file that needs the studio builds it there (tests/e2e/support.ts).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'shijian-studio-run-'));
  process.env.SHIJIAN_STUDIO_BUILD_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
