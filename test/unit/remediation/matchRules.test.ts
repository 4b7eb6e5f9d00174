/** Predicates, depth-exact lineage matching and idempotency keys (PLATFORM-RULES.md, "The model"). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRootNode, HNode } from '../../../server/src/engine/remediation/hnode';
import { compilePredicate, MATCH_LENGTH_LIMIT } from '../../../server/src/engine/rules/match';
import { PlatformRules } from '../../../server/src/engine/rules/semantics';
import type { PlatformDriver } from '../../../server/src/engine/rules/types';
import { CISCO_IOS } from '../../../server/src/engine/rules/ciscoIos';

function tree(...path: string[]): HNode {
  let node = createRootNode();
  for (const text of path) node = node.add(new HNode(text));
  return node;
}

function rulesWith(extra: Partial<PlatformDriver>): PlatformRules {
  const empty = {
    ...CISCO_IOS,
    idempotent: [],
    idempotentAvoid: [],
    negateWith: [],
    negationSub: [],
    ordering: [],
  };
  return new PlatformRules({ ...empty, ...extra });
}

describe('predicates', () => {
  test('equals: a string or a set', () => {
    assert.equal(compilePredicate({ equals: 'shutdown' }).test('shutdown'), true);
    assert.equal(compilePredicate({ equals: 'shutdown' }).test('no shutdown'), false);
    const set = compilePredicate({ equals: ['line vty', 'line console'] });
    assert.equal(set.test('line console'), true);
    assert.equal(set.test('line con 0'), false);
  });

  test('startswith one or any of several, endswith, contains', () => {
    assert.equal(compilePredicate({ startswith: 'interface ' }).test('interface Gi1'), true);
    assert.equal(compilePredicate({ startswith: ['vlan ', 'interface '] }).test('vlan 10'), true);
    assert.equal(compilePredicate({ startswith: ['vlan ', 'interface '] }).test('router bgp 1'), false);
    assert.equal(
      compilePredicate({ endswith: ' secondary' }).test('ip address 1.1.1.1 255.0.0.0 secondary'),
      true,
    );
    assert.equal(
      compilePredicate({ contains: 'passive-interface' }).test('no ip ospf passive-interface'),
      true,
    );
  });

  test('a regex is searched, not anchored unless it says so', () => {
    assert.equal(
      compilePredicate({ re_search: 'neighbor \\S+ description' }).test('neighbor 1.1.1.1 description x'),
      true,
    );
    assert.equal(compilePredicate({ re_search: '^description' }).test('no description'), false);
  });

  test('every criterion given must hold', () => {
    const both = compilePredicate({ startswith: 'ip ', contains: 'secondary' });
    assert.equal(both.test('ip address 1.1.1.1 255.0.0.0 secondary'), true);
    assert.equal(both.test('ip address 1.1.1.1 255.0.0.0'), false);
  });

  test('a regex sees a bounded part of a very long line', () => {
    const p = compilePredicate({ re_search: 'END$' });
    assert.equal(p.test(`${'x'.repeat(MATCH_LENGTH_LIMIT * 50)}END`), false);
    assert.equal(p.test('xEND'), true);
  });
});

describe('idempotency keys', () => {
  test('literal: the matched literal, the longest of several, a leading `no ` ignored', () => {
    assert.equal(compilePredicate({ startswith: 'description ' }).key('description a'), 'description ');
    const several = compilePredicate({ startswith: ['ip ', 'ip address '] });
    assert.equal(several.key('ip address 1.1.1.1 255.0.0.0'), 'ip address ');
    assert.equal(compilePredicate({ equals: ['no shutdown', 'shutdown'] }).key('no shutdown'), 'shutdown');
  });

  test('regex: its groups, else the match without a trailing `.*`, else the whole match', () => {
    const grouped = compilePredicate({ re_search: '^client (\\S+) server-key' });
    assert.equal(grouped.key('client 10.0.0.1 server-key 7 x'), '10.0.0.1');
    assert.notEqual(
      grouped.key('client 10.0.0.1 server-key 7 x'),
      grouped.key('client 10.0.0.2 server-key 7 x'),
    );
    assert.equal(
      compilePredicate({ re_search: '^logging buffered.*' }).key('logging buffered 64000'),
      'logging buffered',
    );
    assert.equal(
      compilePredicate({ re_search: 'neighbor \\S+ description' }).key('neighbor 1.1.1.1 description x'),
      'neighbor 1.1.1.1 description',
    );
    const negatable = compilePredicate({ re_search: '^(no )?logging console.*' });
    assert.equal(negatable.key('no logging console'), negatable.key('logging console informational'));
  });

  test('two siblings are one setting when they match the same rule with equal keys', () => {
    const rules = rulesWith({
      idempotent: [
        { lineage: [{ startswith: 'router bgp' }, { re_search: '^neighbor (\\S+) description ' }] },
      ],
    });
    const a = tree('router bgp 1', 'neighbor 1.1.1.1 description old');
    const b = tree('router bgp 1', 'neighbor 1.1.1.1 description new');
    const c = tree('router bgp 1', 'neighbor 2.2.2.2 description new');
    assert.equal(rules.idempotentKey(a), rules.idempotentKey(b));
    assert.notEqual(rules.idempotentKey(a), rules.idempotentKey(c));
  });

  test('an avoid rule makes a line never idempotent', () => {
    const rules = new PlatformRules(CISCO_IOS);
    assert.notEqual(rules.idempotentKey(tree('interface Gi1', 'ip address 10.0.0.1 255.0.0.0')), undefined);
    assert.equal(
      rules.idempotentKey(tree('interface Gi1', 'ip address 10.0.0.1 255.0.0.0 secondary')),
      undefined,
    );
  });
});

describe('lineage matching', () => {
  test('is depth-exact: a 2-level rule never matches a 1- or 3-level node', () => {
    const rules = rulesWith({
      ordering: [{ lineage: [{ startswith: 'interface ' }, { equals: 'no shutdown' }], weight: 7 }],
    });
    assert.equal(rules.weight(tree('interface Gi1', 'no shutdown')), 7);
    assert.equal(rules.weight(tree('no shutdown')), 0);
    assert.equal(rules.weight(tree('interface Gi1', 'service instance 1', 'no shutdown')), 0);
  });

  test('each level is tested against its own ancestor', () => {
    const rules = rulesWith({
      ordering: [
        {
          lineage: [
            { startswith: 'router bgp' },
            { startswith: 'address-family' },
            { startswith: 'neighbor' },
          ],
          weight: 3,
        },
      ],
    });
    assert.equal(rules.weight(tree('router bgp 1', 'address-family ipv4', 'neighbor 1.1.1.1 activate')), 3);
    assert.equal(rules.weight(tree('router ospf 1', 'address-family ipv4', 'neighbor 1.1.1.1 activate')), 0);
    assert.equal(
      rules.weight(tree('router bgp 1', 'template peer-policy X', 'neighbor 1.1.1.1 activate')),
      0,
    );
  });

  test('first match wins among rules of a kind', () => {
    const rules = rulesWith({
      ordering: [
        { lineage: [{ startswith: 'no ' }], weight: 1 },
        { lineage: [{ startswith: 'no tacacs' }], weight: 2 },
      ],
    });
    assert.equal(rules.weight(tree('no tacacs-server host 1.1.1.1')), 1);
  });
});
