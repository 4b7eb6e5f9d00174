import { detectPlatform } from './detect/detectPlatform';
import type { ParsedConfig, ParseOptions, PlatformDetection } from './model/types';
import { parseConfig } from './parse/parseConfig';

/**
 * The engine as a service: one factory, an interface of verbs. It holds no documents and does no I/O;
 * the host reads files, caches the returned values (by document version) and passes them back.
 */
export interface ConfigEngine {
  /** Text → tree, trivia and findings. Never throws, whatever the text. */
  parse(text: string, options: ParseOptions): ParsedConfig;
  /** Which platform the text looks like, with a confidence, for when no manifest or language id says. */
  detectPlatform(text: string): PlatformDetection;
}

export function createEngine(): ConfigEngine {
  return {
    parse: (text, options) => parseConfig(text, options.platform, options),
    detectPlatform: (text) => detectPlatform(text),
  };
}
