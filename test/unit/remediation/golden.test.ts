/**
 * Every case under test/fixtures/remediation/<case>/ (read at test time, so new cases are picked up):
 * the rendered remediation and rollback (no exits, banners with a safe delimiter, as a script is sent)
 * equal remediation.cfg and rollback.cfg; the predicted config, rendered as a config, equals
 * predicted.cfg where the case has one; it verifies against intended and the rollback gets back to
 * running; the removed line counts listed in case.json (`removes`, `rollback_removes`) and the
 * findings (`risks`, as `kind: path`) hold.
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
  /** The remediation's risks and findings, `kind: a > b > c`, in order. */
  risks?: string[];
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

/** As a script is sent: banners with one delimiter character their body does not contain. */
function script(tree: ConfigTree): string {
  return engine.render(tree).trimEnd();
}

function has(name: string, file: string): boolean {
  return fs.existsSync(fixturePath('remediation', name, file));
}

/** `a > b > no c` → the remediation line at that path. */
function lineAt(tree: ConfigTree, path: string): HNode | undefined {
  const texts = path.split(' > ');
  let node: HNode | undefined = tree.root;
  for (const text of texts) node = node?.children.find((c) => c.text === text);
  return node;
}

interface Index {
  rules: Record<string, string>;
  cases: { case: string; platform: Platform; rules: string[]; hier_config_differs: boolean }[];
}

describe('remediation goldens', () => {
  test('the fixture folder has cases', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} golden cases`);
  });

  test('index.json lists every case as its case.json says, in the rule vocabulary', () => {
    const index = JSON.parse(fs.readFileSync(fixturePath('remediation', 'index.json'), 'utf8')) as Index;
    assert.deepEqual(index.cases.map((c) => c.case).sort(), cases);
    for (const entry of index.cases) {
      const meta = JSON.parse(read(entry.case, 'case.json')) as CaseFile & Index['cases'][number];
      assert.deepEqual([entry.platform, entry.rules], [meta.platform, meta.rules], entry.case);
      for (const rule of entry.rules)
        assert.ok(rule in index.rules, `${entry.case}: unknown rule id ${rule}`);
    }
    // Every device behaviour (issue 9) has a golden case.
    const used = new Set(index.cases.flatMap((c) => c.rules));
    const uncovered = Object.keys(index.rules).filter((r) => /^(ios|nxos)\.device\./.test(r) && !used.has(r));
    assert.deepEqual(uncovered, []);
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
      if (has(name, 'predicted.cfg'))
        assert.equal(
          engine.renderConfig(plan.predicted).trimEnd(),
          read(name, 'predicted.cfg').trimEnd(),
          'predicted',
        );
      if (meta.risks !== undefined)
        assert.deepEqual(
          plan.risks.map((r) => `${r.kind}: ${r.path.join(' > ')}`),
          meta.risks,
          'risks and findings',
        );
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
