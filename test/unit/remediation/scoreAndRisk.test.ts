/** Change score, risk flags and the tags on remediation lines (PRODUCT.md). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { walk, type RemediationTree } from '../../../server/src/engine/remediation/index';
import { cfg, engine, plan } from './support/harness';

function tagsOf(tree: RemediationTree): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const node of walk(tree.root)) out[node.path().join(' > ')] = node.meta?.tags ?? [];
  return out;
}

describe('change score', () => {
  test('added, removed (all descendants of a removed section), changed (overwrites), weighted by depth', () => {
    const run = cfg(
      'hostname a',
      'interface Gi1',
      ' description a',
      ' mtu 1500',
      'interface Gi2',
      ' description b',
      ' ip ospf cost 5',
    );
    const int = cfg('hostname b', 'interface Gi1', ' description c', ' mtu 9000', 'ntp server 1.1.1.1');
    const score = plan('cisco_ios', run, int).changeScore;
    // removed: `no mtu 1500` (depth 2) + `no interface Gi2` with its 2 lines; added: `mtu 9000`, ntp;
    // changed: hostname (top level), description (depth 2).
    assert.deepEqual(score, { added: 2, removed: 4, changed: 2, score: 2 + (3 + 2 + 2) + 2 + 3 + 3 + 2 });
  });

  test('nothing to do scores zero', () => {
    assert.deepEqual(plan('cisco_ios', cfg('hostname a'), cfg('hostname a')).changeScore, {
      added: 0,
      removed: 0,
      changed: 0,
      score: 0,
    });
  });
});

describe('tags', () => {
  test('negation, addition, both, idempotent-overwrite, context, safe', () => {
    const run = cfg('interface Gi1', ' description a', ' shutdown', ' mtu 1500');
    const int = cfg('interface Gi1', ' description b', ' no shutdown', ' bandwidth 100');
    const tags = tagsOf(plan('cisco_ios', run, int).remediation);
    assert.deepEqual(tags['interface Gi1'], ['context']);
    assert.deepEqual(tags['interface Gi1 > no mtu 1500'], ['negation', 'safe']);
    assert.deepEqual(tags['interface Gi1 > description b'], ['addition', 'idempotent-overwrite', 'safe']);
    assert.deepEqual(tags['interface Gi1 > no shutdown'], ['negation', 'addition', 'safe']);
    assert.deepEqual(tags['interface Gi1 > bandwidth 100'], ['addition', 'safe']);
  });

  test('select keeps the lines asked for with their section headers', () => {
    const run = cfg(
      'interface Gi1',
      ' description a',
      'router ospf 1',
      ' network 10.0.0.0 0.255.255.255 area 0',
    );
    const p = plan('cisco_ios', run, cfg('interface Gi1', ' description b'));
    const safe = engine.select(p.remediation, (n) => n.meta?.tags.includes('safe') === true);
    assert.equal(engine.render(safe), cfg('interface Gi1', ' description b'));
  });
});

describe('risk flags', () => {
  const kinds = (run: string, int: string, platform: 'cisco_ios' | 'cisco_nxos' = 'cisco_ios'): string[] =>
    plan(platform, run, int).risks.map((r) => `${r.kind}: ${r.path.join(' > ')}`);

  test('management interface address (by name or management VRF)', () => {
    assert.deepEqual(
      kinds(
        cfg('interface mgmt0', '  ip address 10.0.0.1/24'),
        cfg('interface mgmt0', '  ip address 10.0.0.2/24'),
        'cisco_nxos',
      ),
      ['management-address: interface mgmt0 > ip address 10.0.0.2/24'],
    );
    const run = cfg(
      'interface GigabitEthernet0/0',
      ' vrf forwarding Mgmt-vrf',
      ' ip address 10.0.0.1 255.255.255.0',
    );
    const int = cfg(
      'interface GigabitEthernet0/0',
      ' vrf forwarding Mgmt-vrf',
      ' ip address 10.0.0.2 255.255.255.0',
    );
    assert.deepEqual(kinds(run, int), [
      'management-address: interface GigabitEthernet0/0 > ip address 10.0.0.2 255.255.255.0',
    ]);
    assert.deepEqual(
      kinds(
        cfg('interface Gi1', ' ip address 1.1.1.1 255.0.0.0'),
        cfg('interface Gi1', ' ip address 1.1.1.2 255.0.0.0'),
      ),
      [],
    );
  });

  test('`no router ...`, vty access, aaa', () => {
    assert.deepEqual(kinds(cfg('router ospf 1', ' router-id 1.1.1.1'), cfg()), [
      'routing-removal: no router ospf 1',
    ]);
    assert.deepEqual(
      kinds(cfg('line vty 0 4', ' access-class A in'), cfg('line vty 0 4', ' access-class B in')),
      ['vty-access: line vty 0 4 > access-class B in'],
    );
    assert.deepEqual(
      kinds(cfg(), cfg('aaa new-model', 'aaa group server tacacs+ ISE', ' server name ISE-1')),
      [
        'aaa: aaa new-model',
        'aaa: aaa group server tacacs+ ISE',
        'aaa: aaa group server tacacs+ ISE > server name ISE-1',
      ],
    );
  });

  test('`shutdown` only on an interface that is up in running', () => {
    assert.deepEqual(
      kinds(cfg('interface Gi1', ' description up'), cfg('interface Gi1', ' description up', ' shutdown')),
      ['interface-shutdown: interface Gi1 > shutdown'],
    );
    assert.deepEqual(kinds(cfg(), cfg('interface Gi1', ' shutdown')), []);
  });

  test('risky lines are tagged risk:<kind>, not safe', () => {
    const p = plan('cisco_ios', cfg('router ospf 1'), cfg());
    assert.deepEqual(p.remediation.root.children[0].meta?.tags, ['negation', 'risk:routing-removal']);
  });
});
