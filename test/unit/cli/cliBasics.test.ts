import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../support/runCli';

describe('netremediate CLI basics', () => {
  it('prints an overview with --help and exits 0', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /usage: netremediate <command>/);
    assert.match(r.stdout, /parse/);
  });

  it('exits 2 with the overview when no command is given', () => {
    const r = runCli([]);
    assert.equal(r.code, 2);
  });

  it('exits 2 on an unknown command, saying which', () => {
    const r = runCli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  });

  it('exits 2 on an unknown option, with the command usage', () => {
    const r = runCli(['parse', 'x.cfg', '--colour']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--colour/);
    assert.match(r.stderr, /usage: netremediate parse FILE/);
  });

  it('names the file it cannot read and exits 2, without a stack trace', () => {
    const r = runCli(['parse', 'test/fixtures/workspace/no-such-file.cfg']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such-file\.cfg: cannot read \(no such file\)/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('parse prints the tree with 1-based line ranges and what was dropped', () => {
    const r = runCli(['parse', 'test/fixtures/workspace/backups/leaf-102']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /platform cisco_nxos/);
    assert.match(r.stdout, /^9-13 +interface Ethernet1\/1$/m);
    assert.match(r.stdout, /^header +"!Command: show running-config" at 1$/m);
  });

  it('parse --format json gives the hierarchy as data', () => {
    const r = runCli([
      'parse',
      'test/fixtures/workspace/branch-router.ios',
      '--format',
      'json',
      '--platform',
      'cisco_ios',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.platform, 'cisco_ios');
    const bgp = json.tree.find((n: { text: string }) => n.text === 'router bgp 65011');
    assert.ok(bgp, 'router bgp is a top-level node');
    const af = bgp.children.find((n: { text: string }) => n.text === 'address-family ipv4');
    assert.deepEqual(
      af.children.map((n: { text: string }) => n.text),
      [
        'network 10.20.0.0 mask 255.255.255.0',
        'neighbor 198.51.100.1 activate',
        'neighbor 198.51.100.1 route-map ISP-A-OUT out',
      ],
    );
    assert.ok(
      json.dropped.some(
        (d: { kind: string; text: string }) => d.kind === 'exit' && d.text.trim() === 'exit-address-family',
      ),
    );
  });
});
