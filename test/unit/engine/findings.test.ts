// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, MAX_LINE_LENGTH, type ParsedConfig, type Platform } from '../../../server/src/engine';
import { readFixture } from '../../support/paths';

const engine = createEngine();
const parse = (text: string, platform: Platform = 'cisco_ios'): ParsedConfig =>
  engine.parse(text, { platform });
const codes = (parsed: ParsedConfig): string[] =>
  parsed.findings.map((f) => `${f.range.startLine}:${f.code}`);

describe('findings', () => {
  it('keeps duplicate sibling lines and flags each repeat, pointing at the first', () => {
    const parsed = parse(
      'interface Gi0/1\n shutdown\n description x\n shutdown\n shutdown\ninterface Gi0/1\n',
    );
    assert.equal(parsed.root.children[0].children.length, 4);
    assert.deepEqual(codes(parsed), ['3:duplicate-line', '4:duplicate-line', '5:duplicate-line']);
    assert.equal(parsed.findings[0].relatedLine, 1);
    assert.equal(parsed.findings[0].severity, 'warning');
    assert.deepEqual(parsed.findings[0].range, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 9 });
  });

  it('does not call lines in different sections duplicates', () => {
    assert.deepEqual(codes(parse('interface Gi0/1\n shutdown\ninterface Gi0/2\n shutdown\n')), []);
  });

  it('only notes repeated ACL remarks, which are often separators', () => {
    const parsed = parse('ip access-list extended A\n remark ----\n permit ip any any\n remark ----\n');
    assert.equal(parsed.findings[0].code, 'duplicate-line');
    assert.equal(parsed.findings[0].severity, 'info');
  });

  it('flags a bare VLAN line that declares a VLAN another one already does', () => {
    const parsed = parse('vlan 10,20\nvlan 10\nvlan 15-25\nvlan 30\n');
    assert.deepEqual(codes(parsed), ['1:overlapping-vlan', '2:overlapping-vlan']);
    assert.equal(parsed.findings[1].message, 'VLAN 20 is also declared by line 1.');
    assert.equal(parsed.findings[0].relatedLine, 0);
  });

  it('accepts the NX-OS layout of a VLAN list followed by named VLAN sections', () => {
    const parsed = parse(readFixture('configs', 'nxos-leaf.cfg'), 'cisco_nxos');
    assert.deepEqual(parsed.findings, []);
  });

  it('warns when the content looks like the other platform', () => {
    const nxos = parse(readFixture('configs', 'nxos-leaf.cfg'), 'cisco_ios');
    assert.deepEqual(codes(nxos), ['1:other-platform']);
    assert.match(nxos.findings[0].message, /looks like Cisco NX-OS .* but is read as Cisco IOS/);
    assert.equal(nxos.findings[0].severity, 'warning');
    const ios = parse(readFixture('configs', 'ios-router.cfg'), 'cisco_nxos');
    assert.deepEqual(codes(ios), ['0:other-platform']);
  });

  it('leaves binary lines out of the tree with one finding for the file', () => {
    const parsed = parse('hostname R1\n\u0000\u0001junk\u0002\nmore\u0000junk\ninterface Gi0/1\n');
    assert.deepEqual(
      parsed.root.children.map((n) => n.text),
      ['hostname R1', 'interface Gi0/1'],
    );
    assert.deepEqual(codes(parsed), ['1:binary-content']);
    assert.match(parsed.findings[0].message, /^2 lines contain NUL/);
    assert.deepEqual(
      parsed.trivia.map((t) => t.kind),
      ['binary', 'binary'],
    );
  });

  it('flags lines with bytes that were not UTF-8 but keeps them', () => {
    const text = Buffer.from('hostname R1\nsnmp-server location B\xe2timent\n', 'latin1').toString('utf8');
    const parsed = parse(text);
    assert.deepEqual(codes(parsed), ['1:invalid-utf8']);
    assert.equal(parsed.root.children[1].text, 'snmp-server location B\uFFFDtiment');
  });

  it('flags a line longer than any command', () => {
    const parsed = parse(`hostname R1\n description ${'x'.repeat(MAX_LINE_LENGTH)}\n`);
    assert.deepEqual(codes(parsed), ['1:line-too-long']);
  });

  it('lists at most 200 findings of a code and says how many more there were', () => {
    const parsed = parse(`interface Gi0/1\n${' shutdown\n'.repeat(1001)}`);
    const duplicates = parsed.findings.filter((f) => f.code === 'duplicate-line');
    assert.equal(duplicates.length, 200);
    const summary = parsed.findings.at(-1);
    assert.equal(summary?.code, 'too-many-findings');
    assert.match(summary?.message ?? '', /^800 more `duplicate-line` findings/);
    assert.equal(summary?.range.startLine, 202);
  });

  it('returns findings in line order', () => {
    const parsed = parse(readFixture('configs', 'edge-duplicates.cfg'));
    const lines = parsed.findings.map((f) => f.range.startLine);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
    assert.ok(parsed.findings.length >= 6);
  });
});
