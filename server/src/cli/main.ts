import { VERSION } from '../version';
import type { CliCommand } from './command';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { batchCommand } from './batchCommand';
import { complianceCommand } from './complianceCommand';
import { diffCommand } from './diffCommand';
import { mergeCommand } from './mergeCommand';
import { parseCommand } from './parseCommand';
import { remediateCommand } from './remediateCommand';

const COMMANDS: readonly CliCommand[] = [
  remediateCommand,
  batchCommand,
  complianceCommand,
  mergeCommand,
  diffCommand,
  parseCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `netremediate ${VERSION}: remediation and rollback for Cisco IOS and NX-OS configurations

usage: netremediate <command> [options]     netremediate <command> --help

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

exit codes: 0 ok, 1 a device failed or its remediation is incomplete (compliance: per --fail-on),
            2 bad usage or unreadable input
`;
}

/** Runs one command line; never throws: every failure becomes a message on stderr and an exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`netremediate: unknown command '${name}'\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws TypeErrors with a `code` for unknown or malformed options: those are usage errors too.
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (isUsage) {
      const usage = error instanceof UsageError && !error.showUsage ? '' : `usage: ${command.usage}\n`;
      io.err(`netremediate ${command.name}: ${(error as Error).message}\n${usage}`);
      return EXIT_USAGE;
    }
    io.err(`netremediate ${command.name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}
