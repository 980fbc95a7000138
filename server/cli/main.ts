/**
 * `npm run shijian -- <command> [args]`: operator commands. One file per command; this one only dispatches,
 * so adding a command is one file and one line in `commands`.
 */
import { backupCommand } from './backup';
import { exportCommand } from './export';
import { importCommand } from './import';
import { lintCommand } from './lint';
import { publishCommand } from './publish';
import { restoreCommand } from './restore';
import { verifyCommand } from './verify';

export interface CliCommand {
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

const commands: Record<string, CliCommand> = {
  backup: backupCommand,
  restore: restoreCommand,
  verify: verifyCommand,
  lint: lintCommand,
  import: importCommand,
  export: exportCommand,
  publish: publishCommand,
};

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (command === undefined) {
  console.error(`usage: npm run shijian -- <command>\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}`);
  process.exit(name === undefined || name === 'help' || name === '--help' ? 0 : 2);
}
try {
  process.exit(await command.run(args));
} catch (error) {
  console.error(`[shijian] ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
