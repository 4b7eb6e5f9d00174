import { createEngine, type ParsedConfig, type Platform } from '../engine';
import { UsageError, type CliIo } from './io';
import { parsePlatformOption, resolvePlatform } from './platformOption';

export interface ConfigPair {
  readonly runningFile: string;
  readonly intendedFile: string;
  readonly platform: Platform;
  readonly running: ParsedConfig;
  readonly intended: ParsedConfig;
}

/** RUNNING and INTENDED of a pair command, read and parsed with the platform given or detected. */
export function readConfigPair(
  command: string,
  positionals: string[],
  platformOption: string | undefined,
  io: CliIo,
): ConfigPair {
  if (positionals.length !== 2) throw new UsageError(`${command} takes RUNNING and INTENDED`);
  const [runningFile, intendedFile] = positionals;
  const runningText = io.readText(runningFile);
  const intendedText = io.readText(intendedFile);
  const { platform } = resolvePlatform(parsePlatformOption(platformOption), [runningText, intendedText]);
  const parser = createEngine();
  return {
    runningFile,
    intendedFile,
    platform,
    running: parser.parse(runningText, { platform, sections: 'lazy' }),
    intended: parser.parse(intendedText, { platform, sections: 'lazy' }),
  };
}
