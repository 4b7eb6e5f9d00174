/** `--scope FILE` on remediate, batch and compliance, and a manifest's `scope`, as real dist/cli.js processes. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ComplianceReport } from '../../../server/src/protocol/compliance';
import { tempDir } from '../../support/fleetGenerator';
import { runCli } from '../../support/runCli';

const FIXTURE = 'test/fixtures/scope';
const RUNNING = `${FIXTURE}/running/br-rtr-11.cfg`;
const INTENDED = `${FIXTURE}/intended/br-rtr-11.cfg`;
/** {"manage": {"features": ["ntp", "snmp", "logging"]}} */
const SCOPE_FILE = `${FIXTURE}/scope.json`;

describe('netremediate remediate --scope', () => {
  const dir = tempDir('nr-cli-scope');
  after(() => dir.remove());

  it('prints only the in-scope lines, and notes the unmanaged drift on stderr (exit 0)', () => {
    const r = runCli(['remediate', RUNNING, INTENDED, '--scope', SCOPE_FILE]);
    assert.equal(r.code, 0, r.stderr);
    const script = r.stdout.split('\n').filter((l) => l !== '');
    assert.equal(script.length, 12);
    assert.ok(
      script.every((l) => /^(no )?(ntp|snmp-server|logging|service timestamps) /.test(l)),
      r.stdout,
    );
    assert.match(
      r.stderr,
      /^br-rtr-11: note: 32 top-level sections differ outside the scope \(unmanaged, not in the scripts\): service password-encryption; .* \(27 more\)$/m,
    );
  });

  it('without --scope the same template removes everything else', () => {
    const r = runCli(['remediate', RUNNING, INTENDED]);
    assert.match(r.stdout, /^no router bgp 65011$/m);
    assert.doesNotMatch(r.stderr, /outside the scope/);
  });

  it('--format json carries the unmanaged drift; --future is the whole device', () => {
    const r = runCli(['remediate', RUNNING, INTENDED, '--scope', SCOPE_FILE, '--format', 'json', '--future']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.verified, true);
    assert.equal(doc.unmanaged.count, 32);
    assert.deepEqual(doc.unmanaged.sections[0], {
      text: 'service password-encryption',
      kind: 'running-only',
      reason: 'unmanaged',
      line: 10,
    });
    assert.match(doc.rollback, /^ntp server 10\.9\.0\.2$/m);
    assert.doesNotMatch(doc.rollback, /router|hostname/);
    assert.match(doc.future, /^router bgp 65011$/m);
    assert.match(doc.future, /^ntp server 10\.9\.0\.3$/m);
  });

  it('an invalid scope is exit 2 with file:line and the field', () => {
    const bad = path.join(dir.dir, 'bad-scope.json');
    fs.writeFileSync(
      bad,
      '{\n  "manage": { "features": ["ntp", "snpm"] },\n  "ignore": [\n    { "preset": "users" }\n  ]\n}\n',
    );
    const r = runCli(['remediate', RUNNING, INTENDED, '--scope', bad]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      new RegExp(
        `${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: scope\\.manage\\.features\\[1\\]: unknown feature "snpm"`,
      ),
    );
    assert.match(
      r.stderr,
      /bad-scope\.json:4: scope\.ignore\[0\]\.preset: expected one of credentials, licensing, pki/,
    );
    const notJson = path.join(dir.dir, 'not-json.json');
    fs.writeFileSync(notJson, '{\n  "manage": {\n    "features": [ntp]\n  }\n}\n');
    const r2 = runCli(['remediate', RUNNING, INTENDED, '--scope', notJson]);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /not-json\.json:3: not valid JSON/);
  });
});

describe('netremediate batch and compliance with scope', () => {
  const dir = tempDir('nr-cli-scope-jobs');
  after(() => dir.remove());

  /** The fixture pair under the running/ + intended/ convention (no manifest: --scope applies). */
  function convention(): string {
    const folder = path.join(dir.dir, 'branch');
    for (const side of ['running', 'intended']) {
      fs.mkdirSync(path.join(folder, side), { recursive: true });
      fs.copyFileSync(path.join(FIXTURE, side, 'br-rtr-11.cfg'), path.join(folder, side, 'br-rtr-12.cfg'));
    }
    return folder;
  }

  it('batch --scope: scripts within the scope, the drift outside counted per device', () => {
    const folder = convention();
    const out = path.join(dir.dir, 'out');
    const r = runCli([
      'batch',
      folder,
      '--scope',
      SCOPE_FILE,
      '--format',
      'json',
      '--out',
      out,
      '--workers',
      '1',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const [device] = JSON.parse(r.stdout).results;
    assert.equal(device.unmanaged_drift, 32);
    assert.equal(device.unmanaged_sections[3].text, 'boot-start-marker');
    assert.match(device.remediation, /^ntp server 10\.9\.0\.3$/m);
    assert.doesNotMatch(device.remediation, /hostname|interface|router/);
    assert.equal(fs.readFileSync(path.join(out, 'remediation', 'br-rtr-12.cfg'), 'utf8'), device.remediation);
    assert.match(r.stderr, /^note: 1 device has top-level sections that differ outside their scope/m);
  });

  it('compliance: the manifest’s scope wins over --scope; the report lists only managed features', () => {
    const ntpOnly = path.join(dir.dir, 'ntp-only.json');
    fs.writeFileSync(ntpOnly, JSON.stringify({ manage: { features: ['ntp'] } }));
    const r = runCli([
      'compliance',
      FIXTURE,
      convention(),
      '--scope',
      ntpOnly,
      '--format',
      'json',
      '--workers',
      '1',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as ComplianceReport;
    const byId = Object.fromEntries(report.devices.map((d) => [d.device_id, d]));
    assert.deepEqual(byId['br-rtr-11'].features.map((f) => f.feature).sort(), ['logging', 'ntp', 'snmp']);
    assert.equal(byId['br-rtr-11'].unmanaged_drift, 32);
    assert.deepEqual(
      byId['br-rtr-12'].features.map((f) => f.feature),
      ['ntp'],
    );
    assert.equal(byId['br-rtr-12'].unmanaged_drift, 43);
    assert.equal(report.summary.unmanaged_drift_devices, 2);
    assert.match(r.stderr, /^note: 2 devices have top-level sections that differ outside their scope/m);
  });

  it('compliance --scope naming an unknown feature: exit 2, naming the file and field', () => {
    const typo = path.join(dir.dir, 'typo.json');
    fs.writeFileSync(typo, JSON.stringify({ manage: { features: ['ntp', 'ntpp'] } }));
    const r = runCli(['compliance', convention(), '--scope', typo]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /typo\.json: scope\.manage\.features\[1\]: unknown feature "ntpp"/);
  });
});
