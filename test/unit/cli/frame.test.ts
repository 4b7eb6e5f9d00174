/**
 * `--frame` on real dist/cli.js processes (docs/safe-apply.md): golden output of `remediate` for each
 * frame a platform has, the usage errors, the confirmation-prompt risk in json, and `batch --out
 * --frame` writing framed scripts (and none for a device whose platform has no such frame).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../support/fleetGenerator';
import { fixturePath } from '../../support/paths';
import { runCli } from '../../support/runCli';

const FLEET = 'test/fixtures/frames/fleet';
const pair = (device: string): string[] => [
  `${FLEET}/running/${device}.cfg`,
  `${FLEET}/intended/${device}.cfg`,
];
const expected = (device: string, frame: string): string =>
  fs.readFileSync(fixturePath('frames', 'expected', `${device}.${frame}.txt`), 'utf8');
/** The remediation and rollback of a `remediate --rollback` output. */
const split = (text: string): [string, string] => {
  const [remediation, rollback] = text.split('\n! rollback\n');
  return [remediation, rollback];
};

const GOLDENS: readonly [device: string, frame: string][] = [
  ['br-rtr-09', 'none'],
  ['br-rtr-09', 'terminal'],
  ['br-rtr-09', 'replace'],
  ['leaf-401', 'none'],
  ['leaf-401', 'terminal'],
  ['leaf-401', 'checkpoint'],
];

describe('netremediate remediate --frame', () => {
  for (const [device, frame] of GOLDENS) {
    it(`${device} --frame ${frame} --rollback prints the golden script`, () => {
      const tag = frame === 'replace' || frame === 'checkpoint' ? ['--frame-tag', 'CHG0042'] : [];
      const r = runCli(['remediate', ...pair(device), '--frame', frame, '--rollback', ...tag]);
      // Both devices have prompting lines: frame none withholds them, and says so with exit code 1.
      assert.equal(r.code, frame === 'none' ? 1 : 0, r.stderr);
      assert.equal(r.stdout, expected(device, frame));
    });
  }

  it('IOS replace: archive first, revert timer, confirm, save; rollback is configure replace', () => {
    const [remediation, rollback] = split(expected('br-rtr-09', 'replace'));
    const lines = remediation.split('\n');
    const at = (line: string): number => lines.indexOf(line);
    assert.ok(at('copy running-config flash:netremediate-br-rtr-09-CHG0042-pre.cfg') >= 0);
    assert.ok(
      at('configure terminal revert timer 10') >
        at('copy running-config flash:netremediate-br-rtr-09-CHG0042-pre.cfg'),
    );
    assert.ok(at('configure confirm') > at('end'));
    assert.ok(at('copy running-config startup-config') > at('configure confirm'));
    assert.match(rollback, /^configure replace flash:netremediate-br-rtr-09-CHG0042-pre\.cfg force$/m);
  });

  it('answers go on the line right after the command, comments before it', () => {
    const [remediation] = split(expected('br-rtr-09', 'terminal'));
    assert.match(remediation, /^no crypto pki trustpoint TP-self-signed-3126740562\nyes\n/m);
    assert.match(remediation, /^no username temp-vendor .*\n\n/m);
    // No safe answer: left to the operator, never sent.
    assert.doesNotMatch(remediation, /^license boot module/m);
    assert.match(
      remediation,
      /^! netremediate: by hand, .*: license boot module c2900 technology-package securityk9$/m,
    );
    const [nx] = split(expected('leaf-401', 'checkpoint'));
    assert.match(nx, /^copp profile lenient\ny\n/m);
  });

  it('a frame the platform does not have is a usage error (exit 2)', () => {
    const ios = runCli(['remediate', ...pair('br-rtr-09'), '--frame', 'checkpoint']);
    assert.equal(ios.code, 2);
    assert.match(ios.stderr, /br-rtr-09 is cisco_ios: --frame checkpoint is NX-OS/);
    assert.equal(ios.stdout, '');
    const nxos = runCli(['remediate', ...pair('leaf-401'), '--frame', 'replace']);
    assert.equal(nxos.code, 2);
    assert.match(nxos.stderr, /leaf-401 is cisco_nxos: --frame replace is IOS/);
  });

  it('bad --frame and --frame-tag values are usage errors', () => {
    for (const args of [
      ['--frame', 'commit'],
      ['--frame', 'terminal', '--frame-tag', 'CHG1'],
      ['--frame-tag', 'CHG1'],
      ['--frame', 'replace', '--frame-tag', 'CHG 1'],
    ]) {
      const r = runCli(['remediate', ...pair('br-rtr-09'), ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /--frame/, args.join(' '));
    }
  });

  it('json: the confirmation-prompt risks, needs_confirmation and the prompts; a warning without a frame', () => {
    const bare = runCli(['remediate', ...pair('br-rtr-09'), '--format', 'json']);
    assert.equal(bare.code, 1, 'the prompting lines are withheld');
    const json = JSON.parse(bare.stdout);
    assert.equal(json.frame, 'none');
    assert.equal(json.needs_confirmation, true);
    const prompts = json.risks.filter((r: { kind: string }) => r.kind === 'confirmation-prompt');
    assert.deepEqual(
      prompts.map((r: { path: string[] }) => r.path.join(' > ')),
      [
        'no username temp-vendor privilege 15 secret 9 $9$c2FsdHNhbHQ$4Gk9cXJ0r7o1b2d3e4f5g6h7i8j9k0l1m2n3o4p5q6r',
        'no crypto pki trustpoint TP-self-signed-3126740562',
        'license boot module c2900 technology-package securityk9',
      ],
    );
    assert.deepEqual(
      json.confirmation_prompts.map((p: { line: number; answer?: string }) => [p.line, p.answer]),
      [
        [1, ''],
        [2, 'yes'],
        [3, undefined],
      ],
    );
    assert.match(bare.stderr, /br-rtr-09: warning: 3 line\(s\) make the device ask for confirmation/);
    assert.equal(json.withheld_lines.length, 3);

    const framed = JSON.parse(
      runCli(['remediate', ...pair('br-rtr-09'), '--format', 'json', '--frame', 'terminal']).stdout,
    );
    assert.equal(framed.frame, 'terminal');
    assert.equal(framed.needs_confirmation, true, 'the licence is left to the operator');
    assert.deepEqual(framed.withheld_lines, []);
    assert.match(framed.remediation, /^configure terminal$/m);

    const nxos = runCli(['remediate', ...pair('leaf-401'), '--format', 'json', '--frame', 'checkpoint']);
    assert.equal(JSON.parse(nxos.stdout).needs_confirmation, false);
    assert.doesNotMatch(nxos.stderr, /warning/);
  });
});

describe('netremediate batch --frame', () => {
  it('--out --frame terminal writes framed scripts for both platforms and says so in report.json', () => {
    const out = tempDir('nr-frame-out');
    try {
      const r = runCli(['batch', FLEET, '--out', out.dir, '--frame', 'terminal']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /wrote 4 scripts \(--frame terminal\)/);
      for (const device of ['br-rtr-09', 'leaf-401']) {
        const [remediation, rollback] = split(expected(device, 'terminal'));
        assert.equal(
          fs.readFileSync(path.join(out.dir, 'remediation', `${device}.cfg`), 'utf8'),
          remediation,
        );
        assert.equal(fs.readFileSync(path.join(out.dir, 'rollback', `${device}.cfg`), 'utf8'), rollback);
      }
      const report = JSON.parse(fs.readFileSync(path.join(out.dir, 'report.json'), 'utf8'));
      assert.equal(report.frame, 'terminal');
      const byId = Object.fromEntries(report.results.map((d: { device_id: string }) => [d.device_id, d]));
      assert.deepEqual(byId['br-rtr-09'].withheld_lines, [], 'a frame withholds nothing');
      assert.equal(byId['br-rtr-09'].needs_confirmation, true);
      assert.equal(byId['leaf-401'].needs_confirmation, false);
      assert.match(byId['br-rtr-09'].remediation, /^configure terminal$/m);
    } finally {
      out.remove();
    }
  });

  it('--frame checkpoint writes the NX-OS device framed, no scripts for the IOS one (exit 1)', () => {
    const out = tempDir('nr-frame-out');
    try {
      const r = runCli(['batch', FLEET, '--out', out.dir, '--frame', 'checkpoint', '--frame-tag', 'CHG0042']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /br-rtr-09: not framed, no scripts written: --frame checkpoint is NX-OS/);
      assert.equal(fs.existsSync(path.join(out.dir, 'remediation', 'br-rtr-09.cfg')), false);
      const [remediation, rollback] = split(expected('leaf-401', 'checkpoint'));
      assert.equal(fs.readFileSync(path.join(out.dir, 'remediation', 'leaf-401.cfg'), 'utf8'), remediation);
      assert.equal(fs.readFileSync(path.join(out.dir, 'rollback', 'leaf-401.cfg'), 'utf8'), rollback);
      const report = JSON.parse(fs.readFileSync(path.join(out.dir, 'report.json'), 'utf8'));
      const ios = report.results.find((d: { device_id: string }) => d.device_id === 'br-rtr-09');
      assert.match(ios.frame_error, /NX-OS/);
    } finally {
      out.remove();
    }
  });

  it('without a frame, devices whose scripts ask for confirmation are named on stderr', () => {
    const r = runCli(['batch', FLEET, '--format', 'json']);
    assert.equal(r.code, 1, 'their prompting lines are withheld');
    assert.match(r.stderr, /br-rtr-09: warning: 3 line\(s\) make the device ask for confirmation/);
    assert.match(r.stderr, /leaf-401: warning: 2 line\(s\) make the device ask for confirmation/);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.frame, 'none');
    assert.ok(doc.results.every((d: { needs_confirmation: boolean }) => d.needs_confirmation === true));
  });

  it('--frame without --out or --format json is a usage error', () => {
    const r = runCli(['batch', FLEET, '--frame', 'terminal']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--frame frames the scripts of --out or --format json/);
  });
});
