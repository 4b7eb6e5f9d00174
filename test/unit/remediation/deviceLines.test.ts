/**
 * VLAN sets, printed defaults and lines that cannot be removed, line ranges, add-before-remove and
 * secrets (PLATFORM-RULES.md, "Device behaviour beyond hier_config").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyVlanLine,
  formatVlanList,
  parseVlanList,
} from '../../../server/src/engine/remediation/device/vlanSets';
import { cfg, engine, load, loaded, plan, remediation, rollback } from './support/harness';

function applied(platform: 'cisco_ios' | 'cisco_nxos', running: string, script: string): string {
  return engine.renderConfig(engine.predict(load(platform, running), load(platform, script))).trimEnd();
}

describe('VLAN sets', () => {
  test('lists parse and print as sets', () => {
    const set = parseVlanList('30,10,20-22') as Uint8Array;
    assert.equal(formatVlanList(set), '10,20-22,30');
    assert.equal(parseVlanList('10,5000'), undefined);
    assert.equal(formatVlanList(parseVlanList('none') as Uint8Array), 'none');
    const cmd = 'switchport trunk allowed vlan';
    const added = applyVlanLine(set, cmd, `${cmd} add 11-12`) as Uint8Array;
    assert.equal(formatVlanList(applyVlanLine(added, cmd, `${cmd} remove 20-22`) as Uint8Array), '10-12,30');
  });

  test('the same set printed on two lines and written on one is no change', () => {
    const run = cfg(
      'interface Gi1',
      ' switchport trunk allowed vlan 10,20',
      ' switchport trunk allowed vlan add 30-32',
    );
    assert.equal(
      remediation('cisco_ios', run, cfg('interface Gi1', ' switchport trunk allowed vlan 10,20,30,31,32')),
      '',
    );
  });

  test('a change is `add` then `remove`, never a bare `no switchport trunk allowed vlan`', () => {
    const run = cfg('interface Gi1', ' switchport trunk allowed vlan 10,20');
    const int = cfg('interface Gi1', ' switchport trunk allowed vlan 10,30');
    assert.equal(
      remediation('cisco_ios', run, int),
      'interface Gi1\n switchport trunk allowed vlan add 30\n switchport trunk allowed vlan remove 20',
    );
    assert.equal(
      remediation('cisco_ios', run, cfg('interface Gi1')),
      'interface Gi1\n switchport trunk allowed vlan all',
    );
  });

  test('predict: the set the lines leave, as one line; `all` leaves none', () => {
    const run = cfg('interface Gi1', ' switchport trunk allowed vlan 10,20');
    assert.equal(
      applied(
        'cisco_ios',
        run,
        cfg(
          'interface Gi1',
          ' switchport trunk allowed vlan add 30',
          ' switchport trunk allowed vlan remove 10',
        ),
      ),
      'interface Gi1\n switchport trunk allowed vlan 20,30',
    );
    assert.equal(
      applied('cisco_ios', run, cfg('interface Gi1', ' switchport trunk allowed vlan all')),
      'interface Gi1',
    );
  });
});

describe('printed defaults and lines that cannot be removed', () => {
  test('NX-OS `no shutdown` the template omits is kept; an explicit `shutdown` is still sent', () => {
    const run = cfg('interface Ethernet1/1', '  description a', '  no shutdown');
    assert.equal(remediation('cisco_nxos', run, cfg('interface Ethernet1/1', '  description a')), '');
    assert.equal(
      remediation('cisco_nxos', run, cfg('interface Ethernet1/1', '  description a', '  shutdown')),
      'interface Ethernet1/1\n  shutdown',
    );
  });

  test('a physical port is reset with `default interface`, and stays, bare; a logical one is removed', () => {
    const run = cfg(
      'interface GigabitEthernet1/0/1',
      ' description x',
      'interface Loopback1',
      ' description y',
    );
    assert.equal(
      remediation('cisco_ios', run, cfg()),
      'default interface GigabitEthernet1/0/1\nno interface Loopback1',
    );
    assert.equal(
      engine.renderConfig(plan('cisco_ios', run, cfg()).predicted).trimEnd(),
      'interface GigabitEthernet1/0/1',
    );
    assert.equal(remediation('cisco_ios', cfg('interface GigabitEthernet1/0/2'), cfg()), '');
  });

  test('VLAN 1 is never removed', () => {
    assert.equal(remediation('cisco_nxos', cfg('vlan 1,10'), cfg('vlan 10')), '');
    assert.equal(remediation('cisco_ios', cfg('vlan 1', 'vlan 10'), cfg('vlan 10')), '');
  });

  test('`line con 0` cannot be removed: its lines are negated', () => {
    assert.equal(
      remediation('cisco_ios', cfg('line con 0', ' exec-timeout 5 0'), cfg()),
      'line con 0\n no exec-timeout 5 0',
    );
  });

  test('`default interface` on the management port is a risk', () => {
    const p = plan('cisco_nxos', cfg('interface mgmt0', '  ip address 10.0.0.2/24'), cfg());
    assert.deepEqual(
      p.risks.map((r) => r.kind),
      ['management-address'],
    );
  });
});

describe('line ranges', () => {
  test('adjacent ranges with the same lines are one range, with a diagnostic', () => {
    const text = cfg('line vty 0 4', ' transport input ssh', 'line vty 5 15', ' transport input ssh');
    assert.equal(loaded('cisco_ios', text), 'line vty 0 15\n transport input ssh');
    assert.deepEqual(
      load('cisco_ios', text).diagnostics.map((d) => d.code),
      ['merged-range'],
    );
  });

  test('a range split differently is sent per piece; lines no intended range names are removed', () => {
    const run = cfg('line vty 0 15', ' exec-timeout 5 0');
    const int = cfg('line vty 0 4', ' exec-timeout 5 0', 'line vty 5 15', ' exec-timeout 9 0');
    assert.equal(
      remediation('cisco_ios', run, int),
      'line vty 5 15\n no exec-timeout 5 0\n exec-timeout 9 0',
    );
    assert.deepEqual(plan('cisco_ios', run, int).verify, []);
    assert.equal(rollback('cisco_ios', cfg('line vty 0 4', ' exec-timeout 5 0'), run), 'no line vty 5 15');
  });
});

describe('add before remove (lock-out)', () => {
  test('a replaced route goes in before the old one is removed; a route removed alone stays in place', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        cfg('ip route 0.0.0.0 0.0.0.0 10.0.0.1', 'ntp server 1.1.1.1'),
        cfg('ip route 0.0.0.0 0.0.0.0 10.0.0.2', 'ntp server 1.1.1.1'),
      ),
      'ip route 0.0.0.0 0.0.0.0 10.0.0.2\nno ip route 0.0.0.0 0.0.0.0 10.0.0.1',
    );
    assert.equal(
      remediation(
        'cisco_ios',
        cfg('ip route 10.9.0.0 255.255.0.0 10.0.0.1', 'ntp server 1.1.1.1'),
        cfg('ntp server 2.2.2.2'),
      ),
      'no ip route 10.9.0.0 255.255.0.0 10.0.0.1\nno ntp server 1.1.1.1\nntp server 2.2.2.2',
    );
  });

  test('aaa method lists and vty filters are overwritten, never negated first', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        cfg('aaa authentication login default group A local'),
        cfg('aaa authentication login default group B local'),
      ),
      'aaa authentication login default group B local',
    );
  });
});

describe('secrets', () => {
  test('a re-hashed secret is no drift and not sent: a finding whose path hides the value', () => {
    const p = plan('cisco_ios', cfg('enable secret 9 $9$aaa$bbb'), cfg('enable secret 9 $9$ccc$ddd'));
    assert.equal(engine.render(p.remediation), '');
    assert.deepEqual(p.verify, []);
    assert.deepEqual(
      p.risks.map((r) => `${r.kind}: ${r.path.join(' > ')}`),
      ['secret: enable secret <secret>'],
    );
    assert.ok(!p.risks[0].message.includes('$9$'), p.risks[0].message);
  });

  test('a masked value equals the clear one on the other side, either way round', () => {
    const masked = cfg('snmp-server community <removed> RO 10');
    const clear = cfg('snmp-server community S3cr3t RO 10');
    for (const [run, int] of [
      [masked, clear],
      [clear, masked],
    ]) {
      const p = plan('cisco_ios', run, int);
      assert.equal(engine.render(p.remediation), '');
      assert.deepEqual(p.verify, []);
    }
  });

  test('a masked line without a twin is never sent nor negated (its value is unknown): a finding', () => {
    const p = plan(
      'cisco_ios',
      cfg('hostname a'),
      cfg('hostname a', 'snmp-server community <secret hidden> RO'),
    );
    assert.equal(engine.render(p.remediation), '');
    assert.match(p.risks[0].message, /masked in the intended config/);
    assert.equal(remediation('cisco_ios', cfg('tacacs-server key 7 *****'), cfg()), '');
  });

  test('`*****` inside a description is not a mask', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        cfg('interface Gi1', ' description *** core ***'),
        cfg('interface Gi1', ' description new'),
      ),
      'interface Gi1\n description new',
    );
  });
});
