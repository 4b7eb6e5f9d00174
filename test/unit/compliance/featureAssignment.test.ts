/** Issue #8: every top-level line of every real config belongs to exactly one feature. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CompiledFeatures,
  createEngine,
  createRemediationEngine,
  DEFAULT_FEATURES,
  OTHER_FEATURE,
  type Platform,
} from '../../../server/src/engine';
import { REPO_ROOT } from '../../support/paths';
import { fixtureConfigs } from './fixtureConfigs';

const parser = createEngine();
const engine = createRemediationEngine();
const compiled = {
  cisco_ios: new CompiledFeatures(DEFAULT_FEATURES.cisco_ios),
  cisco_nxos: new CompiledFeatures(DEFAULT_FEATURES.cisco_nxos),
};

/** Lines that have an obvious feature: none of them may fall to `other`. */
const OWNED =
  /^(no )?(hostname|switchname|banner|aaa|tacacs-server|ntp|logging|snmp-server|username|enable secret|vlan \d|spanning-tree|interface|router|ip route|ipv6 route|vrf (definition|context)|ip prefix-list|route-map|ip access-list|ipv6 access-list|access-list|object-group|class-map|policy-map|line|crypto) /;

describe('feature assignment on every fixture and example config', () => {
  const configs = fixtureConfigs();

  test('the fixture list covers the golden cases, the examples and the edge cases', () => {
    assert.ok(configs.length >= 150, `${configs.length} configs`);
    for (const platform of ['cisco_ios', 'cisco_nxos'] as Platform[])
      assert.ok(configs.filter((c) => c.platform === platform).length >= 20, platform);
  });

  for (const { file, platform } of configs) {
    test(`${path.relative(REPO_ROOT, file)} (${platform})`, () => {
      const parsed = parser.parse(fs.readFileSync(file, 'utf8'), { platform });
      const plan = engine.plan(parsed, parsed);
      const result = engine.compliance(plan);
      const features = compiled[platform];
      const top = plan.intended.root.children;

      // A config compared with itself is compliant in every feature it has, and lists exactly those.
      assert.equal(result.compliant, true);
      const owners = top.map((n) => features.names[features.featureOf(n.text)]);
      assert.deepEqual(
        result.features.map((f) => f.feature),
        features.names.filter((name) => owners.includes(name)),
      );
      for (const f of result.features) {
        assert.equal(f.compliant, true, f.feature);
        assert.deepEqual([f.missing, f.extra, f.remediation, f.rollback], ['', '', '', ''], f.feature);
      }

      // Each top-level section's first line lies in the ranges of exactly one feature: its own.
      top.forEach((node, i) => {
        const line = (node.source?.line ?? -1) + 1;
        const holders = result.features.filter((f) =>
          f.intended_ranges.some((r) => r.start_line <= line && line <= r.end_line),
        );
        assert.deepEqual(
          holders.map((f) => f.feature),
          [owners[i]],
          `line ${line} \`${node.text.slice(0, 60)}\``,
        );
      });

      const strays = top.filter((n, i) => owners[i] === OTHER_FEATURE && OWNED.test(n.text));
      assert.deepEqual(
        strays.map((n) => n.text),
        [],
        'lines with an obvious feature never fall to other',
      );
    });
  }
});

describe('which feature a top-level line belongs to', () => {
  const cases: [Platform, string, string][] = [
    ['cisco_ios', 'hostname core-rtr-01', 'hostname'],
    ['cisco_ios', 'banner motd ^Cauthorised only^C', 'banner'],
    ['cisco_ios', 'no banner exec', 'banner'],
    ['cisco_ios', 'aaa new-model', 'aaa'],
    ['cisco_ios', 'tacacs server ISE-1', 'aaa'],
    ['cisco_ios', 'clock timezone CET 1 0', 'ntp'],
    ['cisco_ios', 'no logging console', 'logging'],
    ['cisco_ios', 'service timestamps log datetime msec', 'logging'],
    ['cisco_ios', 'enable secret 9 $9$abc', 'users'],
    ['cisco_ios', 'vlan 10', 'vlans'],
    ['cisco_ios', 'vlan internal allocation policy ascending', 'vlans'],
    ['cisco_ios', 'vlan access-map VACL-1 10', 'acls'],
    ['cisco_ios', 'vlan filter VACL-1 vlan-list 10', 'acls'],
    ['cisco_ios', 'ip access-list extended WEB-IN', 'acls'],
    ['cisco_ios', 'access-list 10 permit 10.0.0.0 0.0.0.255', 'acls'],
    ['cisco_ios', 'ip prefix-list PL-LOOPBACKS seq 5 permit 10.255.0.0/16 le 32', 'routing-policy'],
    ['cisco_ios', 'route-map ISP-IN permit 10', 'routing-policy'],
    ['cisco_ios', 'ip route vrf MGMT 0.0.0.0 0.0.0.0 10.0.0.1', 'routing-static'],
    ['cisco_ios', 'ip routing', 'other'],
    ['cisco_ios', 'vrf definition MGMT', 'vrf'],
    ['cisco_ios', 'router ospfv3 1', 'routing-ospf'],
    ['cisco_ios', 'router isis', 'routing-isis'],
    ['cisco_ios', 'router eigrp CORE', 'routing-eigrp'],
    ['cisco_ios', 'control-plane', 'qos'],
    ['cisco_ios', 'line vty 0 4', 'line'],
    ['cisco_ios', 'crypto pki trustpoint TP-self-signed-1', 'crypto'],
    ['cisco_ios', 'no ip domain lookup', 'other'],
    ['cisco_ios', 'no service pad', 'other'],
    ['cisco_nxos', 'switchname leaf-101', 'hostname'],
    ['cisco_nxos', 'feature bgp', 'routing-bgp'],
    ['cisco_nxos', 'no feature ospf', 'routing-ospf'],
    ['cisco_nxos', 'feature tacacs+', 'aaa'],
    ['cisco_nxos', 'feature interface-vlan', 'interfaces'],
    ['cisco_nxos', 'feature lldp', 'other'],
    ['cisco_nxos', 'vrf context management', 'vrf'],
    ['cisco_nxos', 'vlan 1,10,20-22', 'vlans'],
    ['cisco_nxos', 'role name netops-ro', 'users'],
    ['cisco_nxos', 'copp profile strict', 'qos'],
    ['cisco_nxos', 'vpc domain 10', 'other'],
  ];
  for (const [platform, line, expected] of cases) {
    test(`${platform}: ${line} → ${expected}`, () => {
      const features = compiled[platform];
      assert.equal(features.names[features.featureOf(line)], expected);
    });
  }

  test('features are matched in order: the first feature with a matching rule wins', () => {
    const features = new CompiledFeatures([
      { name: 'mgmt', match: [{ re_search: '^ip (ssh|http) ' }] },
      { name: 'ip', match: [{ startswith: 'ip ' }] },
    ]);
    assert.deepEqual(
      ['ip ssh version 2', 'ip http server', 'ip routing', 'no ip http server', 'hostname x'].map(
        (l) => features.names[features.featureOf(l)],
      ),
      ['mgmt', 'mgmt', 'ip', 'mgmt', 'other'],
    );
  });

  test('a regex with alternation at its top level matches either branch', () => {
    const features = new CompiledFeatures([
      { name: 'mgmt', match: [{ re_search: '^ip ssh|^ip http' }] },
      { name: 'acl', match: [{ re_search: '^(ip|ipv6) access-list [a|b]' }] },
    ]);
    assert.deepEqual(
      [
        'ip ssh version 2',
        'ip http server',
        'ipv6 access-list a1',
        'ip access-list |x',
        'ip route 0.0.0.0',
      ].map((l) => features.names[features.featureOf(l)]),
      ['mgmt', 'mgmt', 'acl', 'acl', 'other'],
    );
  });

  test('a regex sees at most the bounded length of a line', () => {
    const features = new CompiledFeatures([{ name: 'tail', match: [{ re_search: 'TAIL$' }] }]);
    assert.equal(features.names[features.featureOf(`description ${'x'.repeat(2000)}TAIL`)], 'other');
    assert.equal(features.names[features.featureOf('description TAIL')], 'tail');
  });
});
