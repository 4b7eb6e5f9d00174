/** Shared by the scope tests: the fixture pair, plans within a scope, the lines of a script. */
import { createEngine, validateScope, type Platform, type Scope } from '../../../server/src/engine/index';
import {
  createRemediationEngine,
  type PlanOptions,
  type RemediationPlan,
} from '../../../server/src/engine/remediation/index';
import { readFixture } from '../../support/paths';

export const parser = createEngine();
export const engine = createRemediationEngine();

/** A full IOS running config as the device prints it, and a template that renders only ntp, snmp, logging. */
export const PAIR = {
  running: readFixture('scope', 'running', 'br-rtr-11.cfg'),
  intended: readFixture('scope', 'intended', 'br-rtr-11.cfg'),
};

/** A scope as a user writes it, checked: a test with an invalid scope fails here, naming the fields. */
export function scopeOf(value: unknown): Scope {
  const { scope, errors } = validateScope(value);
  if (errors.length > 0 || scope === undefined) throw new Error(`invalid scope: ${JSON.stringify(errors)}`);
  return scope;
}

export function planWithin(
  running: string,
  intended: string,
  scope: unknown,
  platform: Platform = 'cisco_ios',
  options: Omit<PlanOptions, 'scope'> = {},
): RemediationPlan {
  return engine.plan(parser.parse(running, { platform }), parser.parse(intended, { platform }), {
    ...options,
    scope: scope === undefined ? undefined : scopeOf(scope),
  });
}

/** A script's lines as rendered (no exits), in order. */
export function lines(tree: RemediationPlan['remediation']): string[] {
  return engine
    .render(tree)
    .split('\n')
    .filter((l) => l !== '');
}

export function cfg(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
