/**
 * `netremediate`: the engine headless, for CI pipelines and very large fleets. Only sets the exit code:
 * process.exit() right after megabytes written to a pipe would truncate them.
 */
import { main } from './cli/main';
import { processIo } from './cli/io';

void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
