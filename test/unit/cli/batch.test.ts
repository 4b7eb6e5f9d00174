import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { DIST, REPO_ROOT } from '../../support/paths';
import { runCli } from '../../support/runCli';

const EXAMPLES = ['examples/fleet', 'examples/branch'];

describe('netremediate batch', () => {
  it('runs both example folders: 12 devices succeed, the broken one fails alone with file and line (exit 1)', () => {
    const r = runCli(['batch', ...EXAMPLES, '--workers', '1']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /completed in .*: 13 devices in examples\/fleet, examples\/branch/);
    assert.match(r.stdout, /12 succeeded .* 1 failed/);
    assert.match(
      r.stdout,
      /^ {2}FAILED +branch\/branch-rtr-07 +running\/branch-rtr-07\.cfg:120: This banner is never closed/m,
    );
    assert.match(r.stderr, /branch-rtr-07: running\/branch-rtr-07\.cfg:120/);
  });

  it('--format json prints the batch results document', () => {
    const r = runCli(['batch', 'examples/fleet', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.status, 'completed');
    assert.equal(doc.total_devices, 6);
    assert.equal(doc.completed_devices, 6);
    assert.equal(doc.summary.success, 6);
    const core = doc.results.find((d: { device_id: string }) => d.device_id === 'core-rtr-01');
    assert.equal(core.platform, 'cisco_ios');
    assert.equal(core.verified, true);
    assert.match(core.remediation, /^no ntp server 10\.0\.5\.2$/m);
    assert.match(core.rollback, /^ntp server 10\.0\.5\.2$/m);
    assert.match(core.running.sha256, /^[0-9a-f]{64}$/);
  });

  it('--out writes per-device scripts (per folder when several) and report.json, inside the folder', () => {
    const out = tempDir('nr-batch-out');
    try {
      const r = runCli(['batch', ...EXAMPLES, '--out', out.dir]);
      assert.equal(r.code, 1, r.stderr);
      const core = fs.readFileSync(path.join(out.dir, 'remediation', 'fleet', 'core-rtr-01.cfg'), 'utf8');
      assert.match(core, /^ntp server 10\.0\.6\.2$/m);
      assert.ok(fs.existsSync(path.join(out.dir, 'rollback', 'branch', 'branch-rtr-01.cfg')));
      assert.equal(fs.existsSync(path.join(out.dir, 'remediation', 'branch', 'branch-rtr-07.cfg')), false);
      const report = JSON.parse(fs.readFileSync(path.join(out.dir, 'report.json'), 'utf8'));
      assert.equal(report.results.length, 13);
    } finally {
      out.remove();
    }
  });

  it('--shard I/N splits a fleet into disjoint parts that cover it', () => {
    const ids = (shard: string) =>
      JSON.parse(runCli(['batch', ...EXAMPLES, '--shard', shard, '--format', 'json']).stdout).results.map(
        (d: { folder: string; device_id: string }) => `${path.basename(d.folder)}/${d.device_id}`,
      ) as string[];
    const parts = [ids('1/3'), ids('2/3'), ids('3/3')];
    const all = parts.flat().sort();
    assert.equal(new Set(all).size, all.length, 'no device in two shards');
    assert.equal(all.length, 13);
    assert.deepEqual(ids('2/3'), parts[1], 'the same shard twice is the same devices');
  });

  it('keeps the job in --store', () => {
    const store = tempDir('nr-batch-store');
    try {
      assert.equal(runCli(['batch', 'examples/fleet', '--store', store.dir]).code, 0);
      assert.ok(fs.readdirSync(store.dir).length > 0, 'the store has files');
    } finally {
      store.remove();
    }
  });

  it('refuses bad input with exit 2', () => {
    const missing = runCli(['batch', 'examples/nowhere']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /examples\/nowhere: no such folder or manifest/);
    const shard = runCli(['batch', 'examples/fleet', '--shard', '4/3']);
    assert.equal(shard.code, 2);
    assert.match(shard.stderr, /--shard 4\/3/);
    const empty = tempDir('nr-batch-empty');
    try {
      const r = runCli(['batch', empty.dir]);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /could not run/);
    } finally {
      empty.remove();
    }
  });

  it('Ctrl-C cancels the job and reports what finished', async () => {
    const fleet = tempDir('nr-batch-sigint');
    try {
      writeFleet(fleet.dir, { devices: 3000, interfaces: 20 });
      const child = spawn(
        process.execPath,
        [path.join(DIST, 'cli.js'), 'batch', fleet.dir, '--workers', '1'],
        { cwd: REPO_ROOT },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b));
      child.stderr.on('data', (b: Buffer) => (stderr += b));
      await new Promise((r) => setTimeout(r, 1500));
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 1, stderr);
      assert.match(stderr, /cancelling/);
      assert.match(stdout, /cancelled in/);
      const m = /(\d+) succeeded .* (\d+) cancelled/.exec(stdout);
      assert.ok(m, stdout.slice(0, 500));
      assert.ok(Number(m[1]) > 0 && Number(m[2]) > 0, `some done, some cancelled: ${m[0]}`);
    } finally {
      fleet.remove();
    }
  });
});

describe('netremediate batch --running-glob / --intended-glob', () => {
  it('finds configs where a fleet keeps them', () => {
    const dir = tempDir('nr-batch-globs');
    try {
      fs.mkdirSync(path.join(dir.dir, 'backups', 'oxidized'), { recursive: true });
      fs.mkdirSync(path.join(dir.dir, 'rendered'), { recursive: true });
      fs.writeFileSync(path.join(dir.dir, 'backups', 'oxidized', 'r1'), 'hostname r1\nntp server 10.0.0.1\n');
      fs.writeFileSync(path.join(dir.dir, 'rendered', 'r1'), 'hostname r1\nntp server 10.0.0.2\n');
      const without = runCli(['batch', dir.dir]);
      assert.equal(without.code, 2, 'nothing under running/ and intended/');
      const r = runCli([
        'batch',
        dir.dir,
        '--running-glob',
        'backups/oxidized/*',
        '--intended-glob',
        'rendered/*',
        '--format',
        'json',
      ]);
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.results[0].device_id, 'r1');
      assert.equal(doc.results[0].remediation, 'no ntp server 10.0.0.1\nntp server 10.0.0.2\n');
    } finally {
      dir.remove();
    }
  });
});
