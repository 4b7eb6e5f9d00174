// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, dumpTree, type Platform } from '../../../server/src/engine';
import { fixturePath, readFixture } from '../../support/paths';

/**
 * Each fixture's parse, dumped as text, against its golden file in test/fixtures/trees/. The goldens
 * are the spec a reviewer reads: after a deliberate change, regenerate them with
 * `UPDATE_GOLDEN=1 node --test out/test/unit` and review the diff.
 */
const FIXTURES: readonly [file: string, platform: Platform][] = [
  ['ios-router.cfg', 'cisco_ios'],
  ['ios-switch.cfg', 'cisco_ios'],
  ['nxos-leaf.cfg', 'cisco_nxos'],
  ['ios-crlf.cfg', 'cisco_ios'],
  ['ios-1space-2space.cfg', 'cisco_ios'],
  ['edge-empty.cfg', 'cisco_ios'],
  ['edge-only-comments.cfg', 'cisco_ios'],
  ['edge-unterminated-banner.cfg', 'cisco_ios'],
  ['edge-binary.bin', 'cisco_ios'],
  ['edge-invalid-utf8.cfg', 'cisco_ios'],
  ['edge-tabs.cfg', 'cisco_ios'],
  ['edge-duplicates.cfg', 'cisco_ios'],
];

const engine = createEngine();
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden trees', () => {
  for (const [file, platform] of FIXTURES) {
    it(`${file} parses to its golden tree`, () => {
      const dump = dumpTree(engine.parse(readFixture('configs', file), { platform }));
      const golden = fixturePath('trees', `${file.replace(/\.[a-z]+$/, '')}.tree`);
      if (update || !fs.existsSync(golden)) fs.writeFileSync(golden, dump);
      assert.equal(dump, fs.readFileSync(golden, 'utf8'));
    });
  }
});
