import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine';
import { indexNamedObjects } from '../../../server/src/lsp/namedObjects';
import { generateIosConfig } from '../../support/generateIosConfig';
import { readFixture } from '../../support/paths';

const engine = createEngine();

/** `def acl WAN-IN` / `ref interface gigabitethernet0/1`: role, kind and key of every occurrence, in order. */
function occurrences(text: string, platform: Platform = 'cisco_ios'): string[] {
  const index = indexNamedObjects(engine.parse(text, { platform }));
  return index.occurrences.map((o) => `${o.role === 'definition' ? 'def' : 'ref'} ${o.kind} ${o.key}`);
}

/** Each row: configuration lines, platform, what the table must find in them (in line order). */
const CASES: [title: string, lines: string[], platform: Platform, expected: string[]][] = [
  [
    'named and numbered ACLs and their uses',
    [
      'ip access-list extended WAN-IN',
      ' permit ip any any',
      'access-list 99 permit 10.0.0.1',
      'interface Gi0/1',
      ' ip access-group WAN-IN in',
      'line vty 0 4',
      ' access-class 99 in',
      'snmp-server community s3cret RO 99',
    ],
    'cisco_ios',
    [
      'def acl WAN-IN',
      'def acl 99',
      'def interface gigabitethernet0/1',
      'ref acl WAN-IN',
      'ref acl 99',
      'ref acl 99',
    ],
  ],
  [
    'route-map matches: several ACLs in one line, prefix lists apart',
    ['route-map RM permit 10', ' match ip address 10 EXTRA', ' match ip address prefix-list PL-A PL-B'],
    'cisco_ios',
    ['def route-map RM', 'ref acl 10', 'ref acl EXTRA', 'ref prefix-list PL-A', 'ref prefix-list PL-B'],
  ],
  [
    'class-map ACL matches, policy-map classes, service policies (nested too)',
    [
      'class-map match-all BULK',
      ' match access-group name BULK-ACL',
      'policy-map CHILD',
      ' class BULK',
      ' class class-default',
      'policy-map PARENT',
      ' class class-default',
      '  shape average 1000000',
      '   service-policy CHILD',
      'interface Gi0/2',
      ' service-policy output PARENT',
    ],
    'cisco_ios',
    [
      'def class-map BULK',
      'ref acl BULK-ACL',
      'def policy-map CHILD',
      'ref class-map BULK',
      'ref class-map class-default',
      'def policy-map PARENT',
      'ref class-map class-default',
      'ref policy-map CHILD',
      'def interface gigabitethernet0/2',
      'ref policy-map PARENT',
    ],
  ],
  [
    'BGP: route maps and prefix lists per neighbor, redistribute, VRF address families, templates',
    [
      'router bgp 65000',
      ' template peer-policy POL',
      '  route-map IN-MAP in',
      ' exit-peer-policy',
      ' neighbor 10.0.0.1 update-source Lo0',
      ' address-family ipv4',
      '  neighbor 10.0.0.1 route-map OUT-MAP out',
      '  neighbor 10.0.0.1 prefix-list PL out',
      '  neighbor 10.0.0.1 inherit peer-policy POL 10',
      ' exit-address-family',
      ' address-family ipv4 vrf BLUE',
      '  redistribute connected route-map CONN',
    ],
    'cisco_ios',
    [
      'def bgp-template peer-policy POL',
      'ref route-map IN-MAP',
      'ref interface loopback0',
      'ref route-map OUT-MAP',
      'ref prefix-list PL',
      'ref bgp-template peer-policy POL',
      'ref vrf BLUE',
      'ref route-map CONN',
    ],
  ],
  [
    'VRFs on IOS: definitions, forwarding, static routes, services',
    [
      'vrf definition MGMT',
      'ip vrf LEGACY',
      'interface Gi0',
      ' vrf forwarding MGMT',
      'interface Gi1',
      ' ip vrf forwarding LEGACY',
      'ip route vrf MGMT 0.0.0.0 0.0.0.0 192.0.2.1',
      'ntp server vrf MGMT 192.0.2.123',
      'logging host 192.0.2.9 vrf MGMT',
    ],
    'cisco_ios',
    [
      'def vrf MGMT',
      'def vrf LEGACY',
      'def interface gigabitethernet0',
      'ref vrf MGMT',
      'def interface gigabitethernet1',
      'ref vrf LEGACY',
      'ref vrf MGMT',
      'ref vrf MGMT',
      'ref vrf MGMT',
    ],
  ],
  [
    'NX-OS: vrf context and member, vrf under router bgp, use-vrf, channel-group, port and address groups',
    [
      'object-group ip address SRV',
      '  10 host 10.0.0.1',
      'ip access-list WEB',
      '  10 permit tcp any addrgroup SRV portgroup PORTS',
      'vrf context TENANT',
      'interface port-channel5',
      '  vrf member TENANT',
      'interface Ethernet1/1',
      '  channel-group 5 mode active',
      'router bgp 65000',
      '  vrf TENANT',
      '    neighbor 10.0.0.2',
      '      address-family ipv4 unicast',
      '        route-map RM in',
      'ntp server 10.0.0.1 use-vrf management',
    ],
    'cisco_nxos',
    [
      'def object-group SRV',
      'def acl WEB',
      'ref object-group SRV',
      'ref object-group PORTS',
      'def vrf TENANT',
      'def interface port-channel5',
      'ref vrf TENANT',
      'def interface ethernet1/1',
      'ref interface port-channel5',
      'ref vrf TENANT',
      'ref route-map RM',
      'ref vrf management',
    ],
  ],
  [
    'key chains and interfaces named by services',
    [
      'key chain KC',
      'interface Tunnel0',
      ' ip unnumbered Loopback0',
      ' tunnel source Gi0/0',
      ' ip ospf authentication key-chain KC',
      'router ospf 1',
      ' passive-interface default',
      ' no passive-interface Tu0',
      'ip tacacs source-interface Vlan99',
      'logging source-interface Lo0 vrf MGMT',
      'ntp source Lo0',
      'snmp-server trap-source Loopback0',
    ],
    'cisco_ios',
    [
      'def key-chain KC',
      'def interface tunnel0',
      'ref interface loopback0',
      'ref interface gigabitethernet0/0',
      'ref key-chain KC',
      'ref interface tunnel0',
      'ref interface vlan99',
      'ref interface loopback0',
      'ref vrf MGMT',
      'ref interface loopback0',
      'ref interface loopback0',
    ],
  ],
  [
    'IOS object groups inside ACL entries, nested groups',
    [
      'object-group network INNER',
      ' host 10.0.0.1',
      'object-group network OUTER',
      ' group-object INNER',
      'ip access-list extended X',
      ' permit tcp object-group OUTER object-group INNER eq 443',
    ],
    'cisco_ios',
    [
      'def object-group INNER',
      'def object-group OUTER',
      'ref object-group INNER',
      'def acl X',
      'ref object-group OUTER',
      'ref object-group INNER',
    ],
  ],
  [
    'look-alikes that are not objects',
    [
      'ip access-list logging interval 10',
      'ip prefix-list sequence-number',
      'interface range Gi0/1 - 2',
      'router ospf 1',
      ' passive-interface default',
      'ip route 0.0.0.0 0.0.0.0 192.0.2.1',
      'interface Tunnel1',
      ' tunnel source 192.0.2.1',
    ],
    'cisco_ios',
    ['def interface tunnel1'],
  ],
];

describe('named objects: the pattern table', () => {
  for (const [title, lines, platform, expected] of CASES) {
    it(title, () => assert.deepEqual(occurrences(lines.join('\n') + '\n', platform), expected));
  }

  it("gives each name's exact range, whatever the indentation and spacing", () => {
    const text = 'interface Gi0/1\n\tip  access-group   WAN-IN in\n';
    const [, reference] = indexNamedObjects(engine.parse(text, { platform: 'cisco_ios' })).occurrences;
    assert.equal(reference.name, 'WAN-IN');
    assert.deepEqual(reference.range, { startLine: 1, startColumn: 20, endLine: 1, endColumn: 26 });
    assert.equal(text.split('\n')[1].slice(20, 26), 'WAN-IN');
  });

  it('groups occurrences into objects, with built-ins known', () => {
    const text = readFixture('configs', 'ios-router.cfg');
    const index = indexNamedObjects(engine.parse(text, { platform: 'cisco_ios' }));
    const mgmtHosts = index.objects.find((o) => o.kind === 'acl' && o.key === 'MGMT-HOSTS')!;
    assert.equal(mgmtHosts.definitions.length, 1);
    assert.equal(mgmtHosts.references.length, 3, 'snmp-server community and two access-class lines');
    const classDefault = index.objects.find((o) => o.key === 'class-default')!;
    assert.equal(classDefault.builtIn, true);
    const undefinedObjects = index.objects.filter((o) => !o.builtIn && o.definitions.length === 0);
    assert.deepEqual(undefinedObjects, [], 'every object ios-router.cfg uses is defined');
  });

  it('finds the occurrence under a cursor, the name end included', () => {
    const text = 'interface Gi0/1\n ip access-group WAN-IN in\n';
    const index = indexNamedObjects(engine.parse(text, { platform: 'cisco_ios' }));
    assert.equal(index.occurrenceAt(1, 17)?.name, 'WAN-IN');
    assert.equal(index.occurrenceAt(1, 23)?.name, 'WAN-IN');
    assert.equal(index.occurrenceAt(1, 24), undefined);
    assert.equal(index.occurrenceAt(1, 3), undefined);
    assert.equal(index.occurrenceAt(0, 12)?.key, 'gigabitethernet0/1');
  });

  it('indexes the generated 40,000-line configuration', () => {
    const index = indexNamedObjects(engine.parse(generateIosConfig(5000), { platform: 'cisco_ios' }));
    assert.equal(index.objects.filter((o) => o.kind === 'interface').length, 5000);
    const mgmtIn = index.objects.find((o) => o.kind === 'acl' && o.key === 'MGMT-IN')!;
    assert.equal(mgmtIn.references.length, 1);
  });
});
