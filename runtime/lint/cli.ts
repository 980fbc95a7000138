/**
 * `npm run lint:definitions [paths…] [--json]`: lints definition files (default definitions/liangzhou).
 * Prints problems grouped by file, or the Problem[] as JSON with --json. Exit code 1 on any error;
 * warnings alone exit 0.
 */
import { lintDefinitions, sortProblems, summarize } from './lint';
import { loadDefinitions } from './load-definitions-node';
import type { Problem } from './types';

const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((arg) => !arg.startsWith('--'));
const targets = paths.length > 0 ? paths : ['definitions/liangzhou'];

const loaded = loadDefinitions(targets);
const problems = sortProblems([...loaded.problems, ...lintDefinitions(loaded.documents)]);
const summary = summarize(problems);

if (json) {
  process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
} else {
  process.stdout.write(render(problems));
  const files = loaded.documents.length + loaded.problems.filter((p) => p.code === 'json-syntax').length;
  process.stdout.write(
    `${files} 个文件，${summary.errors} 个错误，${summary.warnings} 个警告 / ` +
      `${files} file(s), ${summary.errors} error(s), ${summary.warnings} warning(s)\n`,
  );
}
process.exitCode = summary.errors > 0 ? 1 : 0;

function render(list: readonly Problem[]): string {
  let out = '';
  let current: string | undefined;
  for (const problem of list) {
    if (problem.file !== current) {
      if (current !== undefined) out += '\n';
      out += `${problem.file}\n`;
      current = problem.file;
    }
    const level = problem.severity === 'error' ? 'error' : 'warn ';
    const english = problem.message.en ? ` / ${problem.message.en}` : '';
    out += `${problem.file}  ${problem.pointer || '(root)'}  ${level} ${problem.code}  ${problem.message['zh-CN']}${english}\n`;
  }
  return list.length > 0 ? `${out}\n` : out;
}
