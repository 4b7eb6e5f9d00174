/**
 * Interface names as the editor keys them: the engine's per-platform tables (rules/interfaceNames.ts),
 * seen from the named-object index that go-to-definition, references, rename and the
 * undefined-interface diagnostics use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, interfaceName, type Platform } from '../../../server/src/engine';
import { indexNamedObjects } from '../../../server/src/lsp/namedObjects';

const key = (platform: Platform, name: string) => interfaceName(platform, name)?.key;

describe('interface names: abbreviations and platform spellings meet on one key', () => {
  const sameInterface: [Platform, string, string][] = [
    ['cisco_ios', 'Gi0/1', 'GigabitEthernet0/1'],
    ['cisco_ios', 'gig0/1', 'GigabitEthernet0/1'],
    ['cisco_ios', 'Gi0/0/0.100', 'GigabitEthernet0/0/0.100'],
    ['cisco_ios', 'Fa0', 'FastEthernet0'],
    ['cisco_ios', 'Te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['cisco_ios', 'Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['cisco_ios', 'Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['cisco_ios', 'Fo1/0/1', 'FortyGigabitEthernet1/0/1'],
    ['cisco_ios', 'Fif1/0/1', 'FiftyGigE1/0/1'],
    ['cisco_ios', 'Hu1/0/1', 'HundredGigE1/0/1'],
    ['cisco_ios', 'Po10', 'Port-channel10'],
    ['cisco_ios', 'port-channel10', 'Port-channel10'],
    ['cisco_ios', 'Lo0', 'Loopback0'],
    ['cisco_ios', 'loopback0', 'Loopback0'],
    ['cisco_ios', 'Loopback 0', 'Loopback0'],
    ['cisco_ios', 'Vl99', 'Vlan99'],
    ['cisco_ios', 'Eth1/1', 'Ethernet1/1'],
    ['cisco_ios', 'Tu0', 'Tunnel0'],
    ['cisco_ios', 'Se0/0/0:0', 'Serial0/0/0:0'],
    ['cisco_ios', 'virtual-te1', 'Virtual-Template1'],
    ['cisco_ios', 'BV1', 'BVI1'],
    ['cisco_nxos', 'Eth1/1', 'Ethernet1/1'],
    ['cisco_nxos', 'e1/49', 'Ethernet1/49'],
    ['cisco_nxos', 'Po10', 'port-channel10'],
    ['cisco_nxos', 'Port-channel10', 'port-channel10'],
    ['cisco_nxos', 'Lo0', 'loopback0'],
    ['cisco_nxos', 'Mgmt0', 'mgmt0'],
  ];
  for (const [platform, short, full] of sameInterface) {
    it(`${platform}: ${short} is ${full}`, () => {
      assert.equal(key(platform, short), key(platform, full));
      assert.equal(interfaceName(platform, short)?.display, full);
    });
  }

  it('keeps different ports apart', () => {
    assert.notEqual(key('cisco_ios', 'Gi0/1'), key('cisco_ios', 'Gi0/10'));
    assert.notEqual(key('cisco_ios', 'Gi0/1'), key('cisco_ios', 'Te0/1'));
    assert.notEqual(key('cisco_ios', 'Po1'), key('cisco_ios', 'Po10'));
  });

  it('expands the type and keeps the number as written', () => {
    assert.deepEqual(interfaceName('cisco_ios', 'Gi1/0/48'), {
      type: 'GigabitEthernet',
      number: '1/0/48',
      key: 'gigabitethernet1/0/48',
      display: 'GigabitEthernet1/0/48',
    });
  });

  it('is not fooled by what is not an interface name', () => {
    for (const word of ['10.0.0.1', 'informs', 'default', '', '0/1', 'in', 'Gi0/0 2222', '-1']) {
      assert.equal(key('cisco_ios', word), undefined, word);
    }
  });

  it('keeps what the platform does not resolve as written, as the remediation compares it', () => {
    // Shorter than the table's abbreviation: a type added later could share it.
    assert.equal(key('cisco_ios', 'G0/0/0.100'), 'G0/0/0.100');
    assert.equal(key('cisco_ios', 'e1/49'), 'e1/49');
    // Types of the other platform, unknown types (any case), a port the CLI would refuse.
    assert.equal(key('cisco_ios', 'mgmt0'), 'mgmt0');
    assert.equal(key('cisco_nxos', 'Gi1/0/1'), 'Gi1/0/1');
    assert.notEqual(key('cisco_ios', 'Wlan-GigabitEthernet0'), key('cisco_ios', 'wlan-gigabitethernet0'));
    assert.equal(key('cisco_ios', 'Serial0/0/0:0.1'), 'Serial0/0/0:0.1');
  });

  it('maps channel-group numbers to the bundle, named as each platform prints it', () => {
    const bundle = (platform: Platform, text: string) => {
      const parsed = createEngine().parse(text, { platform });
      const found = indexNamedObjects(parsed).occurrences.find((o) => o.role === 'reference');
      return found && { key: found.key, name: found.name };
    };
    const member = 'interface Gi1/0/1\n channel-group 10 mode active\n';
    assert.deepEqual(bundle('cisco_ios', member), { key: 'port-channel10', name: 'Port-channel10' });
    const nxosMember = 'interface Ethernet1/1\n channel-group 10 mode active\n';
    assert.deepEqual(bundle('cisco_nxos', nxosMember), { key: 'port-channel10', name: 'port-channel10' });
  });
});
