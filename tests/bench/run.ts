/**
 * `npm run bench [-- --only <id-prefix>]`: runs every suite in tests/bench/suites/, prints a table and
 * writes tests/bench/results.json (not committed) so figures can be compared across commits.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

const suiteFiles = readdirSync(join(here, 'suites'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

const results: BenchResult[] = [];
for (const file of suiteFiles) {
  const mod = (await import(pathToFileURL(join(here, 'suites', file)).href)) as { benchmarks?: Benchmark[] };
  for (const bench of mod.benchmarks ?? []) {
    if (only && !bench.id.startsWith(only) && !only.startsWith(bench.id)) continue;
    process.stderr.write(`running ${bench.id} …\n`);
    try {
      const figures = await bench.run();
      results.push(...figures.filter((r) => !only || r.id.startsWith(only) || only.startsWith(bench.id)));
    } catch (error) {
      process.stderr.write(`  ${bench.id} failed: ${(error as Error).stack ?? error}\n`);
      results.push({ id: bench.id, value: Number.NaN, unit: 'error', target: String((error as Error).message), met: false });
    }
  }
}

const fmt = (n: number | undefined) =>
  n === undefined ? '' : Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
const rows = results.map((r) => [
  r.id,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline ? `${r.baseline}: ${fmt(r.baselineValue)}` : '',
  r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
  r.target ?? '',
  r.met === undefined ? '' : r.met ? 'met' : 'NOT MET',
]);
const header = ['id', 'value', 'baseline (same run)', 'ratio', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\n${results.length} figures written to tests/bench/results.json`);
