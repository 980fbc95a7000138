import { writeFileSync } from 'node:fs';
import { callApi, configFromEnv, printProblem, withNetwork } from './api-client';
import type { CliCommand } from './main';

/** Writes the response text untouched: the server's export is deterministic, and re-serialising could change bytes. */
export const exportCommand: CliCommand = {
  usage: 'export <bundleKey> [version] [--out file]   the server’s bundle export, byte for byte (stdout without --out)',
  run: (args) =>
    withNetwork(async () => {
      const outIndex = args.indexOf('--out');
      const out = outIndex === -1 ? undefined : args[outIndex + 1];
      const positional = outIndex === -1 ? args : args.filter((_, index) => index !== outIndex && index !== outIndex + 1);
      const [key, version] = positional;
      if (key === undefined || (outIndex !== -1 && out === undefined) || (version !== undefined && !/^[1-9]\d*$/.test(version))) {
        console.error(`usage: npm run shijian -- ${exportCommand.usage}`);
        return 2;
      }
      const query = version === undefined ? '' : `?version=${version}`;
      const reply = await callApi(configFromEnv(), 'GET', `/bundles/${encodeURIComponent(key)}/export${query}`);
      if (!reply.ok) {
        printProblem(`export ${key}`, reply);
        return 1;
      }
      if (out === undefined) process.stdout.write(reply.text);
      else {
        writeFileSync(out, reply.text);
        console.error(`[shijian] export: ${key} → ${out} (${Buffer.byteLength(reply.text)} bytes)`);
      }
      return 0;
    }),
};
