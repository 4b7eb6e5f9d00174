import { createEngine, PLATFORMS, type Platform } from '../engine';
import { UsageError } from './io';

export type PlatformChoice = Platform | 'auto';

export function parsePlatformOption(value: string | undefined): PlatformChoice {
  if (value === undefined || value === 'auto') return 'auto';
  if ((PLATFORMS as readonly string[]).includes(value)) return value as Platform;
  throw new UsageError(`--platform ${value}: expected one of ${[...PLATFORMS, 'auto'].join(', ')}`);
}

/**
 * The platform to parse `texts` with: the one given, else what their content says (the first text that
 * says anything decides), else IOS, which is what most fleets are and what `show run` headers lack.
 */
export function resolvePlatform(
  choice: PlatformChoice,
  texts: readonly string[],
): { platform: Platform; how: string } {
  if (choice !== 'auto') return { platform: choice, how: 'given' };
  const engine = createEngine();
  for (const text of texts) {
    const detection = engine.detectPlatform(text);
    if (detection.platform !== undefined) {
      return { platform: detection.platform, how: `detected, confidence ${detection.confidence.toFixed(2)}` };
    }
  }
  return { platform: 'cisco_ios', how: 'default: nothing in the content said' };
}
