// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childByText, createEngine } from '../../../server/src/engine';
import { generateIosConfig } from '../../support/generateIosConfig';

describe('generateIosConfig (the benchmark input)', () => {
  const text = generateIosConfig(5_000);

  it('is deterministic', () => {
    assert.equal(generateIosConfig(5_000), text);
    assert.notEqual(generateIosConfig(4_999), text);
  });

  it('states its own size in the Current configuration header', () => {
    const [, size] = /^Current configuration : (\d+) bytes$/m.exec(text) ?? [];
    assert.equal(
      Number(size),
      text.slice(text.indexOf('\n', text.indexOf('Current configuration')) + 1).length,
    );
  });

  it('is a clean IOS configuration of the promised shape', () => {
    const parsed = createEngine().parse(text, { platform: 'cisco_ios' });
    assert.deepEqual(parsed.findings, []);
    assert.equal(parsed.detection.platform, 'cisco_ios');
    assert.equal(parsed.lineCount, 40_679);
    const interfaces = parsed.root.children.filter((n) => n.text.startsWith('interface '));
    assert.equal(interfaces.length, 5_000);
    assert.deepEqual(
      interfaces[4_999].children.map((n) => n.text.split(' ').slice(0, 2).join(' ')),
      ['description P2P', 'ip address', 'ip ospf', 'ip ospf', 'no shutdown'],
    );
    const ospf = childByText(parsed.root, 'router ospf 1');
    assert.equal(ospf?.children.filter((n) => n.text.startsWith('network ')).length, 5_000);
    const bgp = childByText(parsed.root, 'router bgp 65000');
    assert.equal(
      bgp?.children.filter((n) => n.text.endsWith(' remote-as ' + n.text.split(' ')[3])).length,
      200,
    );
    assert.equal(childByText(bgp!, 'address-family ipv4')?.children.length, 200);
    assert.equal(parsed.root.children.filter((n) => n.kind === 'banner').length, 1);
  });
});
