/** The ten "Where we must be better" items of PLATFORM-RULES.md, one describe each. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { removedLineCount } from '../../../server/src/engine/remediation/index';
import { cfg, engine, load, plan, remediation, rollback } from './support/harness';

describe('1. banners', () => {
  const motd = (body: string[]) =>
    cfg(
      'hostname r1',
      'banner login ^CAuthorized only^C',
      'banner motd ^C',
      ...body,
      '^C',
      'ntp server 1.1.1.1',
    );

  test('a changed banner is sent whole; a `!` in its body is body text', () => {
    const out = remediation('cisco_ios', motd(['!! maintenance Sat !!']), motd(['!! maintenance Sun !!']));
    assert.equal(out, 'banner motd ^C\n!! maintenance Sun !!\n^C');
  });

  test('a removed banner is `no banner <type>`, never its body', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        motd(['x']),
        cfg('hostname r1', 'banner login ^CAuthorized only^C', 'ntp server 1.1.1.1'),
      ),
      'no banner motd',
    );
  });

  test('NX-OS one-line banner with any delimiter', () => {
    assert.equal(
      remediation('cisco_nxos', cfg('banner motd #old!#'), cfg('banner motd #new!#')),
      'banner motd #new!#',
    );
  });
});

describe('2. duplicate siblings never crash', () => {
  test('repeated lines and sections are merged, flagged, and remediated sanely', () => {
    const run = cfg('vlan 10', ' name USERS', 'logging host 1.1.1.1');
    const int = cfg('vlan 10', ' name USERS', 'vlan 10,20', 'logging host 1.1.1.1', 'logging host 1.1.1.1');
    const p = plan('cisco_ios', run, int);
    assert.equal(engine.render(p.remediation).trimEnd(), 'vlan 20');
    assert.deepEqual(p.verify, []);
    assert.ok(p.intended.diagnostics.some((d) => d.code === 'merged-duplicate'));
  });
});

describe('3. NX-OS inline `!`', () => {
  test('`description keep up!` is kept whole and compared whole', () => {
    const out = remediation(
      'cisco_nxos',
      cfg('interface Ethernet1/1', '  description up! a'),
      cfg('interface Ethernet1/1', '  description up! b'),
    );
    assert.equal(out, 'interface Ethernet1/1\n  description up! b');
  });
});

describe('4. exit tokens and ` no ip address` at any indentation', () => {
  test('a 2-space file with exits compares equal to the 1-space device print', () => {
    const device = cfg(
      'interface Gi1',
      ' no ip address',
      'router bgp 1',
      ' address-family ipv4 vrf A',
      '  redistribute static',
      ' exit-address-family',
    );
    const template = cfg(
      'interface Gi1',
      '  no ip address',
      'router bgp 1',
      '  address-family ipv4 vrf A',
      '    redistribute static',
      '  exit-address-family',
      '  exit',
    );
    assert.equal(remediation('cisco_ios', device, template), '');
  });
});

describe('5. certificates are atomic', () => {
  const chain = (hex: string) =>
    cfg('crypto pki certificate chain TP', ' certificate self-signed 01', `  ${hex}`, '  \tquit');

  test('an unchanged chain compares equal whatever quit indentation', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        chain('30820122 3081CBA0'),
        cfg(
          'crypto pki certificate chain TP',
          ' certificate self-signed 01',
          '  30820122 3081CBA0',
          '  quit',
        ),
      ),
      '',
    );
  });

  test('a changed certificate is removed by header and sent whole with `quit`', () => {
    assert.equal(
      remediation('cisco_ios', chain('30820122 3081CBA0'), chain('30820122 3081CBA1')),
      'crypto pki certificate chain TP\n no certificate self-signed 01\n certificate self-signed 01\n  30820122 3081CBA1\n  quit',
    );
  });
});

describe('6. IOS overwrites and secondaries', () => {
  test('hostname, banner, neighbor description, access-group per direction are overwritten', () => {
    const run = cfg(
      'hostname a',
      'interface Gi1',
      ' ip access-group A in',
      ' ip access-group B out',
      'router bgp 1',
      ' neighbor 1.1.1.1 description x',
    );
    const int = cfg(
      'hostname b',
      'interface Gi1',
      ' ip access-group C in',
      ' ip access-group B out',
      'router bgp 1',
      ' neighbor 1.1.1.1 description y',
    );
    assert.equal(
      remediation('cisco_ios', run, int),
      'hostname b\ninterface Gi1\n ip access-group C in\nrouter bgp 1\n neighbor 1.1.1.1 description y',
    );
  });

  test('a removed secondary is negated with `secondary`; a changed primary is overwritten', () => {
    const run = cfg(
      'interface Gi1',
      ' ip address 10.1.0.1 255.255.255.0 secondary',
      ' ip address 10.0.0.1 255.255.255.0',
    );
    const int = cfg('interface Gi1', ' ip address 10.0.0.2 255.255.255.0');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1\n no ip address 10.1.0.1 255.255.255.0 secondary\n ip address 10.0.0.2 255.255.255.0',
    );
  });
});

describe('7. NX-OS overwrites and VLAN lists', () => {
  test('interface description, vlan name, bgp router-id, vty exec-timeout, block neighbor description', () => {
    const run = cfg(
      'vlan 10',
      '  name A',
      'interface Ethernet1/1',
      '  description a',
      'router bgp 1',
      '  router-id 1.1.1.1',
      '  neighbor 2.2.2.2',
      '    description a',
      'line vty',
      '  exec-timeout 30',
    );
    const int = cfg(
      'vlan 10',
      '  name B',
      'interface Ethernet1/1',
      '  description b',
      'router bgp 1',
      '  router-id 1.1.1.2',
      '  neighbor 2.2.2.2',
      '    description b',
      'line vty',
      '  exec-timeout 10',
    );
    assert.equal(
      remediation('cisco_nxos', run, int),
      'vlan 10\n  name B\ninterface Ethernet1/1\n  description b\nrouter bgp 1\n  router-id 1.1.1.2\n  neighbor 2.2.2.2\n    description b\nline vty\n  exec-timeout 10',
    );
  });

  test('a changed `vlan 1,10,20` list is changed per VLAN', () => {
    assert.equal(remediation('cisco_nxos', cfg('vlan 1,10,20'), cfg('vlan 1,10,30')), 'no vlan 20\nvlan 30');
  });
});

describe('8. the predicted config handles shutdown both ways', () => {
  test('`no shutdown` over `shutdown` and `shutdown` over `no shutdown`', () => {
    for (const [a, b] of [
      [' shutdown', ' no shutdown'],
      [' no shutdown', ' shutdown'],
      [' shutdown', ''],
    ]) {
      const run = cfg('interface Gi1', ' description x', a);
      const int = cfg('interface Gi1', ' description x', ...(b === '' ? [] : [b]));
      const p = plan('cisco_ios', run, int);
      assert.deepEqual(p.verify, [], `${a} → ${b}`);
      assert.deepEqual(p.rollbackVerify, [], `${b} → ${a}`);
    }
  });
});

describe('9. dependency-aware ordering', () => {
  test('an object is created before its users and removed after them', () => {
    const run = cfg(
      'interface Gi1',
      ' ip access-group OLD in',
      'ip access-list extended OLD',
      ' permit ip any any',
    );
    const int = cfg(
      'interface Gi1',
      ' ip access-group NEW in',
      'ip access-list extended NEW',
      ' permit ip any any',
    );
    assert.equal(
      remediation('cisco_ios', run, int),
      'ip access-list extended NEW\n 10 permit ip any any\ninterface Gi1\n ip access-group NEW in\nno ip access-list extended OLD',
    );
  });

  test('a chain: prefix-list, route-map, then the neighbor; removed in reverse', () => {
    const run = cfg('router bgp 1', ' neighbor 1.1.1.1 remote-as 2');
    const int = cfg(
      'router bgp 1',
      ' neighbor 1.1.1.1 remote-as 2',
      ' neighbor 1.1.1.1 route-map OUT out',
      'route-map OUT permit 10',
      ' match ip address prefix-list PL',
      'ip prefix-list PL seq 5 permit 10.0.0.0/8',
    );
    assert.equal(
      remediation('cisco_ios', run, int),
      'ip prefix-list PL seq 5 permit 10.0.0.0/8\nroute-map OUT permit 10\n match ip address prefix-list PL\nrouter bgp 1\n neighbor 1.1.1.1 route-map OUT out',
    );
    assert.equal(
      rollback('cisco_ios', run, int),
      'router bgp 1\n no neighbor 1.1.1.1 route-map OUT out\nno route-map OUT permit 10\nno ip prefix-list PL seq 5 permit 10.0.0.0/8',
    );
  });

  test('lines that carry the operator access come last', () => {
    const run = cfg('line vty 0 4', ' access-class A in', 'ntp server 1.1.1.1');
    const int = cfg(
      'line vty 0 4',
      ' access-class B in',
      'ntp server 2.2.2.2',
      'ip access-list standard B',
      ' permit 10.0.0.0 0.255.255.255',
    );
    assert.equal(
      remediation('cisco_ios', run, int),
      // Device-true (lock-out): the vty ACL is overwritten, never negated first.
      'no ntp server 1.1.1.1\nntp server 2.2.2.2\nip access-list standard B\n 10 permit 10.0.0.0 0.255.255.255\nline vty 0 4\n access-class B in',
    );
  });
});

describe('10. a removed section counts all its descendants', () => {
  test('header, children and grandchildren', () => {
    const run = cfg(
      'vrf definition X',
      ' rd 1:1',
      ' address-family ipv4',
      '  route-target export 1:1',
      '  route-target import 1:1',
    );
    const p = plan('cisco_ios', run, cfg());
    const line = p.remediation.root.children[0];
    assert.equal(line.text, 'no vrf definition X');
    assert.equal(removedLineCount(line), 5);
    assert.equal(p.changeScore.removed, 5);
    assert.match(engine.render(p.remediation, { comments: true }), /! removes 5 lines/);
    assert.equal(load('cisco_ios', run).root.children[0].descendantCount(), 4);
  });
});
