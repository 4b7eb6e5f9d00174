import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interfaceKey, parseInterfaceName, portChannelKey } from '../../../server/src/lsp/namedObjects';

describe('interface names: abbreviations and platform spellings meet on one key', () => {
  const sameInterface: [string, string][] = [
    ['Gi0/1', 'GigabitEthernet0/1'],
    ['gig0/1', 'GigabitEthernet0/1'],
    ['G0/0/0.100', 'GigabitEthernet0/0/0.100'],
    ['Fa0', 'FastEthernet0'],
    ['Te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['Fo1/0/1', 'FortyGigabitEthernet1/0/1'],
    ['Hu1/0/1', 'HundredGigE1/0/1'],
    ['Po10', 'Port-channel10'],
    ['port-channel10', 'Port-channel10'],
    ['Lo0', 'Loopback0'],
    ['loopback0', 'Loopback0'],
    ['Vl99', 'Vlan99'],
    ['Eth1/1', 'Ethernet1/1'],
    ['e1/49', 'Ethernet1/49'],
    ['Tu0', 'Tunnel0'],
    ['Se0/0/0:0', 'Serial0/0/0:0'],
    ['mgmt0', 'mgmt0'],
    ['Loopback 0', 'Loopback0'],
  ];
  for (const [short, full] of sameInterface) {
    it(`${short} is ${full}`, () => {
      assert.equal(interfaceKey(short), interfaceKey(full));
      assert.ok(interfaceKey(short) !== undefined);
    });
  }

  it('keeps different ports apart', () => {
    assert.notEqual(interfaceKey('Gi0/1'), interfaceKey('Gi0/10'));
    assert.notEqual(interfaceKey('Gi0/1'), interfaceKey('Te0/1'));
    assert.notEqual(interfaceKey('Po1'), interfaceKey('Po10'));
  });

  it('expands the type and keeps the number as written', () => {
    assert.deepEqual(parseInterfaceName('Gi1/0/48'), {
      type: 'GigabitEthernet',
      number: '1/0/48',
      key: 'gigabitethernet1/0/48',
      display: 'GigabitEthernet1/0/48',
    });
  });

  it('is not fooled by what is not an interface name', () => {
    for (const word of ['10.0.0.1', 'informs', 'default', '', '0/1', 'in']) {
      assert.equal(interfaceKey(word), undefined, word);
    }
  });

  it('keeps unknown types as a key of their own', () => {
    assert.equal(interfaceKey('Wlan-GigabitEthernet0'), interfaceKey('wlan-gigabitethernet0'));
  });

  it('maps channel-group numbers to the bundle', () => {
    assert.equal(portChannelKey('10'), interfaceKey('Port-channel10'));
    assert.equal(portChannelKey('x'), undefined);
  });
});
