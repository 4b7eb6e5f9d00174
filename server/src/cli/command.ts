import type { CliIo } from './io';

/** One `netremediate <name>` command: its help text and what it does; returns the exit code. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: string[], io: CliIo): number | Promise<number>;
}
