/**
 * Frame `none` withholds (docs/safe-apply.md, "Unframed scripts withhold prompting commands"): each line
 * that makes the device ask is replaced, at its indentation, by one `! netremediate: withheld ...`
 * comment, in the remediation and the rollback; every other line is unchanged and keeps its line number,
 * so `withheld[].line` is the comment's line in the printed script. Frames withhold nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEngine, type Platform } from '../../../server/src/engine/index';
import {
  createRemediationEngine,
  type FramedScripts,
  type FrameKind,
} from '../../../server/src/engine/remediation/index';
import { readFixture } from '../../support/paths';

const parser = createEngine();
const engine = createRemediationEngine();

/** The IOS-XE pair: an old CA trustpoint and its chain removed, a contractor removed, a certificate renewed. */
function edgeRouterScripts(): { remediation: string; rollback: string } {
  const read = (side: string) => readFixture('frames', 'withhold', side, 'edge-rtr-12.cfg');
  const plan = engine.plan(
    parser.parse(read('running'), { platform: 'cisco_ios' }),
    parser.parse(read('intended'), { platform: 'cisco_ios' }),
  );
  // As the CLI prints them: with exit lines.
  const options = { exits: true };
  return {
    remediation: engine.render(plan.remediation, options),
    rollback: engine.render(plan.rollback, options),
  };
}

const frame = (
  platform: Platform,
  scripts: { remediation: string; rollback: string },
  kind: FrameKind = 'none',
): FramedScripts => engine.frame(platform, scripts, { frame: kind, deviceId: 'edge-rtr-12' });

const IOS_HOW = '(apply with --frame terminal|replace, docs/safe-apply.md)';

/** The printed script against the bare one: only the withheld lines differ, each by one comment. */
function assertOnlyWithheld(
  bare: string,
  printed: string,
  withheld: ReadonlyMap<number, string>,
  label: string,
): void {
  const before = bare.split('\n');
  const after = printed.split('\n');
  assert.equal(after.length, before.length, `${label}: the same number of lines`);
  before.forEach((line, i) => {
    const comment = withheld.get(i + 1);
    assert.equal(after[i], comment ?? line, `${label} line ${i + 1}`);
  });
}

describe('frame none withholds the lines that make the device ask', () => {
  const bare = edgeRouterScripts();
  const framed = frame('cisco_ios', bare);

  test('the remediation: each prompting line becomes one comment at its indentation, nothing else changes', () => {
    assert.deepEqual(
      framed.withheld.filter((p) => p.script === 'remediation').map((p) => [p.line, p.command, p.answer]),
      [
        [1, 'no crypto pki trustpoint TP-OLD-CA', 'yes'],
        [2, 'no crypto pki certificate chain TP-OLD-CA', 'yes'],
        [
          3,
          'no username contractor-acme privilege 15 secret 9 $9$Y29udHJhY3Rvcg$Jq3vT8wZ1xB4nC7mD0eF2gH5iK8lM1nO4pQ7rS0tU3v',
          '',
        ],
        [5, 'no certificate 4B', 'yes'],
      ],
    );
    assertOnlyWithheld(
      bare.remediation,
      framed.remediation,
      new Map([
        [
          1,
          `! netremediate: withheld, the device asks "Are you sure you want to do this? [yes/no]": no crypto pki trustpoint TP-OLD-CA ${IOS_HOW}`,
        ],
        [
          2,
          `! netremediate: withheld, the device asks "Are you sure you want to remove the certificates? [yes/no]": no crypto pki certificate chain TP-OLD-CA ${IOS_HOW}`,
        ],
        [
          3,
          `! netremediate: withheld, the device asks "Do you want to continue? [confirm]": no username contractor-acme privilege 15 secret 9 $9$Y29udHJhY3Rvcg$Jq3vT8wZ1xB4nC7mD0eF2gH5iK8lM1nO4pQ7rS0tU3v ${IOS_HOW}`,
        ],
        [
          5,
          ` ! netremediate: withheld, the device asks "Are you sure you want to remove the certificate [yes/no]": no certificate 4B ${IOS_HOW}`,
        ],
      ]),
      'remediation',
    );
    // The renewed certificate still goes in, inside its chain.
    assert.match(
      framed.remediation,
      /^crypto pki certificate chain TP-CORP\n .*no certificate 4B.*\n certificate 5C$/m,
    );
  });

  test('the rollback too', () => {
    const rollback = framed.withheld.filter((p) => p.script === 'rollback');
    assert.deepEqual(
      rollback.map((p) => [p.line, p.command]),
      [[18, 'no certificate 5C']],
    );
    assertOnlyWithheld(
      bare.rollback,
      framed.rollback,
      new Map([
        [
          18,
          ` ! netremediate: withheld, the device asks "Are you sure you want to remove the certificate [yes/no]": no certificate 5C ${IOS_HOW}`,
        ],
      ]),
      'rollback',
    );
  });

  test('withheld lists every prompt; the scripts still need confirmation; read back, nothing asks', () => {
    assert.deepEqual(framed.withheld, framed.prompts);
    assert.equal(framed.withheld.length, 5);
    assert.equal(framed.needsConfirmation, true);
    const again = frame('cisco_ios', { remediation: framed.remediation, rollback: framed.rollback });
    assert.deepEqual(again.prompts, []);
    assert.equal(again.remediation, framed.remediation);
  });

  test('a command without a safe answer is withheld for the operator, not for a frame', () => {
    const remediation =
      'license boot module c2900 technology-package securityk9\ninterface GigabitEthernet0/0\n description WAN to ISP-A (circuit 4711)\n exit\n';
    const licence = frame('cisco_ios', { remediation, rollback: '' });
    assert.equal(
      licence.remediation,
      remediation.replace(
        /^license .*$/m,
        '! netremediate: withheld, the device asks "ACCEPT? [yes/no] (end-user licence agreement)": license boot module c2900 technology-package securityk9 (no fixed answer is safe: send it by hand, docs/safe-apply.md)',
      ),
    );
  });

  test('NX-OS names its own frames; a script without a final newline keeps it so', () => {
    const remediation = 'copp profile lenient\ninterface Ethernet1/1\n  description host-01 eth0 (rack 12)';
    const nxos = frame('cisco_nxos', { remediation, rollback: 'copp profile strict\n' });
    assert.equal(
      nxos.remediation,
      '! netremediate: withheld, the device asks "This operation can cause disruption of control traffic. Proceed (y/n)? [no]": copp profile lenient (apply with --frame terminal|checkpoint, docs/safe-apply.md)\ninterface Ethernet1/1\n  description host-01 eth0 (rack 12)',
    );
    assert.match(
      nxos.rollback,
      /^! netremediate: withheld, .*: copp profile strict \(apply with --frame terminal\|checkpoint, docs\/safe-apply\.md\)\n$/,
    );
    assert.deepEqual(
      nxos.withheld.map((p) => `${p.script}:${p.line}`),
      ['remediation:1', 'rollback:1'],
    );
  });

  test('scripts where nothing asks come back as they are', () => {
    const scripts = {
      remediation:
        'interface GigabitEthernet0/0/0\n description WAN to ISP-B (circuit 88-1207)\n exit\nntp server 10.0.1.123\n',
      rollback:
        'no ntp server 10.0.1.123\ninterface GigabitEthernet0/0/0\n description WAN to ISP-B\n exit\n',
    };
    const plain = frame('cisco_ios', scripts);
    assert.equal(plain.remediation, scripts.remediation);
    assert.equal(plain.rollback, scripts.rollback);
    assert.deepEqual(plain.withheld, []);
    assert.equal(plain.needsConfirmation, false);
  });

  test('frames withhold nothing: they send each prompting line with its answer', () => {
    for (const kind of ['terminal', 'replace'] as const) {
      const sent = frame('cisco_ios', bare, kind);
      assert.deepEqual(sent.withheld, [], kind);
      assert.doesNotMatch(sent.remediation, /withheld/, kind);
      assert.match(sent.remediation, /^no crypto pki trustpoint TP-OLD-CA\nyes$/m, kind);
      assert.match(sent.remediation, /^ no certificate 4B\nyes$/m, kind);
    }
  });
});
