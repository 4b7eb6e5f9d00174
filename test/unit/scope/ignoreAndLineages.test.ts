/**
 * `ignore` (lines never touched, at any depth; presets) and `manage.lineages` (deeper rules manage only
 * the lines they match; the sections above are context, never added or removed for themselves).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cfg, engine, lines, PAIR, parser, planWithin, scopeOf } from './support';

/** The fixture's running config with its users re-salted (as another render or device would) and one NTP change. */
const RESALTED = PAIR.running
  .replace(
    /(username \S+ privilege 15 secret 9 )\S+/g,
    '$1$9$Xx0Yy1Zz2Ww3Vv$NEWHASHNEWHASHNEWHASHNEWHASHNEWHASHNEWHASHNEWH',
  )
  .replace('enable secret 9 $9$Pq7', 'enable secret 9 $9$Zz9')
  .replace('ntp server 10.9.0.2', 'ntp server 10.9.0.5');

describe('ignore', () => {
  test('a username whose secret differs is never in the script (preset credentials)', () => {
    assert.notEqual(RESALTED, PAIR.running);
    // Without the preset, the device-true secret rule already keeps a re-salted hash out of the script
    // (a `secret` finding instead); the preset leaves users and enable secrets out of scope entirely.
    const unscoped = planWithin(PAIR.running, RESALTED, undefined);
    assert.ok(!lines(unscoped.remediation).some((l) => l.startsWith('username netops')));
    assert.ok(
      unscoped.risks.some((r) => r.kind === 'secret'),
      'reported as a secret finding',
    );
    const plan = planWithin(PAIR.running, RESALTED, { ignore: [{ preset: 'credentials' }] });
    const script = [...lines(plan.remediation), ...lines(plan.rollback)];
    assert.deepEqual(lines(plan.remediation), ['no ntp server 10.9.0.2', 'ntp server 10.9.0.5']);
    assert.ok(!script.some((l) => /username|enable secret/.test(l)), script.join('\n'));
    assert.deepEqual(plan.verify, []);
    assert.deepEqual(plan.rollbackVerify, []);
    // The differences are still visible, as ignored drift, with the running line.
    // The differences are still visible, as ignored drift: by key a re-salted user is another line, so
    // running has the old ones and intended the new.
    const drift = plan.unmanaged?.sections.map((s) => `${s.reason} ${s.kind} ${s.text.slice(0, 24)}`);
    assert.deepEqual(drift, [
      'ignored running-only enable secret 9 $9$Pq7sT',
      'ignored running-only username netops privileg',
      'ignored running-only username breakglass priv',
      'ignored intended-only enable secret 9 $9$Zz9sT',
      'ignored intended-only username netops privileg',
      'ignored intended-only username breakglass priv',
    ]);
  });

  test('an ignore lineage reaches lines at any depth, even inside a managed section', () => {
    const running = cfg(
      'interface Gi1',
      ' description old',
      ' ip address 10.0.0.1 255.255.255.0',
      'ntp server 1.1.1.1',
    );
    const intended = cfg(
      'ntp server 1.1.1.1',
      'interface Gi1',
      ' description new',
      ' ip address 10.0.0.2 255.255.255.0',
    );
    const plan = planWithin(running, intended, {
      ignore: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'description ' }] }],
    });
    assert.deepEqual(lines(plan.remediation), ['interface Gi1', ' ip address 10.0.0.2 255.255.255.0']);
    // A section both have is found in either file: running's line, and intended's for the reports.
    assert.deepEqual(plan.unmanaged?.sections, [
      { text: 'interface Gi1', kind: 'differs', reason: 'ignored', line: 0, intended_line: 1 },
    ]);
  });

  test('an ignore rule for one platform leaves the other alone (NX-OS snmp-server user)', () => {
    const nxRunning = cfg(
      'snmp-server user admin network-admin auth md5 0xaaaa localizedkey',
      'ntp server 10.0.0.1',
    );
    const nxIntended = cfg(
      'snmp-server user admin network-admin auth md5 0xbbbb localizedkey',
      'ntp server 10.0.0.2',
    );
    const scope = { ignore: [{ preset: 'credentials' }] };
    const nx = planWithin(nxRunning, nxIntended, scope, 'cisco_nxos');
    assert.deepEqual(lines(nx.remediation), ['no ntp server 10.0.0.1', 'ntp server 10.0.0.2']);
    const own = {
      ignore: [{ lineage: [{ startswith: 'ntp server ' }], platforms: ['cisco_ios'] }],
    };
    const ntp = (platform: 'cisco_ios' | 'cisco_nxos'): string[] =>
      lines(planWithin(nxRunning, nxIntended, own, platform).remediation).filter((l) => l.includes('ntp '));
    assert.deepEqual(ntp('cisco_nxos'), ['no ntp server 10.0.0.1', 'ntp server 10.0.0.2']);
    assert.deepEqual(ntp('cisco_ios'), []);
  });
});

describe('manage.lineages', () => {
  const RUNNING = cfg(
    'interface Gi1',
    ' description uplink',
    ' ip address 10.0.0.1 255.255.255.0',
    'interface Gi2',
    ' description old name',
    ' shutdown',
    'interface Loopback9',
    ' ip address 10.9.9.9 255.255.255.255',
    'router ospf 1',
    ' router-id 1.1.1.1',
  );
  const DESCRIPTIONS = {
    manage: { lineages: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'description ' }] }] },
  };

  test('a deeper rule manages only its lines; a section intended lacks is context, never removed', () => {
    // The template renders descriptions for Gi1 only, and a Loopback whose description is not managed.
    const intended = cfg(
      'interface Gi1',
      ' description core uplink',
      'interface Loopback7',
      ' ip address 10.7.7.7 255.255.255.255',
    );
    const plan = planWithin(RUNNING, intended, DESCRIPTIONS);
    assert.deepEqual(lines(plan.remediation), [
      'interface Gi1',
      ' description core uplink',
      'interface Gi2',
      ' no description old name',
    ]);
    assert.ok(!lines(plan.remediation).some((l) => l.startsWith('no interface')));
    assert.deepEqual(lines(plan.rollback), [
      'interface Gi1',
      ' description uplink',
      'interface Gi2',
      ' description old name',
    ]);
    assert.deepEqual(plan.verify, []);
    assert.deepEqual(plan.rollbackVerify, []);
    const drift = plan.unmanaged?.sections.map((s) => `${s.kind} ${s.text}`);
    assert.deepEqual(drift, [
      'differs interface Gi1',
      'running-only interface Gi2',
      'running-only interface Loopback9',
      'running-only router ospf 1',
      'intended-only interface Loopback7',
    ]);
  });

  test('a section only intended has is created for its managed lines, and the rollback removes it', () => {
    const intended = cfg(
      'interface Gi1',
      ' description uplink',
      'interface Gi3',
      ' description new port',
      ' ip address 10.3.3.3 255.255.255.0',
    );
    const plan = planWithin(RUNNING, intended, DESCRIPTIONS);
    // Gi2's header is context: in intended order, after what the template itself lists.
    assert.deepEqual(lines(plan.remediation), [
      'interface Gi3',
      ' description new port',
      'interface Gi2',
      ' no description old name',
    ]);
    assert.ok(lines(plan.rollback).includes('no interface Gi3'));
    assert.deepEqual(plan.verify, []);
  });

  test('a 1-level rule manages whole sections, next to features', () => {
    const intended = cfg('interface Gi1', ' description uplink', 'router ospf 1', ' router-id 2.2.2.2');
    const plan = planWithin(RUNNING, intended, {
      manage: { features: ['routing-ospf'], lineages: [{ lineage: [{ equals: 'interface Gi2' }] }] },
    });
    assert.deepEqual(lines(plan.remediation), [
      'no interface Gi2',
      'router ospf 1',
      ' no router-id 1.1.1.1',
      ' router-id 2.2.2.2',
    ]);
    assert.deepEqual(plan.verify, []);
  });

  test('the inputs are not changed: the same loaded trees plan again alike', () => {
    const running = engine.load(parser.parse(RUNNING, { platform: 'cisco_ios' }));
    const intended = engine.load(
      parser.parse(cfg('interface Gi1', ' description x'), { platform: 'cisco_ios' }),
    );
    const before = engine.renderConfig(running);
    const scope = {
      manage: { lineages: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'description ' }] }] },
    };
    const first = engine.scope(running, intended, scopeOf(scope));
    const second = engine.scope(running, intended, scopeOf(scope));
    assert.equal(engine.renderConfig(running), before);
    assert.equal(engine.renderConfig(first.running), engine.renderConfig(second.running));
    assert.deepEqual(first.unmanaged, second.unmanaged);
  });
});
