import { loadDefinitions } from '../../runtime/lint/load-definitions-node';
import { callApi, configFromEnv, isRecord, printProblem, withNetwork } from './api-client';
import type { CliCommand } from './main';

/**
 * Lints on the server (POST /definitions/{kind}/{key}/lint with the body) rather than locally, because only
 * the server knows the published registry a new definition's references must resolve against.
 */
export const lintCommand: CliCommand = {
  usage: 'lint [paths…]          lint definition files on the server, against its published registry (SHIJIAN_URL, SHIJIAN_TOKEN)',
  run: (args) =>
    withNetwork(async () => {
      const config = configFromEnv();
      // The shared loader: same file walk (skips schemas/) and same json-syntax problems as the offline linter.
      const loaded = loadDefinitions(args.length > 0 ? args : ['.']);
      let errors = 0;
      for (const problem of loaded.problems) {
        console.log(`${problem.file} ${problem.pointer} ${problem.code} ${problem.message.en}`);
        if (problem.severity === 'error') errors++;
      }
      for (const document of loaded.documents) {
        const body = document.json;
        if (!isRecord(body) || typeof body.kind !== 'string' || typeof body.key !== 'string') {
          console.log(`${document.file}  invalid-identity a definition needs a string kind and key`);
          errors++;
          continue;
        }
        const version = typeof body.version === 'number' && Number.isInteger(body.version) && body.version > 0 ? { version: body.version } : {};
        const reply = await callApi(config, 'POST', `/definitions/${encodeURIComponent(body.kind)}/${encodeURIComponent(body.key)}/lint`, { body, ...version });
        if (!reply.ok) {
          printProblem(document.file, reply);
          errors++;
          continue;
        }
        const found = isRecord(reply.json) && Array.isArray(reply.json.problems) ? reply.json.problems : [];
        for (const problem of found) {
          if (!isRecord(problem)) continue;
          const message = isRecord(problem.message) ? String(problem.message.en ?? problem.message['zh-CN'] ?? '') : String(problem.message ?? '');
          console.log(`${document.file} ${String(problem.pointer ?? '')} ${String(problem.code ?? '')} ${message}`);
          if (problem.severity === 'error') errors++;
        }
      }
      console.error(`[shijian] lint: ${loaded.documents.length} file(s), ${errors} error(s)`);
      return errors > 0 ? 1 : 0;
    }),
};
