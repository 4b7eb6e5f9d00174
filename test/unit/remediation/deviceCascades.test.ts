/**
 * Cascades and NX-OS features (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): what the
 * script sends, and what the predicted config says a script does on the device, including scripts
 * written by hand (read from text, without the engine's record of what each line is).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cfg, engine, load, plan, remediation } from './support/harness';

/** The predicted config of `script` (read as text) applied to `running`, as config text. */
function applied(platform: 'cisco_ios' | 'cisco_nxos', running: string, script: string): string {
  return engine.renderConfig(engine.predict(load(platform, running), load(platform, script))).trimEnd();
}

describe('cascade: VRF membership', () => {
  const run = cfg(
    'interface Gi1',
    ' vrf forwarding A',
    ' ip address 10.0.0.1 255.255.255.0',
    ' ipv6 address 2001:DB8::1/64',
    ' ip helper-address 10.0.5.1',
  );

  test('IOS: the new VRF goes first, the unchanged addresses are sent again after it', () => {
    const int = run.replace('vrf forwarding A', 'vrf forwarding B');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1\n vrf forwarding B\n ip address 10.0.0.1 255.255.255.0\n ipv6 address 2001:DB8::1/64',
    );
    assert.deepEqual(plan('cisco_ios', run, int).verify, []);
  });

  test('IOS: a script that sends only the VRF leaves the port without addresses (verify says so)', () => {
    assert.equal(
      applied('cisco_ios', run, cfg('interface Gi1', ' vrf forwarding B')),
      'interface Gi1\n vrf forwarding B\n ip helper-address 10.0.5.1',
    );
  });

  test('IOS: leaving the VRF removes the addresses too; the intended ones follow `no vrf forwarding`', () => {
    const int = cfg('interface Gi1', ' ip address 10.0.0.1 255.255.255.0', ' ip helper-address 10.0.5.1');
    assert.equal(
      remediation('cisco_ios', run, int),
      // The IPv6 address goes with the VRF: no `no ipv6 address ...` after it.
      'interface Gi1\n no vrf forwarding A\n ip address 10.0.0.1 255.255.255.0',
    );
    assert.deepEqual(plan('cisco_ios', run, int).verify, []);
  });

  test('NX-OS: `vrf member` deletes every L3 line (OSPF, HSRP), all sent again', () => {
    const nx = cfg(
      'interface Vlan10',
      '  vrf member A',
      '  ip address 10.1.0.2/24',
      '  ip router ospf 1 area 0.0.0.0',
      '  hsrp 10',
      '    ip 10.1.0.1',
      '  description kept',
    );
    const int = nx.replace('vrf member A', 'vrf member B');
    assert.equal(
      remediation('cisco_nxos', nx, int),
      'interface Vlan10\n  vrf member B\n  ip address 10.1.0.2/24\n  ip router ospf 1 area 0.0.0.0\n  hsrp 10\n    ip 10.1.0.1',
    );
    assert.deepEqual(plan('cisco_nxos', nx, int).verify, []);
  });
});

describe('cascade: switchport', () => {
  test('`no switchport` removes the L2 lines: they are not negated, and the mode goes first', () => {
    const run = cfg('interface Gi1/0/1', ' switchport access vlan 10', ' spanning-tree portfast');
    const int = cfg('interface Gi1/0/1', ' ip address 10.0.0.1 255.255.255.252', ' no switchport');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1/0/1\n no switchport\n ip address 10.0.0.1 255.255.255.252',
    );
    assert.equal(
      applied('cisco_ios', run, cfg('interface Gi1/0/1', ' no switchport')),
      'interface Gi1/0/1\n no switchport',
    );
  });

  test('`switchport` removes the L3 lines; a list sent only to undo one is not sent either', () => {
    const run = cfg('interface Ethernet1/1', '  no switchport', '  ip address 10.0.0.1/31', '  mtu 9216');
    const int = cfg('interface Ethernet1/1', '  mtu 9216', '  switchport access vlan 10');
    assert.equal(
      remediation('cisco_nxos', run, int),
      'interface Ethernet1/1\n  switchport\n  switchport access vlan 10',
    );
  });
});

describe('cascade: BGP neighbor removal (IOS)', () => {
  const run = cfg(
    'router bgp 1',
    ' neighbor 10.0.0.2 remote-as 2',
    ' neighbor 10.0.0.2 description peer',
    ' neighbor PG peer-group',
    ' neighbor PG remote-as 3',
    ' address-family ipv4',
    '  neighbor 10.0.0.2 activate',
    ' address-family ipv4 vrf A',
    '  neighbor 10.0.0.2 remote-as 4',
    '  neighbor 10.0.0.2 activate',
  );

  test('`no neighbor X remote-as N` is the only line; the VRF neighbor with the same address stays', () => {
    const int = cfg(
      'router bgp 1',
      ' neighbor PG peer-group',
      ' neighbor PG remote-as 3',
      ' address-family ipv4',
      ' address-family ipv4 vrf A',
      '  neighbor 10.0.0.2 remote-as 4',
      '  neighbor 10.0.0.2 activate',
    );
    const p = plan('cisco_ios', run, int);
    assert.equal(engine.render(p.remediation).trimEnd(), 'router bgp 1\n no neighbor 10.0.0.2 remote-as 2');
    assert.deepEqual(p.verify, []);
  });

  test('predict: a hand-written removal takes every line of the neighbor, address families included', () => {
    const predicted = applied('cisco_ios', run, cfg('router bgp 1', ' no neighbor 10.0.0.2 remote-as 2'));
    assert.ok(!predicted.includes(' neighbor 10.0.0.2 description'), predicted);
    assert.ok(!/address-family ipv4\n {2}neighbor 10.0.0.2 activate/.test(predicted), predicted);
    assert.ok(predicted.includes('  neighbor 10.0.0.2 remote-as 4'), predicted);
  });

  test('a peer-group is not a neighbor: removing its AS keeps the group', () => {
    const int = run.replace(' neighbor PG remote-as 3\n', '');
    assert.equal(remediation('cisco_ios', run, int), 'router bgp 1\n no neighbor PG remote-as 3');
  });

  test('a changed AS is overwritten per neighbor', () => {
    assert.equal(
      remediation('cisco_ios', run, run.replace('remote-as 2', 'remote-as 5')),
      'router bgp 1\n neighbor 10.0.0.2 remote-as 5',
    );
  });
});

describe('NX-OS features', () => {
  const run = cfg(
    'feature hsrp',
    'feature bgp',
    'interface Vlan10',
    '  ip address 10.1.0.2/24',
    '  hsrp 10',
    '    ip 10.1.0.1',
    'router bgp 65000',
    '  router-id 10.0.0.1',
  );

  test('`no feature X` is the whole removal: no negation of the lines that need X', () => {
    const int = cfg('interface Vlan10', '  ip address 10.1.0.2/24');
    const p = plan('cisco_nxos', run, int);
    assert.equal(engine.render(p.remediation).trimEnd(), 'no feature hsrp\nno feature bgp');
    assert.deepEqual(p.verify, []);
  });

  test('predict: `no feature` removes the feature lines at every depth', () => {
    assert.equal(
      applied('cisco_nxos', run, cfg('no feature hsrp', 'no feature bgp')),
      'interface Vlan10\n  ip address 10.1.0.2/24',
    );
  });

  test('`feature X` goes before every line that needs it, wherever the template lists it', () => {
    const int = cfg(
      'router bgp 65000',
      '  router-id 10.0.0.1',
      'interface Ethernet1/1',
      '  channel-group 5 mode active',
      'feature bgp',
      'feature lacp',
    );
    const script = remediation('cisco_nxos', cfg(), int).split('\n');
    assert.ok(script.indexOf('feature bgp') < script.indexOf('router bgp 65000'), script.join('\n'));
    assert.ok(script.indexOf('feature lacp') < script.indexOf('interface Ethernet1/1'), script.join('\n'));
  });

  test('a removed-line count includes what the feature takes with it', () => {
    const p = plan(
      'cisco_nxos',
      run,
      cfg('feature hsrp', 'interface Vlan10', '  ip address 10.1.0.2/24', '  hsrp 10', '    ip 10.1.0.1'),
    );
    assert.deepEqual(p.changeScore.removed, 3);
  });
});
