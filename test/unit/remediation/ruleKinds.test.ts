/** One test per rule kind of PLATFORM-RULES.md, on the smallest configs that show it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cfg, engine, load, loaded, plan, remediation, rollback } from './support/harness';

describe('negation', () => {
  test('negate_with: a removed `logging console <level>` becomes `logging console debugging`', () => {
    assert.equal(
      remediation('cisco_ios', cfg('logging console critical'), cfg()),
      'logging console debugging',
    );
    assert.equal(
      remediation('cisco_nxos', cfg('line vty', '  session-limit 10'), cfg('line vty')),
      'line vty\n  session-limit 32',
    );
  });

  test('negation_default_when: `default <text without no>`', () => {
    const run = cfg('interface Ethernet1/1', '  no ip ospf passive-interface');
    assert.equal(
      remediation('cisco_nxos', run, cfg('interface Ethernet1/1')),
      'interface Ethernet1/1\n  default ip ospf passive-interface',
    );
    const bgp = cfg(
      'router bgp 1',
      '  neighbor 1.1.1.1',
      '    address-family ipv4 unicast',
      '      send-community',
    );
    assert.equal(
      remediation(
        'cisco_nxos',
        bgp,
        cfg('router bgp 1', '  neighbor 1.1.1.1', '    address-family ipv4 unicast'),
      ),
      'router bgp 1\n  neighbor 1.1.1.1\n    address-family ipv4 unicast\n      default send-community',
    );
  });

  test('negation_sub: a banner by its type, a certificate by its header', () => {
    assert.equal(remediation('cisco_ios', cfg('banner exec ^C', 'hello', '^C'), cfg()), 'no banner exec');
    const chain = cfg(
      'crypto pki certificate chain TP',
      ' certificate self-signed 01',
      '  3082 0122',
      '  \tquit',
    );
    assert.equal(
      remediation('cisco_ios', chain, cfg('crypto pki certificate chain TP')),
      'crypto pki certificate chain TP\n no certificate self-signed 01',
    );
  });

  test('otherwise the `no` prefix is toggled, and a section is negated by its header', () => {
    assert.equal(remediation('cisco_ios', cfg('no ip domain lookup'), cfg()), 'ip domain lookup');
    assert.equal(
      remediation('cisco_ios', cfg('interface Tunnel1', ' ip mtu 1400'), cfg()),
      'no interface Tunnel1',
    );
  });
});

describe('idempotent_commands and idempotent_commands_avoid', () => {
  test('a changed value is overwritten, never negated', () => {
    const run = cfg('interface Gi1', ' description old', ' ip address 10.0.0.1 255.255.255.0');
    const int = cfg('interface Gi1', ' description new', ' ip address 10.0.0.2 255.255.255.0');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1\n description new\n ip address 10.0.0.2 255.255.255.0',
    );
  });

  test('keys: one description per BGP neighbor, one access-group per direction', () => {
    const run = cfg('router bgp 1', ' neighbor 1.1.1.1 description a', ' neighbor 2.2.2.2 description b');
    const int = cfg('router bgp 1', ' neighbor 1.1.1.1 description A');
    assert.equal(
      remediation('cisco_ios', run, int),
      'router bgp 1\n no neighbor 2.2.2.2 description b\n neighbor 1.1.1.1 description A',
    );
    const acl = remediation(
      'cisco_ios',
      cfg('interface Gi1', ' ip access-group IN in'),
      cfg('interface Gi1', ' ip access-group IN2 in', ' ip access-group OUT out'),
    );
    assert.equal(acl, 'interface Gi1\n ip access-group IN2 in\n ip access-group OUT out');
  });

  test('avoid: a removed secondary address is negated even when the primary stays', () => {
    const run = cfg(
      'interface Gi1',
      ' ip address 10.1.0.1 255.255.255.0 secondary',
      ' ip address 10.0.0.1 255.255.255.0',
    );
    const int = cfg('interface Gi1', ' ip address 10.0.0.1 255.255.255.0');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1\n no ip address 10.1.0.1 255.255.255.0 secondary',
    );
  });

  test('a line whose key partner is itself kept is not left behind (a VLAN set: `remove`)', () => {
    const run = cfg(
      'interface Ethernet1/1',
      '  switchport trunk allowed vlan 10',
      '  switchport trunk allowed vlan add 20',
    );
    const int = cfg('interface Ethernet1/1', '  switchport trunk allowed vlan 10');
    assert.equal(
      remediation('cisco_nxos', run, int),
      'interface Ethernet1/1\n  switchport trunk allowed vlan remove 20',
    );
  });
});

describe('sectional_exiting', () => {
  const run = cfg('hostname a');
  const int = cfg(
    'hostname a',
    'router bgp 1',
    ' template peer-session S',
    '  timers 5 15',
    ' address-family ipv4',
    '  network 10.0.0.0',
    'interface Gi1',
    ' description x',
  );

  test('IOS: exit-peer-session / exit-address-family at the header, `exit` for any other section', () => {
    const p = plan('cisco_ios', run, int);
    assert.equal(
      engine.render(p.remediation, { exits: true }),
      cfg(
        'router bgp 1',
        ' template peer-session S',
        '  timers 5 15',
        ' exit-peer-session',
        ' address-family ipv4',
        '  network 10.0.0.0',
        ' exit-address-family',
        ' exit',
        'interface Gi1',
        ' description x',
        ' exit',
      ),
    );
  });

  test('NX-OS: every section ends `exit`, at two spaces', () => {
    const p = plan(
      'cisco_nxos',
      cfg(),
      cfg('router bgp 1', '  vrf A', '    address-family ipv4 unicast', '      maximum-paths 2'),
    );
    assert.equal(
      engine.render(p.remediation, { exits: true }),
      cfg(
        'router bgp 1',
        '  vrf A',
        '    address-family ipv4 unicast',
        '      maximum-paths 2',
        '      exit',
        '    exit',
        '  exit',
      ),
    );
  });
});

describe('ordering', () => {
  test('interface: `switchport mode` first (−10), `no shutdown` last (+200), everywhere in the script', () => {
    const int = cfg('interface Gi1', ' no shutdown', ' description d', ' switchport mode access');
    assert.equal(
      remediation('cisco_ios', cfg(), int),
      'interface Gi1\n switchport mode access\n description d\n no shutdown',
    );
  });

  test('top level: `no tacacs-server` (+10) and `no vlan filter` (+200) after the additions', () => {
    const run = cfg('tacacs-server host 1.1.1.1', 'vlan filter F vlan-list 3');
    const int = cfg('tacacs-server host 2.2.2.2', 'ntp server 3.3.3.3');
    assert.equal(
      remediation('cisco_ios', run, int),
      'tacacs-server host 2.2.2.2\nntp server 3.3.3.3\nno tacacs-server host 1.1.1.1\nno vlan filter F vlan-list 3',
    );
  });

  test('the sort is stable and negations otherwise come first', () => {
    assert.equal(
      remediation('cisco_ios', cfg('ntp server 1.1.1.1', 'ntp server 2.2.2.2'), cfg('ntp server 9.9.9.9')),
      'no ntp server 1.1.1.1\nno ntp server 2.2.2.2\nntp server 9.9.9.9',
    );
  });
});

describe('per_line_sub and post-load fix-ups', () => {
  test('IOS drops ` no ip address`, link-status logging and `ipv6 unreachables disable`, at any indentation', () => {
    const text = cfg(
      'interface Gi1',
      '  no ip address',
      '  logging event link-status',
      '  ipv6 unreachables disable',
      '  shutdown',
      'crypto key generate rsa general-keys modulus 2048',
    );
    assert.equal(loaded('cisco_ios', text), 'interface Gi1\n shutdown');
    assert.deepEqual(
      load('cisco_ios', text).diagnostics.map((d) => d.code),
      ['dropped-line', 'dropped-line', 'dropped-line', 'dropped-line'],
    );
  });

  test('IOS ACLs: remarks dropped, unnumbered entries numbered 10, 20, 30; numbered ones left alone', () => {
    const text = cfg(
      'ip access-list extended A',
      ' remark mgmt',
      ' permit ip any host 1.1.1.1',
      ' deny ip any any',
      'ip access-list extended B',
      ' 15 permit ip any any',
    );
    assert.equal(
      loaded('cisco_ios', text),
      'ip access-list extended A\n 10 permit ip any host 1.1.1.1\n 20 deny ip any any\nip access-list extended B\n 15 permit ip any any',
    );
  });

  test('IOS IPv6 ACLs: `sequence N` prefixes dropped', () => {
    assert.equal(
      loaded('cisco_ios', cfg('ipv6 access-list V6', ' sequence 25 permit ipv6 any any')),
      'ipv6 access-list V6\n permit ipv6 any any',
    );
  });

  test('VLAN lists split into one `vlan N` each, children copied, merged with named blocks', () => {
    assert.equal(
      loaded('cisco_ios', cfg('vlan 10,20-21', ' state active', 'vlan 20', ' name B')),
      'vlan 10\n state active\nvlan 20\n state active\n name B\nvlan 21\n state active',
    );
    assert.equal(loaded('cisco_nxos', cfg('vlan 1,10', 'vlan 10', '  name A')), 'vlan 1\nvlan 10\n  name A');
    assert.equal(
      loaded('cisco_ios', cfg('vlan internal allocation policy ascending')),
      'vlan internal allocation policy ascending',
    );
  });

  test('NX-OS drops only lines that start with `!`', () => {
    assert.equal(
      loaded('cisco_nxos', cfg('interface Ethernet1/1', '  description keep up!', '!', '! note')),
      'interface Ethernet1/1\n  description keep up!',
    );
  });
});

describe('parent_allows_duplicate_child', () => {
  test('repeats under router → address-family are kept and paired by occurrence', () => {
    const af = (extra: string[]) =>
      cfg(
        'router eigrp X',
        ' address-family ipv4 unicast autonomous-system 1',
        '  af-interface default',
        '  af-interface default',
        ...extra,
      );
    assert.equal(remediation('cisco_ios', af([]), af([])), '');
    const p = plan('cisco_ios', af([]), af(['  af-interface default']));
    assert.equal(
      engine.render(p.remediation).trimEnd(),
      'router eigrp X\n address-family ipv4 unicast autonomous-system 1\n  af-interface default',
    );
    assert.deepEqual(p.verify, []);
  });

  test('elsewhere repeats merge, with a diagnostic', () => {
    const text = cfg(
      'logging host 1.1.1.1',
      'logging host 1.1.1.1',
      'router bgp 1',
      ' address-family ipv4 vrf A',
      '  redistribute static',
      ' address-family ipv4 vrf A',
      '  maximum-paths 2',
    );
    assert.equal(
      loaded('cisco_ios', text),
      'logging host 1.1.1.1\nrouter bgp 1\n address-family ipv4 vrf A\n  redistribute static\n  maximum-paths 2',
    );
    assert.equal(load('cisco_ios', text).diagnostics.filter((d) => d.code === 'merged-duplicate').length, 2);
  });
});

describe('rollback', () => {
  test('is the remediation with the configs swapped', () => {
    assert.equal(
      rollback('cisco_ios', cfg('ntp server 1.1.1.1'), cfg('ntp server 2.2.2.2')),
      'no ntp server 2.2.2.2\nntp server 1.1.1.1',
    );
  });
});
