/**
 * Part of `npm start`: builds the studio once when studio/dist is missing (a fresh clone), so the first
 * start serves the app at `/`. A failed build is reported and the API still starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('studio/dist/index.html') && existsSync('studio/index.html')) {
  console.log('[shijian] building the studio (first start)…');
  const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) console.error('[shijian] studio build failed; serving the API only');
}
