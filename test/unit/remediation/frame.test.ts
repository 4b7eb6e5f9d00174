/**
 * The engine's safe-apply frames (docs/safe-apply.md): every confirmation-prompt rule of both platforms
 * is found in a script read back from text, answered on the next line (at column 0: a device reads the
 * answer verbatim) or left to the operator, and the frames are deterministic text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Platform } from '../../../server/src/engine/index';
import {
  createRemediationEngine,
  FrameError,
  frameName,
  type FrameKind,
} from '../../../server/src/engine/remediation/index';

const engine = createRemediationEngine();
const frame = (platform: Platform, remediation: string, kind: FrameKind = 'terminal', rollback = '') =>
  engine.frame(platform, { remediation, rollback }, { frame: kind, deviceId: 'r1' });

describe('confirmation prompts found in scripts', () => {
  const asking: [Platform, string, string | undefined][] = [
    ['cisco_ios', 'crypto key zeroize rsa\n', 'yes'],
    ['cisco_ios', 'crypto key zeroize rsa TP-KEY\n', 'yes'],
    ['cisco_ios', 'no crypto pki trustpoint TP-self-signed-1\n', 'yes'],
    ['cisco_ios', 'no crypto pki certificate chain TP-self-signed-1\n', 'yes'],
    ['cisco_ios', 'crypto pki certificate chain TP-self-signed-1\n no certificate self-signed 01\n', 'yes'],
    ['cisco_ios', 'no username temp privilege 15 secret 9 $9$abc$def\n', ''],
    ['cisco_ios', 'crypto key generate rsa general-keys label SSH\n', undefined],
    ['cisco_ios', 'license boot module c2900 technology-package securityk9\n', undefined],
    ['cisco_nxos', 'copp profile strict\n', 'y'],
    ['cisco_nxos', 'system vlan 2000 reserve\n', 'y'],
    ['cisco_nxos', 'no vdc lab-vdc id 2\n', 'y'],
  ];
  for (const [platform, script, answer] of asking) {
    test(`${platform}: ${script.trim().split('\n').pop()?.trim()}`, () => {
      const framed = frame(platform, script, 'none');
      assert.equal(framed.prompts.length, 1, JSON.stringify(framed.prompts));
      assert.equal(framed.prompts[0].answer, answer);
      assert.equal(framed.needsConfirmation, true);
    });
  }

  test('commands that do not ask are not flagged', () => {
    for (const [platform, script] of [
      ['cisco_ios', 'crypto key generate rsa modulus 2048\n'],
      ['cisco_ios', 'username temp privilege 15 secret 9 $9$abc$def\n'],
      ['cisco_ios', 'crypto pki trustpoint TP-1\n enrollment selfsigned\n'],
      ['cisco_ios', 'no aaa new-model\n'],
      ['cisco_ios', 'default interface GigabitEthernet1/0/1\n'],
      ['cisco_nxos', 'no username temp\n'],
      ['cisco_nxos', 'hardware access-list tcam region racl 512\n'],
    ] as const) {
      const framed = frame(platform, script, 'none');
      assert.deepEqual(framed.prompts, [], script);
      assert.equal(framed.needsConfirmation, false, script);
    }
  });
});

describe('frames', () => {
  test('terminal: answers at column 0 right after the command, the comment before it', () => {
    const script = 'crypto pki certificate chain TP-1\n no certificate self-signed 01\n exit\n';
    const framed = frame('cisco_ios', script);
    assert.equal(
      framed.remediation,
      [
        '! netremediate: --frame terminal for r1 (cisco_ios)',
        'configure terminal',
        'crypto pki certificate chain TP-1',
        ' ! netremediate: the device asks "Are you sure you want to remove the certificate [yes/no]": the next line answers yes',
        ' no certificate self-signed 01',
        'yes',
        ' exit',
        'end',
        '! the empty line after copy answers "Destination filename [startup-config]?"',
        'copy running-config startup-config',
        '',
        '',
      ].join('\n'),
    );
    assert.equal(framed.needsConfirmation, false);
  });

  test('a command without a safe answer becomes a comment for the operator', () => {
    const framed = frame('cisco_ios', 'crypto key generate rsa\nip ssh version 2\n');
    assert.match(
      framed.remediation,
      /^! netremediate: by hand, the device asks "How many bits in the modulus \[512\]": crypto key generate rsa\nip ssh version 2$/m,
    );
    assert.equal(framed.needsConfirmation, true);
  });

  test('NX-OS terminal and checkpoint', () => {
    const terminal = frame('cisco_nxos', 'interface Ethernet1/1\n  description x\n  exit\n');
    assert.equal(
      terminal.remediation,
      '! netremediate: --frame terminal for r1 (cisco_nxos)\nconfigure terminal\ninterface Ethernet1/1\n  description x\n  exit\nend\ncopy running-config startup-config\n',
    );
    const checkpoint = engine.frame(
      'cisco_nxos',
      { remediation: 'hostname leaf-2\n', rollback: 'hostname leaf-1\n' },
      { frame: 'checkpoint', deviceId: 'leaf/1', tag: 'CHG-7' },
    );
    assert.match(
      checkpoint.remediation,
      /^no checkpoint netremediate-leaf_1-CHG-7\ncheckpoint netremediate-leaf_1-CHG-7\nconfigure terminal\nhostname leaf-2\nend\n/m,
    );
    assert.equal(
      checkpoint.rollback,
      '! netremediate: --frame checkpoint rollback for leaf/1 (cisco_nxos): back to the checkpoint taken before the change\nrollback running-config checkpoint netremediate-leaf_1-CHG-7\ncopy running-config startup-config\n',
    );
  });

  test('replace and checkpoint rollbacks do not print the line-by-line rollback, nor count its prompts', () => {
    const framed = engine.frame(
      'cisco_ios',
      { remediation: 'hostname r2\n', rollback: 'no crypto pki trustpoint TP-1\n' },
      { frame: 'replace', deviceId: 'r1' },
    );
    assert.deepEqual(framed.prompts, []);
    assert.doesNotMatch(framed.rollback, /trustpoint/);
    assert.match(framed.rollback, /^configure replace flash:netremediate-r1-pre\.cfg force$/m);
  });

  test('nothing to apply: no frame at all', () => {
    for (const kind of ['terminal', 'replace'] as const) {
      const framed = frame('cisco_ios', '', kind);
      assert.equal(framed.remediation, '');
      assert.equal(framed.rollback, '');
    }
  });

  test('platforms without the frame throw FrameError', () => {
    assert.throws(() => frame('cisco_ios', 'hostname r2\n', 'checkpoint'), FrameError);
    assert.throws(() => frame('cisco_nxos', 'hostname r2\n', 'replace'), FrameError);
  });

  test('names are deterministic and safe for flash files and checkpoint names', () => {
    assert.equal(frameName({ deviceId: 'core-rtr-01' }), 'netremediate-core-rtr-01');
    assert.equal(
      frameName({ deviceId: 'site a/rtr 1', tag: '2025-03-06' }),
      'netremediate-site_a_rtr_1-2025-03-06',
    );
    assert.equal(frameName({ deviceId: 'r1', tag: '' }), 'netremediate-r1');
  });

  test('a script rendered with another indentation is read back alike', () => {
    const framed = frame(
      'cisco_ios',
      'crypto pki certificate chain TP-1\n    no certificate self-signed 01\n',
    );
    assert.equal(framed.prompts.length, 1);
    assert.match(framed.remediation, /^ {4}no certificate self-signed 01\nyes$/m);
  });
});
