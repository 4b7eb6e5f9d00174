// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, descendants, type ParsedConfig } from '../../../server/src/engine';

const engine = createEngine();
const parse = (text: string): ParsedConfig => engine.parse(text, { platform: 'cisco_ios' });

const HEX_1 = '  3082022B 30820194 A0030201 02020101 300D0609 2A864886 F70D0101 05050030 ';
const HEX_2 = '  31312F30 2D060355 04031326 494F532D 53656C66 ';

function chain(quit: string, hex2 = HEX_2): string {
  return (
    'crypto pki certificate chain TP-self-signed-1\n certificate self-signed 01\n' +
    `${HEX_1}\n${hex2}\n${quit}\n certificate ca 0A\n  0102ABCD\n  \tquit\n!\nhostname R1\n`
  );
}

describe('certificate chains', () => {
  for (const [name, quit] of [
    ['tab-indented', '  \tquit'],
    ['tab-only', '\tquit'],
    ['space-indented', '  quit'],
    ['deeply indented', '        quit'],
    ['unindented', 'quit'],
  ]) {
    it(`closes a certificate at a ${name} quit, which is never a child`, () => {
      const parsed = parse(chain(quit));
      const chainNode = parsed.root.children[0];
      assert.equal(chainNode.text, 'crypto pki certificate chain TP-self-signed-1');
      const [self, ca] = chainNode.children;
      assert.equal(chainNode.children.length, 2);
      assert.equal(self.kind, 'certificate');
      assert.deepEqual(self.children, []);
      assert.equal(self.line, 1);
      assert.equal(self.lastLine, 4);
      assert.equal(self.certificate?.header, 'certificate self-signed 01');
      assert.equal(
        self.certificate?.hex,
        '3082022B30820194A003020102020101300D06092A864886F70D0101050500303131' +
          '2F302D06035504031326494F532D53656C66',
      );
      assert.deepEqual(self.certificate?.hexLines, [HEX_1.trim(), HEX_2.trim()]);
      assert.equal(self.certificate?.terminated, true);
      assert.equal(self.text, `certificate self-signed 01 ${self.certificate?.hex}`);
      assert.equal(ca.text, 'certificate ca 0A 0102ABCD');
      assert.equal(parsed.root.children[1].text, 'hostname R1');
      assert.ok([...descendants(parsed.root)].every((n) => n.text !== 'quit'));
      assert.deepEqual(parsed.findings, []);
    });
  }

  it('covers the header, hex and quit lines in the certificate range and raw text', () => {
    const [self] = parse(chain('  \tquit')).root.children[0].children;
    assert.deepEqual(self.range, { startLine: 1, startColumn: 1, endLine: 4, endColumn: 7 });
    assert.equal(self.raw, ` certificate self-signed 01\n${HEX_1}\n${HEX_2}\n  \tquit`);
  });

  it('tells certificates apart by content', () => {
    const a = parse(chain('  quit')).root.children[0].children[0].text;
    const b = parse(chain('  quit', '  31312F30 2D060355 04031326 494F532D 53656C67 ')).root.children[0]
      .children[0].text;
    assert.notEqual(a, b);
  });

  it('flags a certificate that a non-hex line interrupts, and parses that line normally', () => {
    const parsed = parse(
      'crypto pki certificate chain TP\n certificate self-signed 01\n  3082022B 30820194\n!\nhostname R1\n',
    );
    const cert = parsed.root.children[0].children[0];
    assert.equal(cert.certificate?.terminated, false);
    assert.equal(cert.lastLine, 2);
    assert.equal(parsed.root.children[1].text, 'hostname R1');
    assert.deepEqual(
      parsed.findings.map((f) => [f.code, f.range.startLine, f.range.endLine]),
      [['unterminated-certificate', 1, 2]],
    );
  });

  it('flags a certificate cut off by the end of the file', () => {
    const parsed = parse('crypto ca certificate chain OLD\n certificate 3A\n  0102\n  0304');
    const cert = parsed.root.children[0].children[0];
    assert.equal(cert.kind, 'certificate');
    assert.equal(cert.certificate?.hex, '01020304');
    assert.equal(parsed.findings[0].code, 'unterminated-certificate');
  });

  it('reads `certificate` outside a certificate chain as an ordinary line', () => {
    const parsed = parse('crypto pki trustpoint TP\n certificate 01\n  revocation-check none\n');
    const line = parsed.root.children[0].children[0];
    assert.equal(line.kind, 'line');
    assert.equal(line.children[0].text, 'revocation-check none');
  });
});
