/**
 * Issue #9's evidence: a partial intended config (a template rendering only ntp, snmp and logging) over a
 * full running config, as the device prints it (banner, aaa, users, licences, interfaces, bgp, lines),
 * with `manage.features: [ntp, snmp, logging]`, gives only in-scope lines: an empty verify, a rollback
 * within the scope, and everything else reported as unmanaged drift.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompiledFeatures, DEFAULT_FEATURES } from '../../../server/src/engine/index';
import { engine, lines, PAIR, planWithin } from './support';

const SCOPE = { manage: { features: ['ntp', 'snmp', 'logging'] } };
const ios = new CompiledFeatures(DEFAULT_FEATURES.cisco_ios);
const featureOf = (line: string): string => ios.names[ios.featureOf(line)];

describe('a partial template within manage.features', () => {
  const plan = planWithin(PAIR.running, PAIR.intended, SCOPE);

  test('the remediation has only the managed features’ lines', () => {
    assert.deepEqual(lines(plan.remediation).sort(), [
      'logging buffered 64000',
      'logging console warnings',
      'logging host 10.9.0.41',
      'no logging buffered 32000',
      'no logging host 10.9.0.40',
      'no ntp server 10.9.0.2',
      'no service timestamps log datetime msec',
      'no snmp-server community legacy-ro RO SNMP-RO',
      'ntp server 10.9.0.3',
      'service timestamps log datetime msec localtime',
      'snmp-server community fleet-ro RO SNMP-RO',
      'snmp-server enable traps config',
    ]);
    for (const line of lines(plan.remediation))
      assert.ok(['ntp', 'snmp', 'logging'].includes(featureOf(line)), `${line} is in scope`);
  });

  test('verify is empty both ways, and the rollback stays in the scope', () => {
    assert.deepEqual(plan.verify, []);
    assert.deepEqual(plan.rollbackVerify, []);
    const rollback = lines(plan.rollback);
    assert.ok(rollback.includes('ntp server 10.9.0.2') && rollback.includes('no ntp server 10.9.0.3'));
    assert.ok(rollback.includes('logging console informational'), 'the overwritten value comes back');
    for (const line of rollback) assert.ok(['ntp', 'snmp', 'logging'].includes(featureOf(line)), line);
  });

  test('the change score and risks count only in-scope lines', () => {
    // Without the scope the template would remove aaa, the vty access-class, the management interface...
    const unscoped = planWithin(PAIR.running, PAIR.intended, undefined);
    assert.ok(unscoped.risks.length > 0, 'unscoped, removing everything else is risky');
    assert.deepEqual(plan.risks, []);
    assert.ok(plan.changeScore.removed < 10 && unscoped.changeScore.removed > 50);
  });

  test('without a scope the same template removes everything else (why scope exists)', () => {
    const unscoped = lines(planWithin(PAIR.running, PAIR.intended, undefined).remediation);
    for (const removal of ['no hostname BR-RTR-11', 'no router bgp 65011', 'no interface Loopback0'])
      assert.ok(unscoped.includes(removal), removal);
  });

  test('unmanaged drift lists the sections outside the scope that differ, with their running lines', () => {
    const unmanaged = plan.unmanaged;
    assert.ok(unmanaged !== undefined);
    const texts = unmanaged.sections.map((s) => s.text);
    for (const section of [
      'hostname BR-RTR-11',
      'aaa new-model',
      'interface GigabitEthernet0/0/0',
      'router bgp 65011',
      'banner motd ^C',
      'line vty 0 4',
      'license boot level appxk9',
    ]) {
      assert.ok(texts.includes(section), section);
    }
    assert.equal(unmanaged.count, unmanaged.sections.length, 'fewer than the cap: all listed');
    assert.equal(unmanaged.count, 32);
    for (const s of unmanaged.sections) {
      assert.equal(s.kind, 'running-only', `${s.text}: the template does not have it`);
      assert.equal(s.reason, 'unmanaged');
    }
    const hostname = unmanaged.sections.find((s) => s.text === 'hostname BR-RTR-11');
    assert.equal(hostname?.line, 13, '0-based line of the running file');
    for (const inScope of ['ntp server 10.9.0.1', 'snmp-server location AMS branch 11'])
      assert.ok(!texts.includes(inScope), `${inScope} is managed, not unmanaged drift`);
  });

  test('compliance lists only the managed features', () => {
    const compliance = engine.compliance(plan);
    assert.deepEqual(compliance.features.map((f) => f.feature).sort(), ['logging', 'ntp', 'snmp']);
    assert.equal(compliance.compliant, false);
    const ntp = compliance.features.find((f) => f.feature === 'ntp');
    assert.deepEqual([ntp?.missing, ntp?.extra], ['ntp server 10.9.0.3\n', 'ntp server 10.9.0.2\n']);
    assert.deepEqual(ntp?.intended_ranges, [{ start_line: 16, end_line: 17 }], 'lines of the template');
  });

  test('the whole device with the remediation applied keeps every unmanaged section', () => {
    assert.ok(plan.unscoped !== undefined);
    const whole = engine.renderConfig(engine.predict(plan.unscoped.running, plan.remediation));
    for (const kept of [
      'hostname BR-RTR-11',
      'router bgp 65011',
      'username netops privilege 15',
      'ntp server 10.9.0.3',
    ])
      assert.ok(whole.includes(kept), kept);
    assert.ok(!whole.includes('ntp server 10.9.0.2'));
  });

  test('a template already applied needs nothing, and its unmanaged drift is unchanged', () => {
    const applied = engine.renderConfig(engine.predict(plan.unscoped!.running, plan.remediation));
    const again = planWithin(applied, PAIR.intended, SCOPE);
    assert.deepEqual(lines(again.remediation), []);
    assert.equal(again.unmanaged?.count, 32);
  });

  test('without a scope the plan carries no scope fields (and costs what it did)', () => {
    const unscoped = planWithin(PAIR.running, PAIR.intended, undefined);
    assert.equal(unscoped.unmanaged, undefined);
    assert.equal(unscoped.unscoped, undefined);
  });
});
