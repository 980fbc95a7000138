/**
 * `lint.pack`: time to lint the whole Liangzhou pack (schemas + every rule), median of several runs,
 * against reading and JSON.parse-ing the same files in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import { median, timeMs, type Benchmark } from '../harness';

const pack = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'definitions', 'liangzhou');

function packFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? packFiles(path) : entry.name.endsWith('.json') ? [path] : [];
  });
}

async function samples(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timeMs(fn));
  return out;
}

/**
 * A registry twenty versions deep (every definition of the pack at versions 1…20, as after twenty yearly
 * publications): linting must stay linear in the number of documents.
 */
async function scaled(files: string[]) {
  const copies = 20;
  const pack1 = loadDefinitions([pack]).documents;
  const documents = Array.from({ length: copies }, (_, copy) =>
    pack1.map(({ file, json }) => ({ file: `v${copy + 1}/${file}`, json: { ...(json as object), version: copy + 1 } })),
  ).flat();
  lintDefinitions(documents);
  const value = median(await samples(5, () => lintDefinitions(documents)));
  const baselineValue = median(await samples(5, () => lintDefinitions(pack1)));
  return {
    id: 'lint.registry20',
    value,
    unit: `ms (${documents.length} documents)`,
    baseline: `lint the pack once (${pack1.length} documents)`,
    baselineValue,
    ratio: value / baselineValue,
    target: `≤ ${copies * 2}× (linear; quadratic would be ${copies * copies}×)`,
    met: value / baselineValue <= copies * 2,
  };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'lint.pack',
    async run() {
      const files = packFiles(pack);
      // The first run compiles ajv's meta-schemas and warms the JIT: what one CLI invocation pays.
      const firstParse = await timeMs(() => files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown));
      const first = await timeMs(() => lintDefinitions(loadDefinitions([pack]).documents));
      const lint = await samples(15, () => {
        const loaded = loadDefinitions([pack]);
        return lintDefinitions(loaded.documents);
      });
      const parse = await samples(15, () => files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown));
      const value = median(lint);
      const baselineValue = median(parse);
      return [
        {
          id: 'lint.pack',
          value,
          unit: `ms (${files.length} files)`,
          baseline: 'read + JSON.parse the same files',
          baselineValue,
          ratio: value / baselineValue,
          target: '< 1000 ms',
          met: value < 1000,
        },
        await scaled(files),
        {
          id: 'lint.pack.first',
          value: first,
          unit: 'ms (cold, first run in the process)',
          baseline: 'first read + JSON.parse',
          baselineValue: firstParse,
          ratio: first / firstParse,
          target: '< 1000 ms',
          met: first < 1000,
        },
      ];
    },
  },
];
