import { readFileSync } from 'node:fs';
import { callApi, configFromEnv, isRecord, printProblem, withNetwork } from './api-client';
import type { CliCommand } from './main';

interface Identity {
  kind: string;
  key: string;
  version: number;
}

function parseIdentity(text: string): Identity | undefined {
  const match = /^([^/@]+)\/([^/@]+)@([1-9]\d*)$/.exec(text);
  return match === null ? undefined : { kind: match[1]!, key: match[2]!, version: Number(match[3]) };
}

function asIdentity(value: unknown): Identity | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, key, version } = value;
  return typeof kind === 'string' && typeof key === 'string' && typeof version === 'number' && Number.isInteger(version) ? { kind, key, version } : undefined;
}

/** A bundle definition or an export: its members first, then the bundle itself, so the bundle never points at drafts. */
function identitiesOfBundle(file: string): Identity[] {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const bundle = isRecord(json) && isRecord(json.bundle) ? json.bundle : json;
  const self = asIdentity(bundle);
  if (!isRecord(bundle) || self === undefined || !Array.isArray(bundle.members)) throw new Error(`${file} is not a bundle (kind, key, version, members)`);
  const members = bundle.members.map(asIdentity);
  if (members.some((m) => m === undefined)) throw new Error(`${file}: every member needs kind, key and version`);
  return [...(members as Identity[]), self];
}

export const publishCommand: CliCommand = {
  usage: 'publish <kind>/<key>@<version> … | --bundle <file>   publish drafts; on lint errors prints each pointer and exits 1',
  run: (args) =>
    withNetwork(async () => {
      let identities: Identity[];
      if (args[0] === '--bundle' && args.length === 2) identities = identitiesOfBundle(args[1]!);
      else {
        const parsed = args.map(parseIdentity);
        if (parsed.length === 0 || parsed.some((p) => p === undefined)) {
          console.error(`usage: npm run shijian -- ${publishCommand.usage}`);
          return 2;
        }
        identities = parsed as Identity[];
      }
      const config = configFromEnv();
      for (const { kind, key, version } of identities) {
        const label = `${kind}/${key}@${version}`;
        const reply = await callApi(config, 'POST', `/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(key)}/versions/${version}/publish`);
        if (!reply.ok) {
          // Stop at the first refusal: later identities (a bundle) may depend on this one.
          printProblem(`publish ${label}`, reply);
          return 1;
        }
        console.log(`published ${label}`);
      }
      return 0;
    }),
};
