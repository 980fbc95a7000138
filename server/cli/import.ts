import { readFileSync, statSync } from 'node:fs';
import { loadDefinitions } from '../../runtime/lint/load-definitions-node';
import { callApi, configFromEnv, isRecord, printProblem, withNetwork } from './api-client';
import type { CliCommand } from './main';

const bundleFormat = 'shijian-bundle/1';

/**
 * A `shijian-bundle/1` export goes to POST /bundles/import as one transaction (the server lints and publishes it,
 * keeping its versions so export → import → export round-trips); plain definition files become drafts, numbered
 * by the server, to be published with `publish` once reviewed.
 */
export const importCommand: CliCommand = {
  usage: 'import <bundle.json | directory>   an export file: imported (published) as a whole; definition files: created as drafts',
  run: (args) =>
    withNetwork(async () => {
      if (args.length !== 1) {
        console.error(`usage: npm run shijian -- ${importCommand.usage}`);
        return 2;
      }
      const config = configFromEnv();
      const target = args[0]!;
      if (statSync(target).isFile()) {
        const json: unknown = JSON.parse(readFileSync(target, 'utf8'));
        if (isRecord(json) && json.format === bundleFormat) {
          const reply = await callApi(config, 'POST', '/bundles/import', json);
          if (!reply.ok) {
            printProblem(`import ${target}`, reply);
            return 1;
          }
          const result = isRecord(reply.json) ? reply.json : {};
          console.log(`imported ${String(result.imported)} definition(s), ${String(result.unchanged)} unchanged`);
          return 0;
        }
      }
      const loaded = loadDefinitions([target]);
      for (const problem of loaded.problems) console.error(`${problem.file} ${problem.pointer} ${problem.code} ${problem.message.en}`);
      if (loaded.problems.length > 0) return 1;
      let failed = 0;
      for (const document of loaded.documents) {
        const body = document.json;
        if (!isRecord(body) || typeof body.kind !== 'string' || typeof body.key !== 'string') {
          console.error(`${document.file}: needs a string kind and key`);
          failed++;
          continue;
        }
        const reply = await callApi(config, 'POST', `/definitions/${encodeURIComponent(body.kind)}/${encodeURIComponent(body.key)}/drafts`, body);
        if (!reply.ok) {
          printProblem(document.file, reply);
          failed++;
          continue;
        }
        const row = isRecord(reply.json) ? reply.json : {};
        // The printed identity is exactly what `publish` takes next.
        console.log(`draft ${String(row.kind)}/${String(row.key)}@${String(row.version)} ← ${document.file}`);
      }
      return failed > 0 ? 1 : 0;
    }),
};
