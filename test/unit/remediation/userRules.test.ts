/** `netremediate.rules`: validation with clear errors, and valid rules taking effect. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRemediationEngine, validateUserRules } from '../../../server/src/engine/remediation/index';
import { cfg, load, remediation } from './support/harness';

describe('user rule validation', () => {
  test('nothing given is no rules and no errors', () => {
    assert.deepEqual(validateUserRules(undefined), { rules: {}, errors: [] });
  });

  test('each error names the rule, the field and why', () => {
    const { errors } = validateUserRules({
      cisco_ios: {
        idempotent: [
          { lineage: [{ startswith: 'interface ' }, { re_search: '(unclosed' }] },
          { lineage: [] },
        ],
        ordering: [{ lineage: [{ startswith: 'x' }], weight: 'high' }],
        negation: [{ lineage: [{ startswith: 'x' }] }],
        bogus: [],
      },
      juniper: {},
      cisco_nxos: { idempotentAvoid: [{ lineage: [{ begins: 'x' }] }, { lineage: [{ startswith: 3 }] }] },
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    assert.match(byPath['cisco_ios.idempotent[0].lineage[1].re_search'], /not a valid regular expression/);
    assert.match(byPath['cisco_ios.idempotent[1].lineage'], /list of 1 to 8 predicates/);
    assert.match(byPath['cisco_ios.ordering[0].weight'], /must be a number/);
    assert.match(byPath['cisco_ios.negation[0]'], /needs `use`/);
    assert.match(byPath['cisco_ios.bogus'], /unknown rule kind/);
    assert.match(byPath['juniper'], /unknown platform/);
    assert.match(byPath['cisco_nxos.idempotentAvoid[0].lineage[0].begins'], /unknown criterion/);
    assert.match(byPath['cisco_nxos.idempotentAvoid[1].lineage[0].startswith'], /string or a non-empty list/);
  });

  test('regexes that can take exponential time are refused', () => {
    const { errors, rules } = validateUserRules({
      cisco_ios: { idempotent: [{ lineage: [{ re_search: '^(a+)+$' }] }] },
    });
    assert.match(errors[0].message, /exponential/);
    assert.deepEqual(rules.cisco_ios?.idempotent, []);
  });

  test('a rule set that is not an object is reported, not thrown', () => {
    assert.deepEqual(validateUserRules('rules').errors, [
      { path: 'rules', message: 'must be an object keyed by platform' },
    ]);
    assert.match(validateUserRules({ cisco_ios: { ordering: {} } }).errors[0].message, /list of rules/);
  });
});

describe('user rules take effect, before the built-in ones', () => {
  const engine = createRemediationEngine({
    userRules: {
      cisco_ios: {
        idempotent: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'bandwidth ' }] }],
        negation: [
          { lineage: [{ startswith: 'snmp-server location ' }], use: 'snmp-server location UNSET' },
          { lineage: [{ startswith: 'interface ' }, { startswith: 'speed ' }], default: true },
          { lineage: [{ startswith: 'username ' }], search: '^(no username \\S+) .*', replace: '$1' },
        ],
        ordering: [{ lineage: [{ startswith: 'ntp ' }], weight: -50 }],
      },
      cisco_nxos: { bogus: 1 },
    },
  });

  test('invalid parts are listed, valid parts used', () => {
    assert.equal(engine.ruleErrors.length, 1);
    assert.equal(engine.ruleErrors[0].path, 'cisco_nxos.bogus');
  });

  test('idempotent', () => {
    const out = remediation(
      'cisco_ios',
      cfg('interface Gi1', ' bandwidth 10'),
      cfg('interface Gi1', ' bandwidth 20'),
      { engine },
    );
    assert.equal(out, 'interface Gi1\n bandwidth 20');
  });

  test('negation: fixed text, default, regex rewrite', () => {
    const run = cfg(
      'snmp-server location DC1',
      'interface Gi1',
      ' speed 100',
      'username bob privilege 15 secret 9 $9$xyz',
    );
    assert.equal(
      remediation('cisco_ios', run, cfg('interface Gi1'), { engine }),
      'snmp-server location UNSET\nno username bob\ninterface Gi1\n default speed 100',
    );
  });

  test('ordering', () => {
    assert.equal(
      remediation('cisco_ios', cfg(), cfg('hostname a', 'ntp server 1.1.1.1'), { engine }),
      'ntp server 1.1.1.1\nhostname a',
    );
  });

  test('a user regex runs on a bounded part of a huge line', () => {
    const slow = createRemediationEngine({
      userRules: { cisco_ios: { idempotent: [{ lineage: [{ re_search: '^x*y$' }] }] } },
    });
    const huge = `description ${'x'.repeat(200_000)}`;
    const started = Date.now();
    remediation('cisco_ios', cfg(`interface Gi1`, ` ${huge}`), cfg('interface Gi1'), { engine: slow });
    assert.ok(Date.now() - started < 1000);
  });
});

describe('user rules for device behaviour', () => {
  test('each kind is checked: lineages, flags, wipes, a secret regex with a group', () => {
    const { errors, rules } = validateUserRules({
      cisco_ios: {
        printedDefaults: [
          { lineage: [{ startswith: 'x' }], whenEmpty: 'yes' },
          { lineage: [{ equals: 'ok' }] },
        ],
        addBeforeRemove: [{ lineage: 'ip route' }],
        cascades: [
          { lineage: [{ startswith: 'interface ' }, { startswith: 'encapsulation ' }] },
          { lineage: [{ startswith: 'x' }], wipes: [[{ startswith: 'y' }], []] },
          { lineage: [{ startswith: 'x' }], wipes: [[{ startswith: 'y' }]], resend: 'no' },
          { lineage: [{ startswith: 'x' }], wipes: [[{ startswith: 'y' }]], unless: 'z' },
          {
            lineage: [{ startswith: 'x' }],
            wipes: [[{ startswith: 'y' }]],
            members: { line: '^m', lines: 7 },
          },
        ],
        secrets: [
          { lineage: [{ startswith: 'key ' }], value: '^key \\S+$' },
          { lineage: [{ startswith: 'key ' }] },
          { lineage: [{ startswith: 'ppp ' }], value: '^ppp chap password 7 (\\S+)$' },
        ],
      },
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    assert.match(byPath['cisco_ios.printedDefaults[0].whenEmpty'], /true or false/);
    assert.match(byPath['cisco_ios.addBeforeRemove[0].lineage'], /list of 1 to 8 predicates/);
    assert.match(byPath['cisco_ios.cascades[0].wipes'], /non-empty list of lineages/);
    assert.match(byPath['cisco_ios.cascades[1].wipes[1]'], /list of 1 to 8 predicates/);
    assert.match(byPath['cisco_ios.cascades[2].resend'], /true or false/);
    assert.match(byPath['cisco_ios.cascades[3].unless'], /must be an object/);
    assert.match(byPath['cisco_ios.cascades[4].members.line'], /needs a group/);
    assert.match(byPath['cisco_ios.cascades[4].members.lines'], /group 1 names a member/);
    assert.match(byPath['cisco_ios.secrets[0].value'], /needs a group/);
    assert.match(byPath['cisco_ios.secrets[1].value'], /group 1 is the secret/);
    assert.equal(errors.length, 10);
    assert.deepEqual(rules.cisco_ios?.printedDefaults, [{ lineage: [{ equals: 'ok' }] }]);
    assert.equal(rules.cisco_ios?.secrets.length, 1);
  });

  const engine = createRemediationEngine({
    userRules: {
      cisco_ios: {
        printedDefaults: [{ lineage: [{ equals: 'spanning-tree extend system-id' }] }],
        addBeforeRemove: [{ lineage: [{ startswith: 'logging host ' }] }],
        cascades: [
          {
            lineage: [{ startswith: 'interface ' }, { startswith: 'encapsulation dot1Q ' }],
            wipes: [[{ startswith: 'ip address ' }]],
          },
          // A made-up device: `no pool P` removes the pool and its members' lines, unless it is in use.
          {
            lineage: [{ startswith: 'dhcp ' }, { re_search: '^no pool (\\S+)$' }],
            wipes: [[{ re_search: '^pool $1 ' }]],
            unless: { equals: 'locked' },
            members: { line: '^host (\\S+) pool $1$', lines: '^host (\\S+) ' },
          },
        ],
        secrets: [{ lineage: [{ startswith: 'ppp ' }], value: '^ppp chap password 7 (\\S+)$' }],
      },
    },
  });

  test('a printed default the template omits is kept', () => {
    assert.equal(remediation('cisco_ios', cfg('spanning-tree extend system-id'), cfg(), { engine }), '');
  });

  test('add before remove', () => {
    assert.equal(
      remediation('cisco_ios', cfg('logging host 1.1.1.1'), cfg('logging host 2.2.2.2'), { engine }),
      'logging host 2.2.2.2\nno logging host 1.1.1.1',
    );
  });

  test('a cascade: the wiped line is sent again after the line that wipes it', () => {
    const run = cfg('interface Gi1.10', ' encapsulation dot1Q 10', ' ip address 10.0.0.1 255.255.255.0');
    assert.equal(
      remediation('cisco_ios', run, run.replace('dot1Q 10', 'dot1Q 11'), { engine }),
      'interface Gi1.10\n no encapsulation dot1Q 10\n encapsulation dot1Q 11\n ip address 10.0.0.1 255.255.255.0',
    );
  });

  test('a cascade with members and a condition on what the device holds', () => {
    const run = cfg(
      'dhcp 1',
      ' pool P',
      ' pool P range 1',
      ' host a pool P',
      ' host a mac 1',
      ' host b mac 2',
    );
    const script = cfg('dhcp 1', ' no pool P');
    const applied = (running: string): string =>
      engine
        .renderConfig(engine.predict(load('cisco_ios', running, engine), load('cisco_ios', script, engine)))
        .trimEnd();
    assert.equal(applied(run), 'dhcp 1\n host b mac 2');
    assert.equal(
      applied(run.replace(' host b mac 2', ' locked')),
      'dhcp 1\n pool P range 1\n host a pool P\n host a mac 1\n locked',
    );
  });

  test('a secret: a re-encrypted value is no drift', () => {
    assert.equal(
      remediation(
        'cisco_ios',
        cfg('ppp chap password 7 0822455D0A16'),
        cfg('ppp chap password 7 104D000A0618'),
        { engine },
      ),
      '',
    );
  });
});
