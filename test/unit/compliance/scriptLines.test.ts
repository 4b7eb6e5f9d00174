/**
 * A feature's part of the scripts is lines of the device's whole scripts (`remediation_lines`,
 * `rollback_lines`): on every golden case, those lines are exactly what rendering the feature's
 * top-level sections alone prints, and a job record's compact form gives the same texts back.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CompiledFeatures,
  createEngine,
  createRemediationEngine,
  DEFAULT_FEATURES,
  type ConfigTree,
  type HNode,
  type Platform,
  type SectionLines,
} from '../../../server/src/engine';
import { compactFeatures, expandFeatures } from '../../../server/src/jobs/featureTexts';
import { FIXTURES } from '../../support/paths';

const parser = createEngine();
const engine = createRemediationEngine();
const CASES = path.join(FIXTURES, 'remediation');
const caseNames = fs.readdirSync(CASES).filter((n) => fs.existsSync(path.join(CASES, n, 'case.json')));

/** Each feature's top-level lines of a script, by the feature a negation's removed line belongs to. */
function byFeature(tree: ConfigTree, features: CompiledFeatures): Map<string, Set<HNode>> {
  const out = new Map<string, Set<HNode>>();
  for (const node of tree.root.children) {
    const name = features.names[features.featureOf((node.meta?.negated ?? node).text)];
    const set = out.get(name) ?? new Set<HNode>();
    set.add(node);
    out.set(name, set);
  }
  return out;
}

/** Over all golden cases: how often missing/extra were stored as script lines, and as text. */
const storedAs = { lines: 0, text: 0 };

describe('feature scripts as lines of the whole scripts', () => {
  test('render fills sectionLines with each top-level section, exits and banner lines included', () => {
    const running = parser.parse('hostname r1\n', { platform: 'cisco_ios' });
    const intended = parser.parse(
      [
        'hostname r1',
        'banner motd ^C',
        'Authorised access only.',
        'Disconnect now.',
        '^C',
        'interface Loopback0',
        ' ip address 10.0.0.1 255.255.255.255',
        'router ospf 1',
        ' network 10.0.0.0 0.0.0.255 area 0',
        '',
      ].join('\n'),
      { platform: 'cisco_ios' },
    );
    const plan = engine.plan(running, intended);
    const sections = new Map<HNode, SectionLines>();
    const text = engine.render(plan.remediation, { exits: true, sectionLines: sections });
    const lines = text.split('\n');
    const spans = plan.remediation.root.children.map((top) => sections.get(top));
    assert.equal(spans.length, 3);
    for (const [i, top] of plan.remediation.root.children.entries()) {
      const span = spans[i] as SectionLines;
      const alone = engine.render(plan.remediation, { exits: true, topLevel: new Set([top]) });
      assert.equal(`${lines.slice(span.start, span.end).join('\n')}\n`, alone, top.text);
    }
    assert.equal(spans[2]?.end, lines.length - 1, 'the last section ends at the last line');
  });

  for (const name of caseNames) {
    test(name, () => {
      const dir = path.join(CASES, name);
      const { platform } = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as {
        platform: Platform;
      };
      const read = (file: string) =>
        parser.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { platform });
      const plan = engine.plan(read('running.cfg'), read('intended.cfg'));
      const features = new CompiledFeatures(DEFAULT_FEATURES[platform]);
      const result = engine.compliance(plan);
      const remediation = byFeature(plan.remediation, features);
      const rollback = byFeature(plan.rollback, features);
      for (const f of result.features) {
        const own = (tree: ConfigTree, tops: Set<HNode> | undefined): string =>
          tops === undefined ? '' : engine.render(tree, { exits: true, topLevel: tops });
        assert.equal(
          f.remediation,
          own(plan.remediation, remediation.get(f.feature)),
          `${f.feature} remediation`,
        );
        assert.equal(f.rollback, own(plan.rollback, rollback.get(f.feature)), `${f.feature} rollback`);
      }
      // Stored without the texts, given back from the whole scripts of the same record.
      const scripts = {
        remediation: engine.render(plan.remediation, { exits: true }),
        rollback: engine.render(plan.rollback, { exits: true }),
      };
      const stored = compactFeatures(result.features, scripts);
      for (const s of stored) {
        assert.ok(!('remediation' in s) && !('rollback' in s), 'texts are not stored');
        storedAs.lines += (s.missing_at === undefined ? 0 : 1) + (s.extra_at === undefined ? 0 : 1);
        storedAs.text += (s.missing === undefined ? 0 : 1) + (s.extra === undefined ? 0 : 1);
      }
      const expanded = expandFeatures(stored, scripts);
      assert.deepEqual(
        expanded,
        result.features.map(({ remediation_lines: _r, rollback_lines: _b, ...f }) => f),
      );
    });
  }

  test('missing and extra are stored as script lines where they are, as text where not (both occur)', () => {
    // The golden cases have both: additions the remediation sends as they are, and lines it cannot
    // (a banner with its original delimiter, a renumbered ACL entry).
    assert.ok(storedAs.lines > 20, `as lines: ${storedAs.lines}`);
    assert.ok(storedAs.text > 0, `as text: ${storedAs.text}`);
  });
});
