/**
 * Scope properties over generated pairs (as the remediation properties, test/unit/remediation): for
 * random edits of realistic IOS and NX-OS configs and a random scope,
 * - verify is empty both ways (the cut pair remediates exactly);
 * - every line of the remediation and rollback is in the scope (a managed feature, a managed lineage,
 *   never an ignored line);
 * - the whole running config with the remediation applied, planned again within the scope, needs nothing.
 * Seeded: a failure names its seed, which reproduces it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompiledFeatures, DEFAULT_FEATURES, type Platform } from '../../../server/src/engine/index';
import { generateIosConfig } from '../../support/generateIosConfig';
import { editConfig } from '../remediation/support/configEdits';
import { generateNxosConfig } from '../remediation/support/generateNxosConfig';
import { seededRandom, type Random } from '../remediation/support/random';
import { engine, lines, planWithin } from './support';

const PAIRS = 300;

const PLATFORMS: readonly { platform: Platform; base: readonly string[]; indent: string }[] = [
  { platform: 'cisco_ios', base: [generateIosConfig(4), generateIosConfig(10)], indent: ' ' },
  { platform: 'cisco_nxos', base: [generateNxosConfig(4), generateNxosConfig(8)], indent: '  ' },
];

const FEATURES = [
  'hostname',
  'ntp',
  'snmp',
  'logging',
  'interfaces',
  'routing-bgp',
  'vlans',
  'acls',
  'other',
];

interface Drawn {
  readonly scope: unknown;
  /** Whether a top-level remediation line (and the line under it, when any) may be in the scope. */
  readonly allows: (top: string, line: string) => boolean;
}

/** A random scope: a few features, or descriptions under interfaces, with or without ignored users. */
function drawScope(random: Random, platform: Platform): Drawn {
  const compiled = new CompiledFeatures(DEFAULT_FEATURES[platform]);
  const ignoreUsers = random.int(2) === 0;
  const ignore = ignoreUsers
    ? [
        { preset: 'credentials' },
        { lineage: [{ startswith: 'interface ' }, { re_search: '^(no )?shutdown$' }] },
      ]
    : [];
  const notIgnored = (top: string, line: string): boolean =>
    !ignoreUsers ||
    (!/^(no )?(username|enable secret|snmp-server user)/.test(top) && !/^(no )?shutdown$/.test(line.trim()));
  if (random.int(3) === 0) {
    const lineage = [{ startswith: 'interface ' }, { startswith: 'description ' }];
    return {
      scope: { manage: { lineages: [{ lineage }] }, ...(ignoreUsers ? { ignore } : {}) },
      allows: (top, line) =>
        top.startsWith('interface ') && (line === top || /^\s+(no )?description/.test(line)),
    };
  }
  const features = FEATURES.filter(() => random.int(3) === 0);
  if (features.length === 0) features.push('interfaces');
  return {
    scope: { manage: { features }, ...(ignoreUsers ? { ignore } : {}) },
    allows: (top, line) =>
      features.includes(compiled.names[compiled.featureOf(top)]) && notIgnored(top, line),
  };
}

/** Each line of a script with the top-level line it sits under. */
function withTop(script: readonly string[]): { top: string; line: string }[] {
  let top = '';
  return script.map((line) => {
    if (!/^\s/.test(line)) top = line;
    return { top, line };
  });
}

describe('scope properties over generated pairs', () => {
  for (const { platform, base, indent } of PLATFORMS) {
    test(`${platform}: within a random scope, verify is empty and every line is in scope, ${PAIRS} pairs`, () => {
      for (let seed = 1; seed <= PAIRS; seed++) {
        const random = seededRandom(seed * 104729 + (platform === 'cisco_ios' ? 3 : 4));
        const start = base[seed % base.length];
        const running = editConfig(start, random, random.int(3), indent);
        const intended = editConfig(running, random, 1 + random.int(5), indent);
        const { scope, allows } = drawScope(random, platform);
        const plan = planWithin(running, intended, scope, platform);
        const fail = (what: string, detail: unknown): never =>
          assert.fail(
            `seed ${seed}: ${what}\n${JSON.stringify({ scope, detail }, null, 1)}\n--- running\n${running}\n--- intended\n${intended}`,
          );
        if (plan.verify.length > 0) fail('verify', plan.verify);
        if (plan.rollbackVerify.length > 0) fail('rollback verify', plan.rollbackVerify);
        for (const script of [lines(plan.remediation), lines(plan.rollback)]) {
          for (const { top, line } of withTop(script)) {
            // A context header of a lineage scope is sent to reach its lines: it is `interface ...` itself.
            const bare = top.replace(/^no /, '');
            if (!allows(bare, line === top ? bare : line))
              fail('a line outside the scope', { top, line, script });
          }
        }
        const whole = engine.renderConfig(engine.predict(plan.unscoped!.running, plan.remediation));
        const again = planWithin(whole, intended, scope, platform);
        if (lines(again.remediation).length > 0)
          fail('applied, the scope still needs', lines(again.remediation));
      }
    });
  }
});
