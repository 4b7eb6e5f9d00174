import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { readConfigPair } from './configPair';
import { engineWithRules } from './rulesOption';

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'a unified diff of two configs, one hunk per changed section, headed by its section path',
  usage: `netremediate diff RUNNING INTENDED [--platform cisco_ios|cisco_nxos|auto] [--rules FILE] [--context N]

  --platform   the configs' platform (default auto: detected from their content)
  --rules F    extra platform rules, JSON as in the netremediate.rules setting
  --context    lines of context around each change (default 3)
Exit code 0 whether or not the configs differ (an empty output means they are equal as hierarchies).`,
  run(argv: string[], io: CliIo): number {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        rules: { type: 'string' },
        context: { type: 'string', default: '3' },
      },
    });
    const context = Number(values.context);
    if (!Number.isInteger(context) || context < 0)
      throw new UsageError(`--context ${values.context}: expected a whole number ≥ 0`);
    const pair = readConfigPair('diff', positionals, values.platform, io);
    io.out(
      engineWithRules(values.rules, io).diff(pair.running, pair.intended, {
        context,
        runningName: pair.runningFile,
        intendedName: pair.intendedFile,
      }),
    );
    return EXIT_OK;
  },
};
