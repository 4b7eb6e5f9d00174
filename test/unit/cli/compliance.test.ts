/** `netremediate compliance` and `netremediate merge`, as real dist/cli.js processes. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ComplianceReport } from '../../../server/src/protocol/compliance';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { runCli } from '../../support/runCli';

/** A folder whose one device is already as intended. */
function compliantFolder(dir: string): string {
  const folder = path.join(dir, 'compliant');
  for (const side of ['running', 'intended']) {
    fs.mkdirSync(path.join(folder, side), { recursive: true });
    fs.writeFileSync(path.join(folder, side, 'r1.cfg'), 'hostname r1\nntp server 10.0.0.1\n');
  }
  return folder;
}

describe('netremediate compliance', () => {
  const dir = tempDir('nr-cli-compliance');
  after(() => dir.remove());

  it('exits per --fail-on: drift (default) fails on drift or failure, error on failure only, never not at all', () => {
    const fleet = ['examples/fleet'];
    const both = ['examples/fleet', 'examples/branch'];
    const ok = [compliantFolder(dir.dir)];
    const codes = {
      fleetDefault: runCli(['compliance', ...fleet]).code,
      fleetError: runCli(['compliance', ...fleet, '--fail-on', 'error']).code,
      bothError: runCli(['compliance', ...both, '--fail-on', 'error']).code,
      bothNever: runCli(['compliance', ...both, '--fail-on', 'never']).code,
      compliantDefault: runCli(['compliance', ...ok]).code,
    };
    assert.deepEqual(codes, {
      fleetDefault: 1,
      fleetError: 0,
      bothError: 1,
      bothNever: 0,
      compliantDefault: 0,
    });
  });

  it('--format json prints the report document, devices sorted, folders as given', () => {
    const r = runCli([
      'compliance',
      'examples/branch',
      'examples/fleet',
      '--format',
      'json',
      '--workers',
      '1',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as ComplianceReport;
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'netremediate');
    assert.match(report.feature_set_sha256, /^[0-9a-f]{64}$/);
    assert.equal(report.shard, undefined);
    assert.deepEqual(
      { ...report.summary, features: report.summary.features.length },
      { devices: 13, compliant: 1, drifting: 11, failed: 1, features: 21 },
    );
    assert.equal(report.summary.features.at(-1)?.feature, 'other');
    const ids = report.devices.map((d) => `${d.folder}/${d.device_id}`);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(ids[0], 'examples/branch/branch-leaf-06');
    const broken = report.devices.find((d) => d.device_id === 'branch-rtr-07');
    assert.equal(broken?.status, 'failed');
    assert.match(broken?.error ?? '', /^running\/branch-rtr-07\.cfg:120: /);
    assert.deepEqual(broken?.features, []);
    const edge = report.devices.find((d) => d.device_id === 'edge-rtr-02');
    assert.equal(edge?.running, 'running/edge-rtr-02.cfg');
    assert.deepEqual(
      edge?.features.filter((f) => !f.compliant).map((f) => f.feature),
      ['snmp', 'routing-static', 'acls'],
    );
    assert.match(r.stderr, /branch\/branch-rtr-07: running\/branch-rtr-07\.cfg:120/);
  });

  it('--out writes the report to a file, stdout stays empty', () => {
    const out = path.join(dir.dir, 'reports', 'fleet.json');
    const r = runCli([
      'compliance',
      'examples/fleet',
      '--format',
      'json',
      '--out',
      out,
      '--fail-on',
      'never',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).summary.devices, 6);
  });

  it('refuses an invalid --features file with exit 2, naming the file, the line and the field', () => {
    const file = path.join(dir.dir, 'features.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          cisco_ios: [
            { name: 'time', match: [{ startswith: 'clock ' }] },
            { name: 'mgmt', match: [{ re_search: '^ip (ssh' }] },
          ],
        },
        null,
        2,
      ),
    );
    const r = runCli(['compliance', 'examples/fleet', '--features', file]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:15: features\\.cisco_ios\\[1\\]\\.match\\[0\\]\\.re_search: is not a valid regular expression`,
      ),
    );
    fs.writeFileSync(file, '{\n  "cisco_ios": [\n    ,\n  ]\n}\n');
    const syntax = runCli(['compliance', 'examples/fleet', '--features', file]);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /features\.json:3: not valid JSON/);
  });

  it('applies a valid --features file', () => {
    const file = path.join(dir.dir, 'time.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ cisco_ios: [{ name: 'time', match: [{ startswith: ['ntp ', 'clock '] }] }] }),
    );
    const r = runCli(['compliance', 'examples/fleet', '--features', file, '--format', 'json']);
    const report = JSON.parse(r.stdout) as ComplianceReport;
    assert.equal(report.summary.features[0].feature, 'time');
    const core = report.devices.find((d) => d.device_id === 'core-rtr-01');
    assert.equal(core?.features.find((f) => !f.compliant)?.feature, 'time');
  });

  it('refuses bad usage with exit 2', () => {
    assert.match(
      runCli(['compliance', 'examples/fleet', '--fail-on', 'sometimes']).stderr,
      /--fail-on sometimes/,
    );
    assert.equal(runCli(['compliance', 'examples/fleet', '--format', 'pdf']).code, 2);
    assert.equal(runCli(['compliance']).code, 2);
    const help = runCli(['compliance', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fail-on +drift \(default\)/);
  });
});

describe('netremediate merge', () => {
  const dir = tempDir('nr-cli-merge');
  let fleet: string;
  let whole: ComplianceReport;
  const shardFile = (i: number) => path.join(dir.dir, `shard-${i}.json`);
  before(() => {
    // Every third device drifts: compliant and drifting devices in every shard.
    fleet = writeFleet(path.join(dir.dir, 'fleet'), { devices: 60, changedEvery: 3 }).folder;
    const r = runCli(['compliance', fleet, '--format', 'json', '--fail-on', 'never']);
    assert.equal(r.code, 0, r.stderr);
    whole = JSON.parse(r.stdout) as ComplianceReport;
    for (const i of [1, 2, 3]) {
      const s = runCli(['compliance', fleet, '--shard', `${i}/3`, '--format', 'json', '--out', shardFile(i)]);
      assert.ok(s.code === 0 || s.code === 1, s.stderr);
    }
  });
  after(() => dir.remove());

  it('three shards of a generated fleet merge into the unsharded run’s report', () => {
    const shards = [1, 2, 3].map(
      (i) => JSON.parse(fs.readFileSync(shardFile(i), 'utf8')) as ComplianceReport,
    );
    assert.deepEqual(
      shards.map((s) => s.shard),
      [1, 2, 3].map((index) => ({ index, count: 3 })),
    );
    assert.ok(
      shards.every((s) => s.devices.length > 5 && s.devices.length < 40),
      'each shard holds a part',
    );
    assert.deepEqual(
      { drifting: whole.summary.drifting, compliant: whole.summary.compliant },
      { drifting: 20, compliant: 40 },
    );
    const r = runCli(['merge', shardFile(3), shardFile(1), shardFile(2), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const merged = JSON.parse(r.stdout) as ComplianceReport;
    assert.deepEqual(merged.devices, whole.devices);
    assert.deepEqual(merged.summary, whole.summary);
    assert.equal(merged.feature_set_sha256, whole.feature_set_sha256);
    assert.equal(merged.shard, undefined);
    assert.deepEqual(
      merged.merged_shards,
      [1, 2, 3].map((index) => ({ index, count: 3 })),
    );
    assert.match(r.stderr, /merged 3 reports: 60 devices/);
  });

  it('refuses the same shard twice, an overlap, different feature sets, scopes and versions, naming the files', () => {
    const same = runCli(['merge', shardFile(1), shardFile(2), shardFile(1)]);
    assert.equal(same.code, 2);
    assert.match(same.stderr, /shard 1\/3 is in both .*shard-1\.json and .*shard-1\.json/);

    const wholeFile = path.join(dir.dir, 'whole.json');
    fs.writeFileSync(wholeFile, JSON.stringify(whole));
    const overlap = runCli(['merge', wholeFile, shardFile(2)]);
    assert.equal(overlap.code, 2);
    assert.match(
      overlap.stderr,
      /device fleet\/r\d+ is in both .*whole\.json and .*shard-2\.json: the reports overlap/,
    );

    const features = path.join(dir.dir, 'features.json');
    fs.writeFileSync(features, JSON.stringify({ cisco_ios: [{ name: 'ntp', match: [] }] }));
    const other = path.join(dir.dir, 'other-features.json');
    runCli([
      'compliance',
      fleet,
      '--shard',
      '2/3',
      '--features',
      features,
      '--format',
      'json',
      '--out',
      other,
    ]);
    const mismatch = runCli(['merge', shardFile(1), other]);
    assert.equal(mismatch.code, 2);
    assert.match(
      mismatch.stderr,
      /shard-1\.json and .*other-features\.json were checked against different feature sets/,
    );

    // A shard run within a scope is not the same report as one without: refused, naming both.
    const scopeFile = path.join(dir.dir, 'scope.json');
    fs.writeFileSync(scopeFile, JSON.stringify({ manage: { features: ['ntp', 'snmp'] } }));
    const scoped = path.join(dir.dir, 'scoped.json');
    const scopedRun = runCli([
      'compliance',
      fleet,
      '--shard',
      '2/3',
      '--scope',
      scopeFile,
      '--format',
      'json',
      '--out',
      scoped,
      '--fail-on',
      'never',
    ]);
    assert.equal(scopedRun.code, 0, scopedRun.stderr);
    assert.match(JSON.parse(fs.readFileSync(scoped, 'utf8')).scope_sha256, /^[0-9a-f]{64}$/);
    const scopes = runCli(['merge', shardFile(1), scoped]);
    assert.equal(scopes.code, 2);
    assert.match(
      scopes.stderr,
      /shard-1\.json and .*scoped\.json were checked within different scopes \(no scope and scope_sha256 [0-9a-f]{12}…\)/,
    );

    const future = path.join(dir.dir, 'future.json');
    fs.writeFileSync(future, JSON.stringify({ ...whole, version: 2 }));
    const version = runCli(['merge', shardFile(1), future]);
    assert.equal(version.code, 2);
    assert.match(version.stderr, /future\.json: not a compliance report: "version" is 2/);

    const help = runCli(['merge', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: netremediate merge RESULT\.json\.\.\./);
  });
});
