/** Issue #8: per feature, what is missing, what is extra, and that feature's part of the scripts. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  createEngine,
  createRemediationEngine,
  resolveFeatureSets,
  type DeviceCompliance,
  type FeatureCompliance,
  type FeatureSets,
  type HNode,
  type Platform,
} from '../../../server/src/engine';
import { FIXTURES, REPO_ROOT } from '../../support/paths';

const parser = createEngine();
const engine = createRemediationEngine();
const CASES = path.join(FIXTURES, 'remediation');
const FLEET = path.join(REPO_ROOT, 'examples', 'fleet');

function compliance(
  running: string,
  intended: string,
  platform: Platform,
  sets?: FeatureSets,
): DeviceCompliance {
  const plan = engine.plan(
    parser.parse(fs.readFileSync(running, 'utf8'), { platform }),
    parser.parse(fs.readFileSync(intended, 'utf8'), { platform }),
  );
  return engine.compliance(plan, sets);
}

function goldenCase(name: string): DeviceCompliance {
  const dir = path.join(CASES, name);
  const { platform } = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
  return compliance(path.join(dir, 'running.cfg'), path.join(dir, 'intended.cfg'), platform);
}

function fleetDevice(id: string, platform: Platform): DeviceCompliance {
  const ext = platform === 'cisco_nxos' ? 'nxos' : 'cfg';
  return compliance(
    path.join(FLEET, 'running', `${id}.${ext}`),
    path.join(FLEET, 'intended', `${id}.${ext}`),
    platform,
  );
}

/** The drifting features, each as [name, missing, missing_count, extra, extra_count]. */
function drifting(result: DeviceCompliance): [string, string, number, string, number][] {
  return result.features
    .filter((f) => !f.compliant)
    .map((f) => [f.feature, f.missing, f.missing_count, f.extra, f.extra_count]);
}

/** Every line of a tree as its path from the top level, by canonical key (as the engine compares). */
function paths(root: HNode): Set<string> {
  const out = new Set<string>();
  const visit = (node: HNode, prefix: string): void => {
    for (const c of node.children) {
      const key = `${prefix}\u0001${c.key}`;
      out.add(key);
      visit(c, key);
    }
  };
  visit(root, '');
  return out;
}

function feature(result: DeviceCompliance, name: string): FeatureCompliance {
  const found = result.features.find((f) => f.feature === name);
  assert.ok(found, `feature ${name} listed`);
  return found;
}

describe('missing and extra lines per feature, on the example fleet', () => {
  test('core-rtr-01: NTP server replaced, a new iBGP neighbour with its link and OSPF', () => {
    const result = fleetDevice('core-rtr-01', 'cisco_ios');
    assert.equal(result.compliant, false);
    assert.deepEqual(drifting(result), [
      ['ntp', 'ntp server 10.0.6.2\n', 1, 'ntp server 10.0.5.2\n', 1],
      [
        'interfaces',
        'interface TenGigabitEthernet0/0/1\n' +
          ' description P2P to dist-sw-01 Te1/1/1 (10G, CKT-DC1-0042)\n' +
          'interface GigabitEthernet0/0/1\n' +
          ' description P2P to core-rtr-03 Gi0/0/1\n' +
          ' ip address 10.254.0.13 255.255.255.252\n' +
          ' ip ospf network point-to-point\n' +
          ' ip ospf cost 100\n' +
          ' ip ospf 1 area 0\n',
        6,
        'interface TenGigabitEthernet0/0/1\n' +
          ' description P2P to dist-sw-01 Te1/1/1\n' +
          'interface GigabitEthernet0/0/1\n' +
          ' description spare\n' +
          ' shutdown\n',
        3,
      ],
      [
        'routing-bgp',
        'router bgp 65000\n' +
          ' neighbor 10.255.0.3 peer-group IBGP\n' +
          ' neighbor 10.255.0.3 description core-rtr-03\n' +
          ' address-family ipv4\n' +
          '  neighbor 10.255.0.3 activate\n',
        3,
        '',
        0,
      ],
      ['routing-ospf', 'router ospf 1\n no passive-interface GigabitEthernet0/0/1\n', 1, '', 0],
    ]);
    const bgp = feature(result, 'routing-bgp');
    assert.equal(
      bgp.remediation,
      'router bgp 65000\n' +
        ' neighbor 10.255.0.3 peer-group IBGP\n' +
        ' neighbor 10.255.0.3 description core-rtr-03\n' +
        ' address-family ipv4\n' +
        '  neighbor 10.255.0.3 activate\n' +
        ' exit-address-family\n' +
        ' exit\n',
    );
    assert.equal(feature(result, 'ntp').rollback, 'no ntp server 10.0.6.2\nntp server 10.0.5.2\n');
    assert.deepEqual(bgp.intended_ranges, [{ start_line: 91, end_line: 110 }]);
    assert.equal(feature(result, 'acls').compliant, true);
  });

  test('leaf-101 (NX-OS): VLAN 130 rollout across vlans, interfaces and BGP; SNMP location', () => {
    const result = fleetDevice('leaf-101', 'cisco_nxos');
    assert.deepEqual(
      result.features.filter((f) => !f.compliant).map((f) => f.feature),
      ['snmp', 'vlans', 'interfaces', 'routing-bgp'],
    );
    assert.deepEqual(drifting(result)[0], [
      'snmp',
      'snmp-server location DC2 hall A row 7 rack 12\n',
      1,
      'snmp-server location DC2 hall A row 7 rack 11\n',
      1,
    ]);
    const vlans = feature(result, 'vlans');
    assert.equal(vlans.missing, 'vlan 130\n  name DB\n');
    assert.equal(vlans.remediation, 'vlan 130\n  name DB\n  exit\n');
    assert.equal(vlans.rollback, 'no vlan 130\n');
    const bgp = feature(result, 'routing-bgp');
    assert.equal(bgp.missing, 'router bgp 65101\n  address-family ipv4 unicast\n    network 10.130.0.0/24\n');
    // `feature bgp` (line 15) and `router bgp` are both BGP's.
    assert.deepEqual(bgp.intended_ranges, [
      { start_line: 15, end_line: 15 },
      { start_line: 151, end_line: 171 },
    ]);
  });
});

describe('missing and extra lines per feature, on the golden remediation cases', () => {
  test('ios-banner-changed: the banner is one line, replaced whole; vty timeouts (vty 0 4 + 5 15 agree: one range)', () => {
    const result = goldenCase('ios-banner-changed');
    const banner = (day: string) =>
      `banner motd ^C\n!!! WARNING !!!\nScheduled maintenance: ${day}.\n` +
      'Disconnect IMMEDIATELY if you are not an authorized user!\n^C\n';
    assert.deepEqual(drifting(result), [
      ['banner', banner('Sunday 01:00-03:00 UTC'), 1, banner('Saturday 02:00-04:00 UTC'), 1],
      ['line', 'line vty 0 15\n exec-timeout 10 0\n', 1, 'line vty 0 15\n exec-timeout 15 0\n', 1],
    ]);
    assert.match(feature(result, 'banner').remediation, /^banner motd \^\n!!! WARNING !!!\n/);
    assert.deepEqual(
      result.features.filter((f) => f.compliant).map((f) => f.feature),
      ['hostname', 'interfaces', 'routing-static'],
    );
  });

  test('ios-acl-sequence-numbers: entries by sequence number', () => {
    assert.deepEqual(drifting(goldenCase('ios-acl-sequence-numbers')), [
      [
        'acls',
        'ip access-list extended WEB-IN\n 25 permit tcp any host 10.60.10.12 eq 443\n 40 deny ip any any\n',
        2,
        'ip access-list extended WEB-IN\n 30 permit tcp any host 10.60.10.11 eq 443\n 40 deny ip any any log\n',
        2,
      ],
    ]);
  });

  test('nxos-vlan-list-expansion: a VLAN list compares per VLAN', () => {
    assert.deepEqual(drifting(goldenCase('nxos-vlan-list-expansion')), [
      [
        'vlans',
        'vlan 110\n  name WEB-FRONTEND\nvlan 140\n  name BACKUP\n',
        3,
        'vlan 110\n  name WEB\nvlan 130\n  name DB\n',
        3,
      ],
    ]);
  });

  test('ios-qos-policy-map: three levels deep, headers kept, a new section counted whole', () => {
    const qos = feature(goldenCase('ios-qos-policy-map'), 'qos');
    assert.equal(
      qos.missing,
      'class-map match-any VOICE\n match dscp ef\n' +
        'policy-map LAN-INGRESS\n class CRITICAL-DATA\n  set dscp af21\n' +
        ' class SCAVENGER\n  police cir 5000000\n   conform-action transmit\n   exceed-action drop\n' +
        ' class VOICE\n  set dscp ef\n',
    );
    assert.equal(qos.missing_count, 8);
    assert.equal(
      qos.extra,
      'policy-map LAN-INGRESS\n class CRITICAL-DATA\n  set dscp af31\n' +
        ' class SCAVENGER\n  police cir 10000000\n   conform-action transmit\n   exceed-action drop\n',
    );
    assert.equal(qos.extra_count, 4);
    assert.match(qos.rollback, /\nno class-map match-any VOICE\n$/);
  });

  test('ios-identical and nxos-identical: compliant in every feature', () => {
    for (const name of ['ios-identical', 'nxos-identical']) {
      const result = goldenCase(name);
      assert.equal(result.compliant, true, name);
      assert.ok(result.features.length >= 5, name);
      assert.ok(
        result.features.every((f) => f.compliant && f.remediation === ''),
        name,
      );
    }
  });

  test('on every golden case: the features split the scripts exactly, compliant means nothing to send, and missing/extra agree with a plain tree comparison', () => {
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((l) => l !== '')
        .sort();
    for (const name of fs.readdirSync(CASES).filter((n) => fs.statSync(path.join(CASES, n)).isDirectory())) {
      const dir = path.join(CASES, name);
      const { platform } = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
      const plan = engine.plan(
        parser.parse(fs.readFileSync(path.join(dir, 'running.cfg'), 'utf8'), { platform }),
        parser.parse(fs.readFileSync(path.join(dir, 'intended.cfg'), 'utf8'), { platform }),
      );
      const result = engine.compliance(plan);
      const whole = engine.render(plan.remediation, { exits: true });
      const wholeRollback = engine.render(plan.rollback, { exits: true });
      assert.deepEqual(lines(result.features.map((f) => f.remediation).join('')), lines(whole), name);
      assert.deepEqual(lines(result.features.map((f) => f.rollback).join('')), lines(wholeRollback), name);
      assert.equal(result.compliant, whole === '' && wholeRollback === '', name);
      // Missing and extra count what a plain comparison of the two loaded trees finds, in the top-level
      // sections the scripts touch: what the device keeps whatever the config says (a bare physical
      // port, a printed default) is no drift.
      const touched = new Set<string>();
      for (const top of [...plan.remediation.root.children, ...plan.rollback.root.children]) {
        touched.add(top.key);
        if (top.meta?.negated) touched.add(top.meta.negated.key);
        const undone = /^(?:no|default) (.*)$/.exec(top.key)?.[1];
        if (undone !== undefined) touched.add(undone);
      }
      const inTouched = (p: string): boolean => touched.has(p.split('\u0001')[1]);
      const intended = new Set([...paths(plan.intended.root)].filter(inTouched));
      const running = new Set([...paths(plan.running.root)].filter(inTouched));
      const sum = (key: 'missing_count' | 'extra_count') => result.features.reduce((n, f) => n + f[key], 0);
      assert.equal(
        sum('missing_count'),
        [...intended].filter((p) => !running.has(p)).length,
        `${name}: missing`,
      );
      assert.equal(sum('extra_count'), [...running].filter((p) => !intended.has(p)).length, `${name}: extra`);
      for (const f of result.features) {
        // A feature that drifts has something to send, and something missing or extra to show for it.
        assert.equal(f.compliant, f.remediation === '' && f.rollback === '', `${name}: ${f.feature}`);
        if (!f.compliant) assert.ok(f.missing_count + f.extra_count > 0, `${name}: ${f.feature}`);
      }
    }
  });
});

describe('compliance with overridden features', () => {
  test('a new feature takes its lines first; a removed one gives its lines to the next match', () => {
    const sets = resolveFeatureSets([
      {
        cisco_ios: [
          { name: 'time', title: 'Time', match: [{ startswith: ['ntp ', 'clock '] }] },
          { name: 'ntp', match: [] },
        ],
      },
    ]);
    const result = compliance(
      path.join(FLEET, 'running', 'core-rtr-01.cfg'),
      path.join(FLEET, 'intended', 'core-rtr-01.cfg'),
      'cisco_ios',
      sets,
    );
    assert.equal(result.features[0].feature, 'time');
    assert.equal(result.features[0].missing, 'ntp server 10.0.6.2\n');
    assert.equal(
      result.features.some((f) => f.feature === 'ntp'),
      false,
    );
  });
});
