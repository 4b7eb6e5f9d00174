// node:test's describe/it return promises its runner awaits; nothing here is left floating.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type ConfigNode, type ParsedConfig, type Platform } from '../../../server/src/engine';

const engine = createEngine();
const parse = (text: string, platform: Platform = 'cisco_ios'): ParsedConfig =>
  engine.parse(text, { platform });
const banners = (parsed: ParsedConfig): ConfigNode[] =>
  parsed.root.children.filter((n) => n.kind === 'banner');

describe('banners', () => {
  it('reads a multi-line ^C banner as one node, `!` lines in the body included', () => {
    const parsed = parse('hostname R1\nbanner motd ^C\n!!!!!!\n! keep out !\n!!!!!!\n^C\n!\nline con 0\n');
    const [banner] = banners(parsed);
    assert.equal(banner.line, 1);
    assert.equal(banner.lastLine, 5);
    assert.deepEqual(banner.range, { startLine: 1, startColumn: 0, endLine: 5, endColumn: 2 });
    assert.deepEqual(banner.banner, {
      type: 'motd',
      delimiter: '^C',
      body: '\n!!!!!!\n! keep out !\n!!!!!!\n',
      terminated: true,
    });
    assert.equal(banner.text, 'banner motd ^C\n!!!!!!\n! keep out !\n!!!!!!\n^C');
    assert.equal(banner.raw, 'banner motd ^C\n!!!!!!\n! keep out !\n!!!!!!\n^C');
    assert.deepEqual(banner.children, []);
    assert.deepEqual(
      parsed.root.children.map((n) => n.text.split('\n')[0]),
      ['hostname R1', 'banner motd ^C', 'line con 0'],
    );
    assert.deepEqual(parsed.findings, []);
  });

  it('ends a one-line banner on its own line, IOS and NX-OS style', () => {
    const ios = banners(parse('banner motd ^Cwelcome^C\nhostname R1\n'))[0];
    assert.equal(ios.banner?.body, 'welcome');
    assert.equal(ios.lastLine, 0);
    const nxos = banners(parse('banner motd #Welcome to LEAF-101#\nhostname LEAF-101\n', 'cisco_nxos'))[0];
    assert.equal(nxos.banner?.body, 'Welcome to LEAF-101');
    assert.equal(nxos.banner?.delimiter, '#');
    assert.equal(nxos.lastLine, 0);
  });

  for (const delimiter of ['#', '%', '$', '@', 'X', '\u0003']) {
    it(`accepts ${JSON.stringify(delimiter)} as a delimiter`, () => {
      const parsed = parse(`banner login ${delimiter}\nLine one\n! line two\n${delimiter}\nhostname R1\n`);
      const [banner] = banners(parsed);
      assert.equal(banner.banner?.delimiter, delimiter);
      assert.equal(banner.banner?.body, '\nLine one\n! line two\n');
      assert.equal(parsed.root.children[1].text, 'hostname R1');
    });
  }

  it('closes a ^C banner at an ETX character and the other way round', () => {
    assert.equal(banners(parse('banner exec ^Chello\u0003\n'))[0].banner?.body, 'hello');
    assert.equal(banners(parse('banner exec \u0003hello^C\n'))[0].banner?.body, 'hello');
  });

  it('takes a body that starts on the opening line and ends on a later one', () => {
    const [banner] = banners(parse('banner motd #Hello\nworld# trailing\nhostname R1\n'));
    assert.equal(banner.banner?.body, 'Hello\nworld');
    assert.equal(banner.lastLine, 1);
  });

  it('compares banners by type and body, whatever the delimiter', () => {
    const a = banners(parse('banner motd ^C\nHello\n^C\n'))[0].text;
    const b = banners(parse('banner motd #\nHello   \n#\n'))[0].text;
    const c = banners(parse('banner motd #\nHello!\n#\n'))[0].text;
    const d = banners(parse('banner login #\nHello\n#\n'))[0].text;
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.notEqual(a, d);
  });

  it('reads a banner that names no type, an empty banner, and a CRLF banner', () => {
    assert.deepEqual(banners(parse('banner ^Chi^C\n'))[0].banner, {
      type: '',
      delimiter: '^C',
      body: 'hi',
      terminated: true,
    });
    assert.equal(banners(parse('banner motd ##\nhostname R1\n', 'cisco_nxos'))[0].banner?.body, '');
    const crlf = banners(parse('banner motd ^C\r\nHello\r\n^C\r\nhostname R1\r\n'))[0];
    assert.equal(crlf.banner?.body, '\nHello\n');
    assert.equal(crlf.raw, 'banner motd ^C\nHello\n^C');
  });

  it('leaves a `banner` line with no delimiter as an ordinary line', () => {
    const parsed = parse('banner motd\nhostname R1\n');
    assert.equal(parsed.root.children[0].kind, 'line');
    assert.equal(parsed.root.children[0].text, 'banner motd');
  });

  it('flags an unterminated banner and parses the rest of the file', () => {
    const parsed = parse(
      'hostname R1\nbanner motd ^C\nKeep out.\n! still banner text\nReally.\n!\n!\nline con 0\n exec-timeout 5 0\nend\n',
    );
    const [banner] = banners(parsed);
    assert.equal(banner.banner?.terminated, false);
    assert.equal(banner.banner?.body, '\nKeep out.\n! still banner text\nReally.');
    assert.equal(banner.lastLine, 4);
    assert.deepEqual(
      parsed.root.children.map((n) => n.kind),
      ['line', 'banner', 'line'],
    );
    assert.equal(parsed.root.children[2].children[0].text, 'exec-timeout 5 0');
    assert.deepEqual(
      parsed.findings.map((f) => [f.code, f.severity, f.range.startLine, f.range.endLine]),
      [['unterminated-banner', 'error', 1, 4]],
    );
    assert.deepEqual(
      parsed.trivia.map((t) => [t.line, t.lastLine]),
      [
        [5, 6],
        [9, 9],
      ],
    );
  });

  it('runs to the end of the file when nothing after an unterminated banner looks like configuration', () => {
    const parsed = parse('banner motd %\nhello\nworld\n');
    assert.equal(banners(parsed)[0].banner?.body, '\nhello\nworld');
    assert.equal(parsed.nodeCount, 1);
  });

  it('pairs banners that share a delimiter, as a device would', () => {
    const parsed = parse('banner motd ^C\nnever closed\n'.repeat(4));
    // The second banner's `^C` closes the first: its opening line is body text.
    assert.deepEqual(
      banners(parsed).map((b) => [b.line, b.lastLine]),
      [
        [0, 2],
        [4, 6],
      ],
    );
  });

  it('stays linear over thousands of never-closed banners', () => {
    const text = Array.from(
      { length: 20_000 },
      (_, i) => `banner motd ${String.fromCharCode(0x4e00 + i)}\nopen\n`,
    ).join('');
    const parsed = parse(text);
    assert.equal(banners(parsed).length, 20_000);
    assert.equal(parsed.findings.filter((f) => f.code === 'unterminated-banner').length, 200);
    assert.equal(parsed.findings.at(-1)?.code, 'too-many-findings');
  });
});
