import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../support/runCli';

const PAIR = ['examples/pair/running.cfg', 'examples/pair/intended.cfg'];

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('netremediate remediate', () => {
  it('prints the script with sectional exits, and exits 0 when verified', () => {
    const r = runCli(['remediate', ...PAIR]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^no interface Loopback99$/m);
    assert.match(r.stdout, /^ exit-address-family$/m);
    assert.doesNotMatch(r.stdout, /! rollback/);
  });

  it('--no-exits --indent 2 renders for review', () => {
    const r = runCli(['remediate', ...PAIR, '--no-exits', '--indent', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /exit/);
    assert.match(r.stdout, /^ {2}description LAN - users and printers/m);
  });

  it('--rollback and --future add the rollback and the predicted config', () => {
    const r = runCli(['remediate', ...PAIR, '--rollback', '--future']);
    assert.equal(r.code, 0, r.stderr);
    const [, rollback] = r.stdout.split('! rollback\n');
    assert.match(rollback, /^interface Loopback99$/m);
    assert.match(r.stdout, /! predicted config after the remediation\n[\s\S]*hostname /);
  });

  it('--format json gives the batch result fields', () => {
    const r = runCli(['remediate', ...PAIR, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.device_id, 'running');
    assert.equal(json.platform, 'cisco_ios');
    assert.equal(json.status, 'success');
    assert.equal(json.verified, true);
    assert.deepEqual(json.verify, []);
    assert.ok(
      json.change_score.added > 0 && json.change_score.removed > 0,
      JSON.stringify(json.change_score),
    );
    assert.match(json.rollback, /interface Loopback99/);
    assert.equal('future' in json, false);
  });

  it('an identical pair gives an empty script', () => {
    const r = runCli(['remediate', PAIR[0], PAIR[0]]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('detects NX-OS from the content', () => {
    const running = tempFile(
      'leaf.nxos',
      '!Command: show running-config\nfeature bgp\ninterface Ethernet1/1\n  description old\n',
    );
    const intended = tempFile(
      'leaf.nxos',
      '!Command: show running-config\nfeature bgp\ninterface Ethernet1/1\n  description new\n',
    );
    const r = runCli(['remediate', running, intended, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.platform, 'cisco_nxos');
    assert.equal(json.remediation, 'interface Ethernet1/1\n  description new\n  exit\n');
  });

  it('bad usage exits 2 and names what is wrong', () => {
    assert.equal(runCli(['remediate', PAIR[0]]).code, 2);
    const badIndent = runCli(['remediate', ...PAIR, '--indent', 'x']);
    assert.equal(badIndent.code, 2);
    assert.match(badIndent.stderr, /--indent x/);
    const badPlatform = runCli(['remediate', ...PAIR, '--platform', 'junos']);
    assert.equal(badPlatform.code, 2);
    assert.match(badPlatform.stderr, /--platform junos: expected one of cisco_ios, cisco_nxos, auto/);
    const missing = runCli(['remediate', 'examples/pair/nope.cfg', PAIR[1]]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /examples\/pair\/nope\.cfg: cannot read/);
  });
});

describe('netremediate diff', () => {
  it('prints a unified diff whose hunks name their section', () => {
    const r = runCli(['diff', ...PAIR]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- examples\/pair\/running\.cfg/m);
    assert.match(r.stdout, /^\+\+\+ examples\/pair\/intended\.cfg/m);
    assert.match(r.stdout, /^@@ .* @@ interface GigabitEthernet0\/0\/1$/m);
    assert.match(r.stdout, /^- ip address 10\.1\.10\.1 255\.255\.255\.0$/m);
    assert.match(r.stdout, /^\+ ip address 10\.1\.10\.254 255\.255\.255\.0$/m);
  });

  it('prints nothing for a config against itself', () => {
    const r = runCli(['diff', PAIR[0], PAIR[0]]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });
});

describe('netremediate remediate --rules', () => {
  it('applies a user idempotent rule: the old line is overwritten, not negated', () => {
    const running = tempFile('r.cfg', 'interface GigabitEthernet1\n bandwidth 1000\n!\n');
    const intended = tempFile('i.cfg', 'interface GigabitEthernet1\n bandwidth 2000\n!\n');
    const without = runCli(['remediate', running, intended, '--platform', 'cisco_ios', '--no-exits']);
    assert.match(without.stdout, /no bandwidth 1000/);
    const rules = tempFile(
      'rules.json',
      JSON.stringify({
        cisco_ios: {
          idempotent: [{ lineage: [{ startswith: 'interface ' }, { startswith: 'bandwidth ' }] }],
        },
      }),
    );
    const withRules = runCli([
      'remediate',
      running,
      intended,
      '--platform',
      'cisco_ios',
      '--no-exits',
      '--rules',
      rules,
    ]);
    assert.equal(withRules.code, 0, withRules.stderr);
    assert.equal(withRules.stdout, 'interface GigabitEthernet1\n bandwidth 2000\n');
  });

  it('refuses invalid rules, naming the rule and the field', () => {
    const rules = tempFile(
      'rules.json',
      JSON.stringify({ cisco_ios: { ordering: [{ lineage: [{ startswith: 'x' }], weight: 'high' }] } }),
    );
    const r = runCli(['remediate', ...PAIR, '--rules', rules]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cisco_ios\.ordering\[0\]\.weight/);
  });
});

describe('netremediate remediate --only', () => {
  it('keeps only the lines with a tag, under their section headers', () => {
    const r = runCli(['remediate', ...PAIR, '--only', 'negation', '--no-exits']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'no interface Loopback99\n');
  });
});

describe('netremediate remediate on a broken config', () => {
  it('refuses a truncated backup (banner never closed), naming the file and line, exit 2', () => {
    const running = tempFile(
      'cut.cfg',
      'hostname r1\n!\nbanner motd ^C\nAuthorised access only\nline vty 0 4\n transport input ssh\n',
    );
    const intended = tempFile(
      'ok.cfg',
      'hostname r1\n!\nbanner motd ^C\nAuthorised access only\n^C\nline vty 0 4\n transport input ssh\n',
    );
    const r = runCli(['remediate', running, intended, '--platform', 'cisco_ios']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cut\.cfg:3:1: .*banner/i);
  });
});
