/**
 * Canonical comparison (issue 9): every abbreviation of the interface-type tables on both platforms,
 * case, subinterfaces, references inside lines, VLAN lists, NX-OS masks, and the false merges that
 * must never happen. Then the engine end to end: differently spelled configs need no remediation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine/index';
import { createRemediationEngine } from '../../../server/src/engine/remediation/index';
import { BUILT_IN_DRIVERS } from '../../../server/src/engine/rules/drivers';
import { Canonicaliser, canonicalVlanList, maskLength } from '../../../server/src/engine/rules/canonical';

const ios = new Canonicaliser(BUILT_IN_DRIVERS.cisco_ios.canonical);
const nxos = new Canonicaliser(BUILT_IN_DRIVERS.cisco_nxos.canonical);
const BY_PLATFORM: Record<Platform, Canonicaliser> = { cisco_ios: ios, cisco_nxos: nxos };

describe('interface type tables', () => {
  for (const platform of ['cisco_ios', 'cisco_nxos'] as const) {
    const canonical = BY_PLATFORM[platform];
    for (const { name, shortest } of BUILT_IN_DRIVERS[platform].canonical?.interfaceTypes ?? []) {
      test(`${platform}: every spelling of ${name} from ${shortest} is ${name}`, () => {
        for (let n = shortest.length; n <= name.length; n++) {
          const prefix = name.slice(0, n);
          for (const spelled of [prefix, prefix.toLowerCase(), prefix.toUpperCase()]) {
            assert.equal(canonical.key(`interface ${spelled}1/0/1`), `interface ${name}1/0/1`, spelled);
            assert.equal(canonical.key(`interface ${spelled} 1/0/1`), `interface ${name}1/0/1`, spelled);
          }
        }
      });
      test(`${platform}: a prefix of ${name} shorter than ${shortest} is left as written`, () => {
        const short = name.slice(0, shortest.length - 1);
        if (short === '') return;
        const others = (BUILT_IN_DRIVERS[platform].canonical?.interfaceTypes ?? []).filter(
          (t) => t.name !== name && t.name.toLowerCase().startsWith(short.toLowerCase()),
        );
        // Only meaningful when no other type owns that prefix.
        if (others.some((t) => t.shortest.length <= short.length)) return;
        assert.equal(canonical.key(`interface ${short}1/0/1`), `interface ${short}1/0/1`);
      });
    }
  }
});

describe('interface names', () => {
  const cases: [Platform, string, string][] = [
    ['cisco_ios', 'interface Gi1/0/1', 'interface GigabitEthernet1/0/1'],
    ['cisco_ios', 'interface gi1/0/1', 'interface GigabitEthernet1/0/1'],
    ['cisco_ios', 'interface GigabitEthernet1/0/1', 'interface GigabitEthernet1/0/1'],
    ['cisco_ios', 'interface Gi0/0.100', 'interface GigabitEthernet0/0.100'],
    ['cisco_ios', 'interface Po10.200', 'interface Port-channel10.200'],
    ['cisco_ios', 'interface Se0/0/0:0', 'interface Serial0/0/0:0'],
    ['cisco_ios', 'interface Te1/1/1', 'interface TenGigabitEthernet1/1/1'],
    ['cisco_ios', 'interface Tw1/0/1', 'interface TwoGigabitEthernet1/0/1'],
    ['cisco_ios', 'interface Twe1/0/1', 'interface TwentyFiveGigE1/0/1'],
    ['cisco_ios', 'interface Fo1/0/1', 'interface FortyGigabitEthernet1/0/1'],
    ['cisco_ios', 'interface Fou1/0/1', 'interface FourHundredGigE1/0/1'],
    ['cisco_ios', 'interface Hu1/0/1', 'interface HundredGigE1/0/1'],
    ['cisco_ios', 'interface Fa0/1', 'interface FastEthernet0/1'],
    ['cisco_ios', 'interface Eth0/1', 'interface Ethernet0/1'],
    ['cisco_ios', 'interface Lo0', 'interface Loopback0'],
    ['cisco_ios', 'interface Vl99', 'interface Vlan99'],
    ['cisco_ios', 'interface Tu1', 'interface Tunnel1'],
    ['cisco_ios', 'interface Fif1/0/1', 'interface FiftyGigE1/0/1'],
    ['cisco_ios', 'interface virtual-te1', 'interface Virtual-Template1'],
    ['cisco_ios', 'interface Virtual-A1.1', 'interface Virtual-Access1.1'],
    ['cisco_ios', 'interface cel0/2/0', 'interface Cellular0/2/0'],
    ['cisco_ios', 'interface bv1', 'interface BVI1'],
    ['cisco_ios', 'interface as1', 'interface Async1'],
    ['cisco_ios', 'interface NVE1', 'interface nve1'],
    ['cisco_ios', 'no interface Gi1/0/2', 'no interface GigabitEthernet1/0/2'],
    ['cisco_ios', 'default interface gi1/0/2', 'default interface GigabitEthernet1/0/2'],
    ['cisco_nxos', 'interface Eth1/1', 'interface Ethernet1/1'],
    ['cisco_nxos', 'interface e1/1', 'interface Ethernet1/1'],
    ['cisco_nxos', 'interface ethernet 1/1', 'interface Ethernet1/1'],
    ['cisco_nxos', 'interface Ethernet1/1/1', 'interface Ethernet1/1/1'],
    ['cisco_nxos', 'interface Eth1/1.10', 'interface Ethernet1/1.10'],
    ['cisco_nxos', 'interface Po10', 'interface port-channel10'],
    ['cisco_nxos', 'interface Port-channel10', 'interface port-channel10'],
    ['cisco_nxos', 'interface Lo0', 'interface loopback0'],
    ['cisco_nxos', 'interface vlan10', 'interface Vlan10'],
    ['cisco_nxos', 'interface Mgmt0', 'interface mgmt0'],
    ['cisco_nxos', 'interface NVE1', 'interface nve1'],
  ];
  for (const [platform, text, key] of cases) {
    test(`${platform}: ${text}`, () => assert.equal(BY_PLATFORM[platform].key(text), key));
  }

  test('no false merges', () => {
    assert.notEqual(ios.key('interface Gi1/0/1'), ios.key('interface Gi1/0/10'));
    assert.notEqual(ios.key('interface Gi1/0/1'), ios.key('interface Gi1/0/1.1'));
    // IOS Ethernet and GigabitEthernet are different types.
    assert.notEqual(ios.key('interface Ethernet1/1'), ios.key('interface GigabitEthernet1/1'));
    assert.notEqual(ios.key('interface Eth1/1'), ios.key('interface Gi1/1'));
    // Tw is TwoGigabitEthernet, Twe TwentyFiveGigE; Fo FortyGigabitEthernet, Fou FourHundredGigE.
    assert.notEqual(ios.key('interface Tw1/0/1'), ios.key('interface Twe1/0/1'));
    assert.notEqual(ios.key('interface Fo1/0/1'), ios.key('interface Fou1/0/1'));
    // Fi is FiveGigabitEthernet, Fif FiftyGigE.
    assert.notEqual(ios.key('interface Fi1/0/1'), ios.key('interface Fif1/0/1'));
    // Ambiguous, unknown or per-platform types are left as written.
    for (const text of [
      'interface T1',
      'interface G1/0/1',
      // `Vi` is also Virtual-Template's (and Virtual-PPP's) prefix, `Ce` CEM's.
      'interface Vi1',
      'interface Ce0/2/0',
      'interface Foo1',
      'interface range Gi1/0/1 - 4',
    ]) {
      assert.equal(ios.key(text), text);
    }
    assert.equal(ios.key('interface mgmt0'), 'interface mgmt0');
    assert.equal(nxos.key('interface Gi1/0/1'), 'interface Gi1/0/1');
    // The platforms print port-channels differently.
    assert.equal(ios.key('interface po1'), 'interface Port-channel1');
    assert.equal(nxos.key('interface po1'), 'interface port-channel1');
  });

  test('interfaceName on its own', () => {
    assert.equal(ios.interfaceName('gi0/0'), 'GigabitEthernet0/0');
    assert.equal(ios.interfaceName('Gi0/0 2222'), 'GigabitEthernet0/0 2222');
    assert.equal(ios.interfaceName('10.0.0.1'), '10.0.0.1');
    assert.equal(ios.interfaceName('default'), 'default');
    assert.equal(ios.interfaceName('FE80::1'), 'FE80::1');
  });
});

describe('interface names inside lines', () => {
  const same: [Platform, string, string][] = [
    [
      'cisco_ios',
      'ip route 0.0.0.0 0.0.0.0 Gi0/0 192.0.2.1',
      'ip route 0.0.0.0 0.0.0.0 GigabitEthernet0/0 192.0.2.1',
    ],
    [
      'cisco_ios',
      'ip route vrf Mgmt-vrf 0.0.0.0 0.0.0.0 gi0/0 192.0.2.1',
      'ip route vrf Mgmt-vrf 0.0.0.0 0.0.0.0 GigabitEthernet0/0 192.0.2.1',
    ],
    ['cisco_ios', 'ip route 10.9.0.0 255.255.0.0 Nu0', 'ip route 10.9.0.0 255.255.0.0 Null0'],
    ['cisco_ios', 'no ip route 10.9.0.0 255.255.0.0 Nu0', 'no ip route 10.9.0.0 255.255.0.0 Null0'],
    [
      'cisco_ios',
      'ipv6 route 2001:db8::/32 Gi0/0 FE80::1',
      'ipv6 route 2001:db8::/32 GigabitEthernet0/0 FE80::1',
    ],
    ['cisco_ios', 'ip ssh source-interface Lo0', 'ip ssh source-interface Loopback0'],
    ['cisco_ios', 'ip radius source-interface Vl99 vrf MGMT', 'ip radius source-interface Vlan99 vrf MGMT'],
    ['cisco_ios', 'snmp-server source-interface traps Lo0', 'snmp-server source-interface traps Loopback0'],
    ['cisco_ios', 'logging source-interface Loopback 0', 'logging source-interface Loopback0'],
    ['cisco_ios', 'neighbor 10.255.0.1 update-source Lo0', 'neighbor 10.255.0.1 update-source Loopback0'],
    ['cisco_ios', 'passive-interface Gi1/0/2', 'passive-interface GigabitEthernet1/0/2'],
    ['cisco_ios', 'no passive-interface Gi1/0/2', 'no passive-interface GigabitEthernet1/0/2'],
    ['cisco_ios', 'ip unnumbered Lo0', 'ip unnumbered Loopback0'],
    ['cisco_ios', 'tunnel source Gi0/1', 'tunnel source GigabitEthernet0/1'],
    ['cisco_ios', 'ntp source Lo0', 'ntp source Loopback0'],
    ['cisco_ios', 'snmp-server trap-source Lo0', 'snmp-server trap-source Loopback0'],
    ['cisco_ios', 'ip flow-export source Lo0', 'ip flow-export source Loopback0'],
    [
      'cisco_ios',
      'track 1 interface Gi0/1 line-protocol',
      'track 1 interface GigabitEthernet0/1 line-protocol',
    ],
    [
      'cisco_ios',
      'ip nat inside source list 10 interface Gi0/0 overload',
      'ip nat inside source list 10 interface GigabitEthernet0/0 overload',
    ],
    ['cisco_nxos', 'ip route 0.0.0.0/0 Eth1/1 10.0.1.0', 'ip route 0.0.0.0/0 Ethernet1/1 10.0.1.0'],
    ['cisco_nxos', 'logging source-interface lo0', 'logging source-interface loopback0'],
    ['cisco_nxos', 'ip tacacs source-interface Mgmt0', 'ip tacacs source-interface mgmt0'],
    ['cisco_nxos', 'source-interface Lo1', 'source-interface loopback1'],
    ['cisco_nxos', 'update-source Lo0', 'update-source loopback0'],
  ];
  for (const [platform, text, key] of same) {
    test(`${platform}: ${text}`, () => assert.equal(BY_PLATFORM[platform].key(text), key));
  }

  test('words that only look like interfaces are left alone', () => {
    for (const text of [
      'description uplink to Gi1/0/1 on dist-sw-01',
      'description moved from interface Gi1/0/1',
      'description source-interface Lo0 is the loopback',
      'remark allow from Vl99',
      'name Po10-members',
      'ip route 10.0.0.0 255.0.0.0 10.1.1.1 name Gi1',
      'ip route 0.0.0.0/0 10.0.0.1 name Eth1',
      'tunnel source 192.0.2.1',
      'passive-interface default',
      'route-map Gi1 permit 10',
      'ip access-list extended Lo0',
    ]) {
      assert.equal(ios.key(text), text, text);
      assert.equal(nxos.key(text), text, text);
    }
  });

  test('a line without anything to canonicalise comes back as the same string', () => {
    for (const text of ['ip ospf 1 area 0', 'no shutdown', 'switchport mode access', 'router bgp 65001']) {
      assert.equal(ios.key(text), text);
    }
  });
});

describe('VLAN lists', () => {
  test('canonicalVlanList', () => {
    assert.equal(canonicalVlanList('10,11,12'), '10-12');
    assert.equal(canonicalVlanList('10-12'), '10-12');
    assert.equal(canonicalVlanList('12,10, 11'), '10-12');
    assert.equal(canonicalVlanList('10,11'), '10-11');
    assert.equal(canonicalVlanList('20,10-12,11,30'), '10-12,20,30');
    assert.equal(canonicalVlanList('10 - 12, 20'), '10-12,20');
    assert.equal(canonicalVlanList('1-4094'), '1-4094');
    // A list the device would refuse is compared as written.
    assert.equal(canonicalVlanList('12-10'), '12-10');
  });

  const lines: [string, string][] = [
    ['switchport trunk allowed vlan 10,11,12', 'switchport trunk allowed vlan 10-12'],
    ['switchport trunk allowed vlan 10, 11, 12', 'switchport trunk allowed vlan 10-12'],
    ['switchport trunk allowed vlan add 30,31,32', 'switchport trunk allowed vlan add 30-32'],
    ['switchport trunk allowed vlan remove 31,30', 'switchport trunk allowed vlan remove 30-31'],
    ['switchport trunk pruning vlan 11,12', 'switchport trunk pruning vlan 11-12'],
    ['spanning-tree vlan 10,11,12 priority 8192', 'spanning-tree vlan 10-12 priority 8192'],
    ['vlan 10,11,12', 'vlan 10-12'],
    ['private-vlan association 101,102,103', 'private-vlan association 101-103'],
  ];
  for (const [text, key] of lines) {
    test(text, () => {
      assert.equal(ios.key(text), key);
      assert.equal(nxos.key(text), key);
    });
  }

  test('other numbers are not lists', () => {
    for (const text of [
      'switchport access vlan 10',
      'switchport trunk allowed vlan all',
      'vlan configuration 10,11',
    ]) {
      assert.equal(ios.key(text), text);
    }
  });
});

describe('addresses', () => {
  test('maskLength', () => {
    assert.equal(maskLength('255.255.255.0'), 24);
    assert.equal(maskLength('255.255.255.254'), 31);
    assert.equal(maskLength('255.255.255.255'), 32);
    assert.equal(maskLength('0.0.0.0'), 0);
    assert.equal(maskLength('255.255.254.0'), 23);
    assert.equal(maskLength('255.0.255.0'), undefined);
    assert.equal(maskLength('255.255.256.0'), undefined);
  });

  test('NX-OS: mask form = /len, secondary too', () => {
    assert.equal(nxos.key('ip address 10.0.0.1 255.255.255.0'), 'ip address 10.0.0.1/24');
    assert.equal(nxos.key('ip address 10.0.0.1/24'), 'ip address 10.0.0.1/24');
    assert.equal(nxos.key('ip address 10.0.8.1 255.255.255.0 secondary'), 'ip address 10.0.8.1/24 secondary');
    assert.equal(
      nxos.key('no ip address 10.0.8.1 255.255.255.0 secondary'),
      'no ip address 10.0.8.1/24 secondary',
    );
    assert.equal(nxos.key('ip address 10.0.0.1 255.0.255.0'), 'ip address 10.0.0.1 255.0.255.0');
    assert.notEqual(nxos.key('ip address 10.0.0.1 255.255.255.0'), nxos.key('ip address 10.0.0.1/25'));
  });

  test('IOS: mask form only; a /len is compared as written', () => {
    assert.equal(ios.key('ip address 10.0.0.1 255.255.255.0'), 'ip address 10.0.0.1 255.255.255.0');
    assert.equal(ios.key('ip address 10.0.0.1/24'), 'ip address 10.0.0.1/24');
  });
});

describe('the engine compares canonically', () => {
  const parser = createEngine();
  const engine = createRemediationEngine();
  const plan = (platform: Platform, running: string, intended: string) =>
    engine.plan(parser.parse(running, { platform }), parser.parse(intended, { platform }));

  test('whitespace: runs of blanks and trailing blanks are the same line', () => {
    const p = plan(
      'cisco_ios',
      'interface GigabitEthernet1/0/1\n description Desk  1-01\n',
      'interface  Gi1/0/1   \n  description Desk  1-01  \n',
    );
    assert.equal(engine.render(p.remediation), '');
  });

  test('a changed child is sent under running’s header; a removed port reset in running’s spelling', () => {
    const p = plan(
      'cisco_ios',
      'interface GigabitEthernet1/0/1\n description old\ninterface GigabitEthernet1/0/2\n description gone\n',
      'interface Gi1/0/1\n description new\n',
    );
    assert.equal(
      engine.render(p.remediation),
      // A physical port cannot be removed: it is reset (device-true), named as the device names it.
      'default interface GigabitEthernet1/0/2\ninterface GigabitEthernet1/0/1\n description new\n',
    );
    assert.deepEqual(p.verify, []);
    assert.deepEqual(p.rollbackVerify, []);
  });

  test('predict and verify: Gi1/0/1 against GigabitEthernet1/0/1 is no drift', () => {
    const running = engine.load(
      parser.parse('interface GigabitEthernet1/0/1\n description a\n', { platform: 'cisco_ios' }),
    );
    const intended = engine.load(
      parser.parse('interface gi1/0/1\n description a\n', { platform: 'cisco_ios' }),
    );
    assert.deepEqual(engine.verify(running, intended), []);
    const empty = engine.remediate(running, intended);
    assert.equal(engine.render(empty), '');
    assert.deepEqual(engine.verify(engine.predict(running, empty), intended), []);
  });

  test('two spellings of one interface in a file are one section, as on the device', () => {
    const loaded = engine.load(
      parser.parse('interface GigabitEthernet1/0/1\n description a\ninterface Gi1/0/1\n shutdown\n', {
        platform: 'cisco_ios',
      }),
    );
    assert.equal(loaded.root.children.length, 1);
    assert.deepEqual(
      loaded.root.children[0].children.map((c) => c.text),
      ['description a', 'shutdown'],
    );
  });
});
