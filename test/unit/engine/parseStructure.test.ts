// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  childByText,
  childrenByText,
  createEngine,
  descendants,
  lineage,
  nodeAtLine,
  type ConfigNode,
  type ParsedConfig,
  type Platform,
} from '../../../server/src/engine';

const engine = createEngine();
const parse = (text: string, platform: Platform = 'cisco_ios'): ParsedConfig =>
  engine.parse(text, { platform });

/** The tree as nested texts, one string per node, indented by two spaces per level. */
function shape(node: ConfigNode): string[] {
  return [...descendants(node)].map((n) => `${'  '.repeat(n.depth - 1)}${n.text}`);
}

describe('relative indentation', () => {
  it('makes a more indented line a child of the previous line', () => {
    const parsed = parse(
      'router bgp 1\n address-family ipv4\n  neighbor 10.0.0.1 activate\n bgp log-neighbor-changes\n',
    );
    assert.deepEqual(shape(parsed.root), [
      'router bgp 1',
      '  address-family ipv4',
      '    neighbor 10.0.0.1 activate',
      '  bgp log-neighbor-changes',
    ]);
  });

  it('keeps a line indented less than the previous but more than its section in that section', () => {
    const parsed = parse('a\n    b\n  c\n   d\ne\n');
    // c (2) is less than b (4) but more than a (0): a sibling of b. d (3) is more than c: c's child.
    assert.deepEqual(shape(parsed.root), ['a', '  b', '  c', '    d', 'e']);
    assert.deepEqual(
      parsed.findings.map((f) => [f.code, f.range.startLine]),
      [['inconsistent-indentation', 2]],
    );
  });

  it('gives the same tree for 1-space, 2-space and tab indentation', () => {
    const body = (unit: string): string =>
      `interface Gi0/1\n${unit}description x\n${unit}ip address 10.0.0.1 255.255.255.0\n` +
      `router bgp 1\n${unit}address-family ipv4\n${unit}${unit}neighbor 10.0.0.2 activate\n`;
    const one = shape(parse(body(' ')).root);
    assert.deepEqual(shape(parse(body('  ')).root), one);
    assert.deepEqual(shape(parse(body('\t')).root), one);
    assert.equal(one.length, 6);
  });

  it('places lines by indentation alone when dropped lines sit between them', () => {
    const parsed = parse('interface Gi0/1\n !\n description x\n\n no shutdown\n');
    assert.deepEqual(shape(parsed.root), ['interface Gi0/1', '  description x', '  no shutdown']);
  });

  it('accepts a first line that is indented', () => {
    const parsed = parse('  description orphan\nhostname R1\n');
    assert.deepEqual(shape(parsed.root), ['description orphan', 'hostname R1']);
    assert.equal(parsed.findings[0].code, 'inconsistent-indentation');
  });
});

describe('node text, raw and positions', () => {
  it('normalises text but keeps the line as printed in raw', () => {
    const parsed = parse('interface Gi0/1   \n description   WAN\tuplink  \n');
    const iface = parsed.root.children[0];
    const description = iface.children[0];
    assert.equal(iface.text, 'interface Gi0/1');
    assert.equal(description.text, 'description WAN uplink');
    assert.equal(description.raw, ' description   WAN\tuplink  ');
    assert.equal(description.column, 1);
  });

  it('gives each node its own line and its whole section as range (0-based, end exclusive)', () => {
    const parsed = parse('hostname R1\ninterface Gi0/1\n description x\n shutdown\n!\n');
    const iface = parsed.root.children[1];
    assert.equal(iface.line, 1);
    assert.equal(iface.lastLine, 1);
    assert.deepEqual(iface.range, { startLine: 1, startColumn: 0, endLine: 3, endColumn: 9 });
    assert.deepEqual(iface.ownRange, { startLine: 1, startColumn: 0, endLine: 1, endColumn: 15 });
    assert.deepEqual(iface.children[0].range, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 14 });
    assert.deepEqual(parsed.root.range, { startLine: 0, startColumn: 0, endLine: 5, endColumn: 0 });
  });

  it('treats CRLF, LF and a lone CR as line breaks, with the same tree and no CR in any text', () => {
    const lf = 'interface Gi0/1\n description x\nhostname R1';
    const crlf = parse(lf.replace(/\n/g, '\r\n'));
    const cr = parse(lf.replace(/\n/g, '\r'));
    assert.deepEqual(shape(crlf.root), shape(parse(lf).root));
    assert.deepEqual(shape(cr.root), shape(parse(lf).root));
    assert.equal(crlf.root.children[0].children[0].raw, ' description x');
    assert.deepEqual(crlf.root.children[0].range, {
      startLine: 0,
      startColumn: 0,
      endLine: 1,
      endColumn: 14,
    });
    assert.equal(crlf.lineCount, 3);
  });

  it('counts lines as an editor does', () => {
    assert.equal(parse('').lineCount, 1);
    assert.equal(parse('hostname R1').lineCount, 1);
    assert.equal(parse('hostname R1\n').lineCount, 2);
    assert.equal(parse('a\r\n\r\nb\r\n').lineCount, 4);
  });

  it('sets depth, parent and lineage (top-level ancestor down to the node)', () => {
    const parsed = parse('router bgp 1\n vrf A\n  address-family ipv4 unicast\n   maximum-paths 4\n');
    const leaf = parsed.root.children[0].children[0].children[0].children[0];
    assert.equal(leaf.depth, 4);
    assert.equal(leaf.parent?.text, 'address-family ipv4 unicast');
    assert.deepEqual(
      lineage(leaf).map((n) => n.text),
      ['router bgp 1', 'vrf A', 'address-family ipv4 unicast', 'maximum-paths 4'],
    );
    assert.deepEqual(lineage(parsed.root), []);
    assert.equal(parsed.root.depth, 0);
    assert.equal(parsed.root.kind, 'root');
  });
});

describe('child lookup by text', () => {
  it('finds children in small and large sections, duplicates included', () => {
    const many = Array.from({ length: 20 }, (_, i) => ` network 10.0.${i}.0 0.0.0.255 area 0`).join('\n');
    const parsed = parse(
      `router ospf 1\n${many}\n network 10.0.3.0 0.0.0.255 area 0\ninterface Gi0/1\n shutdown\n`,
    );
    const ospf = childByText(parsed.root, 'router ospf 1');
    assert.ok(ospf);
    assert.equal(childByText(ospf, 'network 10.0.7.0 0.0.0.255 area 0')?.line, 8);
    assert.equal(childByText(ospf, 'network 10.9.9.0 0.0.0.255 area 0'), undefined);
    const twice = childrenByText(ospf, 'network 10.0.3.0 0.0.0.255 area 0');
    assert.deepEqual(
      twice.map((n) => n.line),
      [4, 21],
    );
    assert.equal(twice[1].duplicateOf, twice[0]);
    const iface = childByText(parsed.root, 'interface Gi0/1');
    assert.ok(iface);
    assert.deepEqual(
      childrenByText(iface, 'shutdown').map((n) => n.line),
      [23],
    );
    assert.deepEqual(childrenByText(iface, 'no shutdown'), []);
  });

  it('finds the deepest node covering a line', () => {
    const parsed = parse('hostname R1\n!\ninterface Gi0/1\n description x\n!\nbanner motd ^C\nhello\n^C\n');
    assert.equal(nodeAtLine(parsed.root, 0)?.text, 'hostname R1');
    assert.equal(nodeAtLine(parsed.root, 1), undefined);
    assert.equal(nodeAtLine(parsed.root, 3)?.text, 'description x');
    assert.equal(nodeAtLine(parsed.root, 6)?.kind, 'banner');
    assert.equal(nodeAtLine(parsed.root, 99), undefined);
  });
});

describe('lines dropped on load', () => {
  const kinds = (parsed: ParsedConfig): string[] => parsed.trivia.map((t) => `${t.line}:${t.kind}`);

  it('records IOS headers, version, comments, blank lines and end as trivia', () => {
    const parsed = parse(
      'Building configuration...\n\nCurrent configuration : 120 bytes\n! Last configuration change at 1\n' +
        '! NVRAM config last updated at 2\nversion 15.2\n!\nntp clock-period 17179\nhostname R1\nend\n',
    );
    assert.deepEqual(kinds(parsed), [
      '0:header',
      '1:blank',
      '2:header',
      '3:header',
      '4:header',
      '5:version',
      '6:comment',
      '7:ntp-clock-period',
      '9:end',
    ]);
    assert.deepEqual(shape(parsed.root), ['hostname R1']);
    assert.equal(parsed.trivia[0].text, 'Building configuration...');
  });

  it('recognises sectional exits at any indentation, tabs included', () => {
    const parsed = parse(
      'router bgp 1\n address-family ipv4\n  neighbor 1.1.1.1 activate\n exit-address-family\n' +
        '  address-family ipv6\n    neighbor 2001:db8::1 activate\n  exit-address-family\n' +
        ' template peer-policy P\n  send-community\n\texit-peer-policy\n' +
        'router eigrp NAMED\n address-family ipv4 unicast autonomous-system 1\n  af-interface default\n' +
        '   passive-interface\n  exit-af-interface\n exit-address-family\ninterface Gi0/1\n shutdown\n exit\n',
    );
    assert.deepEqual(
      parsed.trivia.map((t) => t.text.trim()),
      [
        'exit-address-family',
        'exit-address-family',
        'exit-peer-policy',
        'exit-af-interface',
        'exit-address-family',
        'exit',
      ],
    );
    assert.ok(parsed.trivia.every((t) => t.kind === 'exit'));
    assert.ok([...descendants(parsed.root)].every((n) => !n.text.startsWith('exit')));
  });

  it('keeps lines that merely start like a dropped line', () => {
    const parsed = parse(
      'router rip\n version 2\n exit-interface Gi0/1\nexiting-vrf\nend-point\n description end\n endpoint x\n',
    );
    assert.deepEqual(parsed.trivia, []);
    assert.equal(parsed.nodeCount, 7);
  });

  it('drops only top-level version and end', () => {
    const parsed = parse('router rip\n version 2\n end\n');
    assert.deepEqual(shape(parsed.root), ['router rip', '  version 2', '  end']);
  });

  it('drops NX-OS headers and boot system/kickstart but keeps boot nxos', () => {
    const parsed = parse(
      '!Command: show running-config\n!Time: Tue Mar  4 10:01:02 2025\nversion 9.3(8) Bios:version 05.45\n' +
        'boot kickstart bootflash:/k.bin\nboot system bootflash:/s.bin\nboot nxos bootflash:/nxos.bin\n',
      'cisco_nxos',
    );
    assert.deepEqual(kinds(parsed), ['0:header', '1:header', '2:version', '3:boot-image', '4:boot-image']);
    assert.deepEqual(shape(parsed.root), ['boot nxos bootflash:/nxos.bin']);
    // On IOS `boot system` is configuration.
    assert.equal(parse('boot system flash:c.bin\n').nodeCount, 1);
  });

  it('treats only a leading ! as a comment, so `description keep up!` is kept whole', () => {
    for (const platform of ['cisco_ios', 'cisco_nxos'] as const) {
      const parsed = parse(
        'interface Ethernet1/1\n  description keep up!\n  !inline comment line\n',
        platform,
      );
      assert.deepEqual(shape(parsed.root), ['interface Ethernet1/1', '  description keep up!']);
      assert.equal(parsed.trivia[0].kind, 'comment');
    }
  });

  it('drops # comment lines on IOS only', () => {
    assert.equal(parse('# a comment\nhostname R1\n').nodeCount, 1);
    assert.equal(parse('# not a comment on NX-OS\nhostname R1\n', 'cisco_nxos').nodeCount, 2);
  });
});
