import fs from 'node:fs';

/** Exit codes of every command: 0 ok, 1 a device failed or its remediation is incomplete, 2 bad usage or input. */
export const EXIT_OK = 0;
export const EXIT_INCOMPLETE = 1;
export const EXIT_USAGE = 2;

/** A problem with what the user gave us: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  /** False for bad input (an unreadable file), where repeating the usage text would only bury the message. */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): string;
}

/** Reads a config file as text; a clear message names the file when it cannot be read. */
export function readConfigFile(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(error);
    throw new UsageError(`${path}: cannot read (${why})`, false);
  }
}

/**
 * Writes to the real streams. process.exit() right after megabytes on a pipe would truncate them, so
 * the entry point only sets process.exitCode and lets the process end by itself.
 */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readText: readConfigFile,
};
