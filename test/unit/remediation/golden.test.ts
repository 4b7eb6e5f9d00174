/**
 * Every case under test/fixtures/remediation/<case>/ (read at test time, so new cases are picked up):
 * the rendered remediation and rollback (no exits) equal remediation.cfg and rollback.cfg, the
 * predicted config verifies against intended and the rollback gets back to running, and the removed
 * line counts listed in case.json (`removes`, `rollback_removes`) hold.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine/index';
import {
  createRemediationEngine,
  removedLineCount,
  walk,
  type ConfigTree,
  type HNode,
} from '../../../server/src/engine/remediation/index';
import { fixturePath } from '../../support/paths';

interface CaseFile {
  platform: Platform;
  removes?: Record<string, number>;
  rollback_removes?: Record<string, number>;
}

const parser = createEngine();
const engine = createRemediationEngine();
const root = fixturePath('remediation');
const cases = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(fixturePath('remediation', d.name, 'remediation.cfg')))
  .map((d) => d.name)
  .sort();

function read(name: string, file: string): string {
  return fs.readFileSync(fixturePath('remediation', name, file), 'utf8');
}

/**
 * Goldens render banners with the delimiter the file used (their README: a single safe delimiter is
 * the device-true issue's), so the comparison asks for `original`; scripts default to `safe`.
 */
function script(tree: ConfigTree): string {
  return engine.render(tree, { bannerDelimiter: 'original' }).trimEnd();
}

/** `a > b > no c` → the remediation line at that path. */
function lineAt(tree: ConfigTree, path: string): HNode | undefined {
  const texts = path.split(' > ');
  let node: HNode | undefined = tree.root;
  for (const text of texts) node = node?.children.find((c) => c.text === text);
  return node;
}

describe('remediation goldens', () => {
  test('the fixture folder has cases', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} golden cases`);
  });

  for (const name of cases) {
    test(name, () => {
      const meta = JSON.parse(read(name, 'case.json')) as CaseFile;
      const platform = meta.platform;
      const plan = engine.plan(
        parser.parse(read(name, 'running.cfg'), { platform }),
        parser.parse(read(name, 'intended.cfg'), { platform }),
      );
      assert.equal(script(plan.remediation), read(name, 'remediation.cfg').trimEnd(), 'remediation');
      assert.equal(script(plan.rollback), read(name, 'rollback.cfg').trimEnd(), 'rollback');
      assert.deepEqual(plan.verify, [], 'predicted config differs from intended');
      assert.deepEqual(plan.rollbackVerify, [], 'rollback does not get back to running');
      for (const [path, count] of Object.entries(meta.removes ?? {})) {
        const line = lineAt(plan.remediation, path);
        assert.ok(line !== undefined, `no remediation line ${path}`);
        assert.equal(removedLineCount(line), count, `lines removed by ${path}`);
      }
      for (const [path, count] of Object.entries(meta.rollback_removes ?? {})) {
        const line = lineAt(plan.rollback, path);
        assert.ok(line !== undefined, `no rollback line ${path}`);
        assert.equal(removedLineCount(line), count, `lines removed by ${path}`);
      }
      // Every remediation line is tagged.
      for (const node of walk(plan.remediation.root)) assert.ok((node.meta?.tags.length ?? 0) > 0, node.text);
    });
  }
});
