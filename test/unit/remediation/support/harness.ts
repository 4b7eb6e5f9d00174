/** Shared helpers for the remediation unit tests: configs from lines, plans, rendered scripts. */
import { createEngine, type Platform } from '../../../../server/src/engine/index';
import {
  createRemediationEngine,
  type LoadedConfig,
  type RemediationEngine,
  type RemediationPlan,
  type RenderOptions,
} from '../../../../server/src/engine/remediation/index';

export const parser = createEngine();
export const engine = createRemediationEngine();

/** A config text from its lines. */
export function cfg(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function load(platform: Platform, text: string, with_: RemediationEngine = engine): LoadedConfig {
  return with_.load(parser.parse(text, { platform }));
}

export function plan(
  platform: Platform,
  running: string,
  intended: string,
  with_: RemediationEngine = engine,
): RemediationPlan {
  return with_.plan(parser.parse(running, { platform }), parser.parse(intended, { platform }));
}

/** The remediation script (no exits, original banner delimiters unless told), without the final newline. */
export function remediation(
  platform: Platform,
  running: string,
  intended: string,
  options: RenderOptions & { engine?: RemediationEngine } = {},
): string {
  const p = plan(platform, running, intended, options.engine);
  return (options.engine ?? engine)
    .render(p.remediation, { bannerDelimiter: 'original', ...options })
    .trimEnd();
}

export function rollback(platform: Platform, running: string, intended: string): string {
  return engine.render(plan(platform, running, intended).rollback, { bannerDelimiter: 'original' }).trimEnd();
}

/** A loaded config rendered back, to see what loading kept. */
export function loaded(platform: Platform, text: string): string {
  return engine.renderConfig(load(platform, text)).trimEnd();
}
