/**
 * Unframed scripts withhold the commands that make the device ask (docs/safe-apply.md), on real
 * dist/cli.js processes: `remediate` prints a comment in place of each, names them on stderr, lists them
 * in json `withheld_lines` and exits 1; `batch` writes and prints the same scripts, counts such a device
 * like an unverified one for its exit code (never as failed), and a frame sends the lines instead.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../support/fleetGenerator';
import { runCli } from '../../support/runCli';

/** IOS-XE: edge-rtr-12 drops an old CA trustpoint and a contractor and renews a certificate; edge-rtr-13 asks nothing. */
const FLEET = 'test/fixtures/frames/withhold';
const pair = (device: string): string[] => [
  `${FLEET}/running/${device}.cfg`,
  `${FLEET}/intended/${device}.cfg`,
];

interface Withheld {
  script: string;
  line: number;
  command: string;
  asks: string;
  answer?: string;
}

const WITHHELD = [
  'remediation:1:no crypto pki trustpoint TP-OLD-CA',
  'remediation:2:no crypto pki certificate chain TP-OLD-CA',
  'remediation:3:no username contractor-acme privilege 15 secret 9 $9$Y29udHJhY3Rvcg$Jq3vT8wZ1xB4nC7mD0eF2gH5iK8lM1nO4pQ7rS0tU3v',
  'remediation:5:no certificate 4B',
  'rollback:18:no certificate 5C',
];
const brief = (lines: readonly Withheld[]): string[] =>
  lines.map((w) => `${w.script}:${w.line}:${w.command}`);

describe('netremediate remediate without a frame', () => {
  it('prints a comment in place of each prompting line, names them on stderr and exits 1', () => {
    const r = runCli(['remediate', ...pair('edge-rtr-12')]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(
      lines[0],
      '! netremediate: withheld, the device asks "Are you sure you want to do this? [yes/no]": no crypto pki trustpoint TP-OLD-CA (apply with --frame terminal|replace, docs/safe-apply.md)',
    );
    assert.match(lines[4], /^ ! netremediate: withheld, .*: no certificate 4B \(apply with --frame/);
    assert.equal(lines[5], ' certificate 5C');
    assert.doesNotMatch(r.stdout, /^\s*no (crypto|username|certificate)/m, 'nothing that asks is sent');
    assert.match(r.stdout, /^ description WAN to ISP-B \(circuit 88-1207\)$/m);
    assert.match(r.stdout, /^ntp server 10\.0\.1\.123$/m);
    assert.match(
      r.stderr,
      /^edge-rtr-12: warning: 4 line\(s\) make the device ask for confirmation and are withheld from the printed script, a comment in their place \(remediation line 1 `no crypto pki trustpoint TP-OLD-CA`, .*remediation line 5 `no certificate 4B`\): it does not reach the intended config; --frame terminal\|replace sends them with their answers/m,
    );
    assert.doesNotMatch(r.stderr, /incomplete/, 'the remediation itself verifies');
  });

  it('json: withheld_lines (the rollback too), the texts withheld, exit 1', () => {
    const r = runCli(['remediate', ...pair('edge-rtr-12'), '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.status, 'success');
    assert.equal(json.verified, true);
    assert.equal(json.frame, 'none');
    assert.equal(json.needs_confirmation, true);
    assert.deepEqual(brief(json.withheld_lines), WITHHELD);
    assert.deepEqual(json.withheld_lines, json.confirmation_prompts);
    // `line` is the comment's line in the printed text.
    for (const w of json.withheld_lines as Withheld[]) {
      const printed = (json[w.script] as string).split('\n')[w.line - 1];
      assert.ok(
        printed
          .trimStart()
          .startsWith(`! netremediate: withheld, the device asks "${w.asks}": ${w.command} (`),
        printed,
      );
    }
    assert.match(r.stderr, /rollback line 18 `no certificate 5C`/);
  });

  it('a frame sends them with their answers: nothing withheld, exit 0', () => {
    const r = runCli(['remediate', ...pair('edge-rtr-12'), '--frame', 'terminal', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.withheld_lines, []);
    assert.equal(json.needs_confirmation, false);
    assert.match(json.remediation, /^no crypto pki trustpoint TP-OLD-CA\nyes$/m);
    assert.doesNotMatch(r.stderr, /warning/);
  });

  it('a script where nothing asks: printed as computed, exit 0', () => {
    const r = runCli(['remediate', ...pair('edge-rtr-13'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).withheld_lines, []);
  });
});

describe('netremediate batch without a frame', () => {
  it('json: withheld_lines per device; the device is a success, the exit code 1', () => {
    const r = runCli(['batch', FLEET, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    const byId = Object.fromEntries(doc.results.map((d: { device_id: string }) => [d.device_id, d]));
    assert.deepEqual(brief(byId['edge-rtr-12'].withheld_lines), WITHHELD);
    assert.equal(byId['edge-rtr-12'].status, 'success', 'withheld lines do not fail a device');
    assert.equal(byId['edge-rtr-12'].verified, true);
    assert.match(
      byId['edge-rtr-12'].remediation,
      /^! netremediate: withheld, .*: no crypto pki trustpoint TP-OLD-CA /m,
    );
    assert.deepEqual(byId['edge-rtr-13'].withheld_lines, []);
    assert.equal(doc.summary.failed, 0);
    assert.match(r.stderr, /^edge-rtr-12: warning: 5 line\(s\) .* withheld from its scripts/m);
    assert.doesNotMatch(r.stderr, /edge-rtr-13/);
  });

  it('text: the same exit code and the same lines named, read for the asking devices only', () => {
    const r = runCli(['batch', FLEET]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /2 succeeded .* 0 failed/);
    assert.match(
      r.stderr,
      /edge-rtr-12: warning: 5 line\(s\) .*\(remediation line 1 `no crypto pki trustpoint TP-OLD-CA`.*rollback line 18 `no certificate 5C`\)/,
    );
  });

  it('--out writes the withheld scripts and report.json lists the lines', () => {
    const out = tempDir('nr-withheld-out');
    try {
      const r = runCli(['batch', FLEET, '--out', out.dir]);
      assert.equal(r.code, 1, r.stderr);
      const script = fs.readFileSync(path.join(out.dir, 'remediation', 'edge-rtr-12.cfg'), 'utf8');
      assert.match(script, /^ ! netremediate: withheld, .*: no certificate 4B /m);
      assert.doesNotMatch(script, /^\s*no (crypto|username|certificate)/m);
      const rollback = fs.readFileSync(path.join(out.dir, 'rollback', 'edge-rtr-12.cfg'), 'utf8');
      assert.match(rollback.split('\n')[17], /^ ! netremediate: withheld, .*: no certificate 5C /);
      const report = JSON.parse(fs.readFileSync(path.join(out.dir, 'report.json'), 'utf8'));
      const device = report.results.find((d: { device_id: string }) => d.device_id === 'edge-rtr-12');
      assert.deepEqual(brief(device.withheld_lines), WITHHELD);
    } finally {
      out.remove();
    }
  });

  it('with a frame nothing is withheld: exit 0', () => {
    const r = runCli(['batch', FLEET, '--format', 'json', '--frame', 'terminal']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.results.every((d: { withheld_lines: unknown[] }) => d.withheld_lines.length === 0));
  });
});
