/**
 * Properties over generated pairs (issue 4, "Correctness evidence"): for random edits of realistic
 * IOS and NX-OS configs,
 * - predict(running, remediate(running, intended)) equals intended as a tree;
 * - the rollback applied to that prediction gets back to running;
 * - the remediation of a config against itself is empty, and against itself respelled (interface
 *   abbreviations, NX-OS masks, VLAN list order, blanks: issue 9) too.
 * One base config per platform starts with BGP peer groups (IOS) or peer templates (NX-OS) in use, so
 * that their edits (bgpGroupEdits.ts) change groups the running config has.
 * Seeded: a failure names its seed, which reproduces it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine/index';
import { createRemediationEngine } from '../../../server/src/engine/remediation/index';
import { generateIosConfig } from '../../support/generateIosConfig';
import { editBgpGroups, withBgpGroups } from './support/bgpGroupEdits';
import { editConfig } from './support/configEdits';
import { generateNxosConfig } from './support/generateNxosConfig';
import { seededRandom } from './support/random';
import { respell } from './support/respell';

const parser = createEngine();
const engine = createRemediationEngine();

/** Pairs per platform: thousands in all, within a few seconds. */
const PAIRS = 1_500;
/** Pairs per platform whose intended config changes the running config's peer groups or templates. */
const GROUP_PAIRS = 400;

interface Platforms {
  readonly platform: Platform;
  readonly base: readonly string[];
  readonly indent: string;
}

const PLATFORMS: readonly Platforms[] = [
  {
    platform: 'cisco_ios',
    base: [generateIosConfig(4), generateIosConfig(12), withBgpGroups(generateIosConfig(8), ' ')],
    indent: ' ',
  },
  {
    platform: 'cisco_nxos',
    base: [generateNxosConfig(4), generateNxosConfig(10), withBgpGroups(generateNxosConfig(12), '  ')],
    indent: '  ',
  },
];

function explain(seed: number, running: string, intended: string, detail: unknown): string {
  return `seed ${seed}\n${JSON.stringify(detail, null, 1)}\n--- running\n${running}\n--- intended\n${intended}`;
}

describe('remediation properties over generated pairs', () => {
  for (const { platform, base, indent } of PLATFORMS) {
    test(`${platform}: predict(remediation) = intended, rollback returns, ${PAIRS} pairs`, () => {
      for (let seed = 1; seed <= PAIRS; seed++) {
        const random = seededRandom(seed * 7919 + (platform === 'cisco_ios' ? 1 : 2));
        const start = base[seed % base.length];
        // Both sides edited: running drifts from the template too.
        const running = editConfig(start, random, random.int(3), indent);
        const intended = editConfig(running, random, 1 + random.int(4), indent);
        const plan = engine.plan(parser.parse(running, { platform }), parser.parse(intended, { platform }));
        if (plan.verify.length > 0) assert.fail(explain(seed, running, intended, plan.verify));
        if (plan.rollbackVerify.length > 0)
          assert.fail(explain(seed, running, intended, plan.rollbackVerify));
      }
    });

    test(`${platform}: BGP peer groups / peer templates changed, ${GROUP_PAIRS} pairs`, () => {
      const start = base[base.length - 1];
      for (let seed = 1; seed <= GROUP_PAIRS; seed++) {
        const random = seededRandom(seed * 104_729 + (platform === 'cisco_ios' ? 1 : 2));
        const running = editBgpGroups(
          editConfig(start, random, random.int(3), indent),
          random,
          random.int(2),
          indent,
        );
        const intended = editBgpGroups(running, random, 1 + random.int(3), indent);
        const plan = engine.plan(parser.parse(running, { platform }), parser.parse(intended, { platform }));
        if (plan.verify.length > 0) assert.fail(explain(seed, running, intended, plan.verify));
        if (plan.rollbackVerify.length > 0)
          assert.fail(explain(seed, running, intended, plan.rollbackVerify));
      }
    });

    test(`${platform}: a config against itself needs nothing`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const random = seededRandom(seed);
        const text = editConfig(base[seed % base.length], random, 1 + random.int(4), indent);
        const config = engine.load(parser.parse(text, { platform }));
        const again = engine.load(parser.parse(text, { platform }));
        assert.equal(engine.render(engine.remediate(config, again)), '', `seed ${seed}`);
        assert.equal(engine.render(engine.remediate(config, config)), '', `seed ${seed}`);
      }
    });

    test(`${platform}: a config against itself respelled needs nothing, both ways`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const random = seededRandom(seed * 31 + 7);
        const text = editConfig(base[seed % base.length], random, random.int(4), indent);
        const respelled = respell(text, platform, random);
        const plan = engine.plan(parser.parse(text, { platform }), parser.parse(respelled, { platform }));
        const detail = {
          remediation: engine.render(plan.remediation),
          rollback: engine.render(plan.rollback),
        };
        if (detail.remediation !== '' || detail.rollback !== '' || plan.verify.length > 0)
          assert.fail(explain(seed, text, respelled, detail));
      }
    });
  }
});
