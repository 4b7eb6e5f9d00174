/**
 * `netremediate`: the engine headless, for CI pipelines and very large fleets. Only sets the exit code:
 * process.exit() right after megabytes written to a pipe would truncate them.
 */
import { main } from './cli/main';
import { processIo } from './cli/io';

// `netremediate remediate ... | head`: the reader has what it wanted; stop quietly like other Unix tools
// rather than print an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
