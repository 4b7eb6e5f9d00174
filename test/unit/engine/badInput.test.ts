// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, descendants, type ParsedConfig, type Platform } from '../../../server/src/engine';
import { generateIosConfig } from '../../support/generateIosConfig';
import { readFixture } from '../../support/paths';

const engine = createEngine();
const parse = (text: string, platform: Platform = 'cisco_ios'): ParsedConfig =>
  engine.parse(text, { platform });

/**
 * What must hold for any text: the tree is consistent (parents, depths, line order, nested ranges)
 * and every line of the text is accounted for exactly once, by a node's own lines or by a trivia entry.
 */
function assertSound(parsed: ParsedConfig, text: string): void {
  const editorLines = parsed.lineCount;
  const endsWithBreak = text.endsWith('\n') || text.endsWith('\r');
  const realLines = text === '' ? 0 : editorLines - (endsWithBreak ? 1 : 0);
  const owner = new Int8Array(realLines);
  const claim = (line: number, what: string): void => {
    assert.ok(line >= 0 && line < realLines, `${what} claims line ${line} of ${realLines}`);
    assert.equal(owner[line], 0, `line ${line} claimed twice (${what})`);
    owner[line] = 1;
  };
  let count = 0;
  for (const node of descendants(parsed.root)) {
    count++;
    const parent = node.parent;
    assert.ok(parent && parent.children.includes(node));
    assert.equal(node.depth, parent.depth + 1);
    assert.ok(node.lastLine >= node.line);
    for (let line = node.line; line <= node.lastLine; line++)
      claim(line, `node ${JSON.stringify(node.text.slice(0, 40))}`);
    const range = node.range;
    const outer = parent.range;
    assert.ok(range.startLine >= outer.startLine && range.endLine <= outer.endLine, 'range nested in parent');
    node.children.forEach((child, i) => {
      assert.ok(child.line > node.lastLine);
      if (i > 0) assert.ok(child.line > node.children[i - 1].range.endLine, 'children in line order');
    });
  }
  for (const t of parsed.trivia)
    for (let line = t.line; line <= t.lastLine; line++) claim(line, `trivia ${t.kind}`);
  assert.equal(count, parsed.nodeCount);
  assert.equal(owner.indexOf(0), -1, `line ${owner.indexOf(0)} is neither a node nor trivia`);
  for (const f of parsed.findings) {
    assert.ok(
      f.range.startLine >= 0 && f.range.endLine < editorLines && f.range.startLine <= f.range.endLine,
    );
  }
}

/** mulberry32: a small seeded generator, so the fuzz cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'interface Gi0/1',
  'description keep up!',
  'ip address 10.0.0.1 255.255.255.0',
  'no shutdown',
  '!',
  '',
  'end',
  'router bgp 65000',
  'address-family ipv4',
  'exit-address-family',
  'exit',
  'banner motd ^C',
  'banner login #',
  'banner exec %hello%',
  '^C',
  '#',
  'crypto pki certificate chain TP',
  'certificate self-signed 01',
  '3082022B 30820194 A0030201',
  'quit',
  'version 15.2',
  'feature bgp',
  '!Command: show running-config',
  'vlan 10,20',
  'vlan 10',
  'boot system flash:x',
  'Building configuration...',
  'x\u0000y',
  '\uFFFD\uFFFD',
  'a\u0003b',
  'remark ----',
  'name  USERS\t',
  'ntp clock-period 1',
];
const INDENTS = ['', '', ' ', '  ', '   ', '\t', ' \t', '    '];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

function fuzzText(next: () => number, lines: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  let text = '';
  for (let i = 0; i < lines; i++)
    text += pick(INDENTS) + pick(PIECES) + (next() < 0.1 ? '  ' : '') + pick(BREAKS);
  return next() < 0.5 ? text : text.slice(0, Math.floor(next() * text.length));
}

describe('bad input never breaks the parser', () => {
  it('an empty file gives an empty tree', () => {
    const parsed = parse(readFixture('configs', 'edge-empty.cfg'));
    assert.equal(parsed.nodeCount, 0);
    assert.equal(parsed.lineCount, 1);
    assert.deepEqual(parsed.findings, []);
    assertSound(parsed, '');
  });

  it('a file of only comments gives an empty tree and all its lines as trivia', () => {
    const text = readFixture('configs', 'edge-only-comments.cfg');
    const parsed = parse(text);
    assert.equal(parsed.nodeCount, 0);
    assert.deepEqual(
      parsed.trivia.map((t) => [t.kind, t.line, t.lastLine]),
      [
        ['comment', 0, 0],
        ['comment', 1, 1],
        ['comment', 2, 3],
        ['blank', 4, 4],
        ['comment', 5, 5],
        ['comment', 6, 6],
        ['comment', 7, 7],
      ],
    );
    assertSound(parsed, text);
  });

  for (const [file, platform] of [
    ['ios-router.cfg', 'cisco_ios'],
    ['ios-switch.cfg', 'cisco_ios'],
    ['nxos-leaf.cfg', 'cisco_nxos'],
    ['ios-crlf.cfg', 'cisco_ios'],
    ['ios-1space-2space.cfg', 'cisco_ios'],
    ['edge-unterminated-banner.cfg', 'cisco_ios'],
    ['edge-binary.bin', 'cisco_ios'],
    ['edge-invalid-utf8.cfg', 'cisco_ios'],
    ['edge-tabs.cfg', 'cisco_ios'],
    ['edge-duplicates.cfg', 'cisco_ios'],
  ] as const) {
    it(`${file} accounts for every line`, () => {
      const text = readFixture('configs', file);
      assertSound(parse(text, platform), text);
    });
  }

  it('a 100,000-character line is one node, flagged', () => {
    const long = `interface Gi0/1\n description ${'x'.repeat(100_000)}\n shutdown\n`;
    const parsed = parse(long);
    const description = parsed.root.children[0].children[0];
    assert.equal(description.text.length, 'description '.length + 100_000);
    assert.equal(parsed.findings[0].code, 'line-too-long');
    assertSound(parsed, long);
    for (const text of [' '.repeat(100_000), '!'.repeat(100_000), `banner motd #${'b'.repeat(100_000)}`]) {
      assertSound(parse(text), text);
    }
  });

  it('a 50 MB configuration parses completely', () => {
    const text = generateIosConfig(210_000);
    assert.ok(text.length > 50_000_000, `${text.length} characters`);
    const parsed = parse(text);
    assert.ok(parsed.lineCount > 1_600_000);
    assert.equal(parsed.root.children.filter((n) => n.text.startsWith('interface ')).length, 210_000);
    assert.deepEqual(
      parsed.findings.map((f) => f.code),
      [],
    );
  });

  it('50 MB without a line break, of NULs, or of blank lines parses', () => {
    const size = 50 * 1024 * 1024;
    assert.equal(parse('x'.repeat(size)).findings[0].code, 'line-too-long');
    assert.equal(parse('\u0000'.repeat(size)).findings[0].code, 'binary-content');
    assert.deepEqual(parse('\n'.repeat(size)).trivia, [
      { kind: 'blank', text: '', line: 0, lastLine: size - 1 },
    ]);
  });

  it('a staircase 5,000 levels deep parses without recursion', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}level ${i}`).join('\n');
    const parsed = parse(text);
    const deepest = [...descendants(parsed.root)].at(-1);
    assert.equal(deepest?.depth, 5_000);
    assert.equal(parsed.root.children[0].range.endLine, 4_999);
  });

  it('random mixes of real and broken lines always give a sound tree', () => {
    const next = random(20250304);
    for (let i = 0; i < 400; i++) {
      const text = fuzzText(next, 5 + Math.floor(next() * 120));
      for (const platform of ['cisco_ios', 'cisco_nxos'] as const) {
        try {
          assertSound(parse(text, platform), text);
        } catch (error) {
          assert.fail(`case ${i} (${platform}) ${JSON.stringify(text)}: ${String(error)}`);
        }
      }
    }
  });
});
