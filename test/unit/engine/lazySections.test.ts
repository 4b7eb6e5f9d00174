/**
 * `sections: 'lazy'` (parseConfig): a top-level section's lines are read on first use, and two sections
 * with the same text below them compare equal unread. The CLI's `remediate` parses this way (issue 4:
 * the whole process on a 5,000-interface pair). It must change nothing a user sees:
 * - every fixture config, as written, with CRLF breaks and without its final line break, gives the
 *   same tree once read whole, the same line count and the same errors as the eager parse;
 * - every golden case and generated pairs give the same remediation, rollback, prediction and
 *   verification;
 * - and it must be lazy: the unchanged sections of a pair are never read.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sameChildText, TreeNode } from '../../../server/src/engine/model/configNode';
import type { ConfigNode, ParsedConfig, Platform } from '../../../server/src/engine/model/types';
import { parseConfig } from '../../../server/src/engine/parse/parseConfig';
import { createRemediationEngine, type LoadedConfig } from '../../../server/src/engine/remediation/index';
import { generateIosConfig } from '../../support/generateIosConfig';
import { fixturePath } from '../../support/paths';
import { editConfig } from '../remediation/support/configEdits';
import { generateNxosConfig } from '../remediation/support/generateNxosConfig';
import { seededRandom } from '../remediation/support/random';

const engine = createRemediationEngine();

/** Every node as the eager parse and the lazy one must both give it, children read. */
function shape(node: ConfigNode): unknown {
  return {
    kind: node.kind,
    text: node.text,
    raw: node.raw,
    line: node.line,
    lastLine: node.lastLine,
    column: node.column,
    range: node.range,
    duplicate: node.duplicateOf?.line,
    children: node.children.map(shape),
  };
}

function errors(parsed: ParsedConfig): string[] {
  return parsed.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.range.startLine}`);
}

function configFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...configFiles(file));
    else if (/\.(cfg|txt|ios|nxos|bin)$/.test(entry.name)) out.push(file);
  }
  return out.sort();
}

function platformOf(file: string, text: string): Platform {
  return /nxos|nexus|n9k|leaf|spine/i.test(file) || /^feature /m.test(text) ? 'cisco_nxos' : 'cisco_ios';
}

function assertSameParse(text: string, platform: Platform, what: string): void {
  const eager = parseConfig(text, platform);
  const lazy = parseConfig(text, platform, { sections: 'lazy' });
  assert.deepEqual(errors(lazy), errors(eager), `${what}: errors`);
  assert.equal(lazy.lineCount, eager.lineCount, `${what}: line count`);
  assert.deepEqual(lazy.root.range, eager.root.range, `${what}: root range`);
  assert.deepEqual(shape(lazy.root), shape(eager.root), `${what}: tree`);
  // Dropped lines inside an unread section are not listed; every one listed is as the eager parse lists it.
  const listed = new Set(eager.trivia.map((t) => JSON.stringify(t)));
  for (const t of lazy.trivia)
    assert.ok(listed.has(JSON.stringify(t)), `${what}: trivia ${JSON.stringify(t)}`);
}

/** Top-level sections whose lines have not been read. */
function unread(parsed: ParsedConfig): TreeNode[] {
  return (parsed.root as TreeNode).kids.filter((n) => n.more?.readChildren !== undefined);
}

interface Outcome {
  remediation: string;
  rollback: string;
  predicted: string;
  verify: unknown;
  rollbackVerify: unknown;
}

function outcome(running: string, intended: string, platform: Platform, sections: 'eager' | 'lazy'): Outcome {
  const plan = engine.plan(
    parseConfig(running, platform, { sections }),
    parseConfig(intended, platform, { sections }),
  );
  return {
    remediation: engine.render(plan.remediation),
    rollback: engine.render(plan.rollback),
    predicted: engine.renderConfig(plan.predicted),
    verify: plan.verify,
    rollbackVerify: plan.rollbackVerify,
  };
}

describe('lazy sections: the same tree as the eager parse', () => {
  const files = configFiles(fixturePath());

  test(`every fixture config (${files.length}), as written, with CRLF, without a final line break`, () => {
    assert.ok(files.length > 300, `fixtures found: ${files.length}`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const platform = platformOf(file, text);
      const name = path.relative(fixturePath(), file);
      assertSameParse(text, platform, name);
      assertSameParse(text.replace(/\r?\n/g, '\r\n'), platform, `${name} (CRLF)`);
      assertSameParse(text.replace(/\s+$/, ''), platform, `${name} (no final break)`);
    }
  });

  test('sections broken by unindented comments, exits, versions and blank lines', () => {
    const cases: [string, string][] = [
      [
        'a comment between children',
        'interface Gi1\n description a\n!\n ip address 10.0.0.1 255.0.0.0\n!\nhostname R\n',
      ],
      ['a dropped `version` line', 'interface Gi1\n description a\nversion 17.3\n shutdown\nend\n'],
      ['blank and blank-only lines', 'interface Gi1\n\n description a\n   \n shutdown\n\n\nhostname R'],
      ['only comments below', 'interface Gi1\n !\n ! note\nhostname R\n'],
      ['an exit below', 'router bgp 1\n address-family ipv4\n  network 10.0.0.0\n exit-address-family\n!\n'],
      ['tabs', 'interface Gi1\n\tdescription a\n\t shutdown\n'],
      ['a top-level line indented', ' interface Gi1\n  description a\nhostname R\n'],
      ['the last section without a break', 'hostname R\ninterface Gi1\n description a\n shutdown'],
      ['deeper levels', 'policy-map P\n class C\n  police 1000\n   conform-action transmit\n class D\n'],
      ['IOS `#` comments', 'interface Gi1\n# a note\n description a\n'],
    ];
    for (const [what, text] of cases) {
      assertSameParse(text, 'cisco_ios', what);
      assertSameParse(text.replace(/\n/g, '\r\n'), 'cisco_ios', `${what} (CRLF)`);
    }
  });

  test('what only a read of every character finds is still found: such a text is read eagerly', () => {
    const binary = 'interface Gi1\n description a\u0000b\n shutdown\nhostname R\n';
    assert.deepEqual(errors(parseConfig(binary, 'cisco_ios', { sections: 'lazy' })), ['binary-content@1']);
    assertSameParse(binary, 'cisco_ios', 'NUL in a section');
    assertSameParse('interface Gi1\r description \uFFFD\r shutdown\r', 'cisco_ios', 'CR breaks, U+FFFD');
  });

  test('certificate chains are read at once: an unterminated certificate is an error unread', () => {
    const text = 'crypto pki certificate chain TP\n certificate 01\n  3082 0122\nhostname R\n';
    const lazy = parseConfig(text, 'cisco_ios', { sections: 'lazy' });
    assert.deepEqual(errors(lazy), ['unterminated-certificate@1']);
    assert.equal(unread(lazy).length, 0);
  });

  test('a long line in a section keeps its warning: that section is read at once', () => {
    const text = `interface Gi1\n description ${'x'.repeat(5000)}\n!\ninterface Gi2\n description b\n`;
    const lazy = parseConfig(text, 'cisco_ios', { sections: 'lazy' });
    assert.deepEqual(
      lazy.findings.map((f) => f.code),
      parseConfig(text, 'cisco_ios').findings.map((f) => f.code),
    );
    assert.deepEqual(
      unread(lazy).map((n) => n.text),
      ['interface Gi2'],
    );
  });
});

describe('lazy sections: the same remediation', () => {
  const root = fixturePath('remediation');
  const cases = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'intended.cfg')))
    .map((d) => d.name);

  test(`every golden case (${cases.length}), both ways`, () => {
    assert.ok(cases.length >= 40);
    for (const name of cases) {
      const read = (file: string): string => fs.readFileSync(path.join(root, name, file), 'utf8');
      const platform = (JSON.parse(read('case.json')) as { platform: Platform }).platform;
      const [running, intended] = [read('running.cfg'), read('intended.cfg')];
      assert.deepEqual(
        outcome(running, intended, platform, 'lazy'),
        outcome(running, intended, platform, 'eager'),
        name,
      );
      assert.deepEqual(
        outcome(intended, running, platform, 'lazy'),
        outcome(intended, running, platform, 'eager'),
        `${name} reversed`,
      );
    }
  });

  for (const [platform, base, indent] of [
    ['cisco_ios', generateIosConfig(12), ' '],
    ['cisco_nxos', generateNxosConfig(10), '  '],
  ] as const) {
    test(`${platform}: 300 generated pairs`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const random = seededRandom(seed * 613 + 5);
        const running = editConfig(base, random, random.int(3), indent);
        const intended = editConfig(running, random, 1 + random.int(4), indent);
        assert.deepEqual(
          outcome(running, intended, platform, 'lazy'),
          outcome(running, intended, platform, 'eager'),
          `seed ${seed}`,
        );
      }
    });
  }
});

describe('lazy sections: lazy indeed', () => {
  test('a pair differing in one interface reads that section only, through remediate, predict, verify', () => {
    const running = generateIosConfig(200);
    const intended = running.replace(/^(interface GigabitEthernet1\/0\/7\n description .*)$/m, '$1 moved');
    assert.notEqual(intended, running);
    const r = parseConfig(running, 'cisco_ios', { sections: 'lazy' });
    const i = parseConfig(intended, 'cisco_ios', { sections: 'lazy' });
    assert.ok(unread(r).length > 200, `lazy sections: ${unread(r).length}`);
    const before = [unread(r), unread(i)];
    const loaded: [LoadedConfig, LoadedConfig] = [engine.load(r), engine.load(i)];
    const remediation = engine.remediate(...loaded);
    assert.equal(engine.verify(engine.predict(loaded[0], remediation), loaded[1]).length, 0);
    assert.match(engine.render(remediation), /moved/);
    // Loading numbers the entries of ACLs (PLATFORM-RULES.md): those are read whatever changed.
    const read = (was: TreeNode[], parsed: ParsedConfig): string[] =>
      was.filter((n) => !unread(parsed).includes(n)).map((n) => n.text);
    const expected = [
      'interface GigabitEthernet1/0/7',
      'ip access-list extended MGMT-IN',
      'ip access-list extended NOC-IN',
      'ip access-list extended EDGE-FILTER-IN',
    ];
    assert.deepEqual(read(before[0], r).sort(), [...expected].sort());
    assert.deepEqual(read(before[1], i).sort(), [...expected].sort());
  });

  test('sections are equal unread by their text, and only when at the same column', () => {
    const a = parseConfig('interface Gi1\n description a\n shutdown\n', 'cisco_ios', { sections: 'lazy' });
    const b = parseConfig('hostname R\ninterface Gi1\n description a\n shutdown\n', 'cisco_ios', {
      sections: 'lazy',
    });
    const c = parseConfig('interface Gi1\n description a\n shutdown \n', 'cisco_ios', { sections: 'lazy' });
    const [x, y, z] = [a.root.children[0], b.root.children[1], c.root.children[0]];
    assert.equal(sameChildText(x, y), true);
    assert.equal(sameChildText(x, z), undefined, 'a trailing blank: unknown, compared line by line');
    assert.equal(unread(a).length + unread(b).length + unread(c).length, 3, 'comparing read nothing');
  });
});
