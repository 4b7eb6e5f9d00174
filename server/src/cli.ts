/**
 * `netremediate`: the engine headless, for CI pipelines and very large fleets.
 *
 * Once the command is done and what it wrote has reached stdout and stderr, the process exits at once:
 * left to end by itself, it would first run the garbage collections V8 has scheduled for the heap the
 * command left behind (up to a tenth of a `remediate` run), for nothing. Exiting before the writes are
 * flushed would truncate megabytes written to a pipe, hence the wait for them.
 */
import { main } from './cli/main';
import { processIo } from './cli/io';

// `netremediate remediate ... | head`: the reader has what it wanted; stop quietly like other Unix tools
// rather than print an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

/** Calls `done` once everything written to `stream` so far is flushed (writes complete in order). */
function afterFlush(stream: NodeJS.WriteStream, done: () => void): void {
  stream.write('', () => done());
}

void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
  afterFlush(process.stdout, () => afterFlush(process.stderr, () => process.exit(code)));
});
