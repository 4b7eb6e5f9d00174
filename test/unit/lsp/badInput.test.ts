import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  DefinitionRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { ServerInfoRequest } from '../../../server/src/protocol';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  changeDocument,
  codesOf,
  messageOf,
  openDocument,
  VSCODE_LIKE_CAPABILITIES,
  waitForDiagnostics,
} from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

/** Every text request a client sends on opening a document: none may fail, whatever the text. */
async function exercise(session: LspSession, uri: string): Promise<DocumentSymbol[]> {
  const textDocument = { uri };
  const position = { line: 0, character: 3 };
  const [symbols] = await Promise.all([
    session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
    session.connection.sendRequest(HoverRequest.type, { textDocument, position }),
    session.connection.sendRequest(DefinitionRequest.type, { textDocument, position }),
  ]);
  return (symbols ?? []) as DocumentSymbol[];
}

/** Lines nested ever deeper, then banners, certificates and exits where they make no sense. */
function unbalancedEverything(): string {
  const lines: string[] = [];
  for (let i = 0; i < 5000; i++) lines.push(`${' '.repeat(i)}interface Gi0/${i}`);
  lines.push(
    'exit-address-family',
    '  quit',
    'certificate self-signed 01',
    '  3082 30',
    'banner motd ^C',
    ' ^C ^C',
  );
  lines.push(
    'crypto pki certificate chain X',
    ' certificate ca 01',
    '  ABCD',
    ' !',
    'end',
    'end',
    '   }',
    '{',
  );
  lines.push('banner exec %', 'never closed', 'route-map', 'ip access-group', 'channel-group', 'interface');
  return lines.join('\n');
}

describe('bad input over LSP: the server never crashes or hangs', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    assert.equal(session.stderr(), '', 'nothing on stderr');
    await session.close();
  });

  const cases: [name: string, text: () => string, expectedCodes: string[]][] = [
    ['an empty file', () => '', []],
    [
      'a binary file',
      () => fs.readFileSync(fixturePath('configs', 'edge-binary.bin')).toString('latin1'),
      ['binary-content'],
    ],
    [
      'a 100,000-character line',
      () => `hostname LONG\ninterface Gi0/1\n description ${'x'.repeat(100_000)}\n`,
      ['line-too-long'],
    ],
    [
      'a 100,000-character section header',
      () => `interface ${'Gi'.repeat(50_000)}0/1\n shutdown\n`,
      ['line-too-long'],
    ],
    ['invalid UTF-8', () => readFixture('configs', 'edge-invalid-utf8.cfg'), ['invalid-utf8']],
    ['a file of comments only', () => readFixture('configs', 'edge-only-comments.cfg'), []],
    ['unbalanced everything', unbalancedEverything, ['unterminated-banner']],
  ];
  for (const [name, text, expectedCodes] of cases) {
    it(`survives ${name}`, async () => {
      const uri = `file:///bad-input/${name.replace(/\W+/g, '-')}.ios`;
      await openDocument(session, uri, text());
      const symbols = await exercise(session, uri);
      for (const symbol of symbols)
        assert.ok(symbol.name.length > 0 && symbol.name.length <= 120, 'names are cut');
      const { diagnostics } = await waitForDiagnostics(session, uri);
      for (const code of expectedCodes)
        assert.ok(codesOf(diagnostics).includes(code), `${code} in ${codesOf(diagnostics).join()}`);
      assert.ok(diagnostics.length <= 1000, 'diagnostics are capped');
    });
  }

  it('caps the lineage of a line 5,000 levels deep in its hover', async () => {
    const uri = 'file:///bad-input/staircase.ios';
    await openDocument(session, uri, unbalancedEverything());
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 4999, character: 4999 },
    });
    const value = (hover?.contents as { value: string }).value;
    assert.ok(value.split('\n').length < 30, value.slice(0, 300));
    assert.match(value, /more levels/);
  });

  it('does not parse a 50 MB file: one diagnostic, no features, and the server goes on answering', async () => {
    const uri = 'file:///bad-input/huge.ios';
    const block = 'interface GigabitEthernet0/1\n description a port\n no shutdown\n!\n';
    const text = block.repeat(Math.ceil((50 * 1024 * 1024) / block.length));
    await openDocument(session, uri, text);
    const { diagnostics } = await waitForDiagnostics(session, uri);
    assert.deepEqual(codesOf(diagnostics), ['file-too-large']);
    assert.match(
      messageOf(diagnostics[0]),
      /This file is 50 MB, over the 20 MB limit \(netremediate\.maxFileSizeMB\)/,
    );
    assert.deepEqual(await exercise(session, uri), []);
    await changeDocument(session, uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '!\n' },
    ]);
    const again = await waitForDiagnostics(session, uri, (p) => p.version === 2);
    assert.deepEqual(codesOf(again.diagnostics), ['file-too-large']);
    const info = await session.connection.sendRequest(ServerInfoRequest);
    assert.equal(info.pid, session.server.pid, 'the same server answers');
    const small = 'file:///bad-input/after-huge.ios';
    await openDocument(session, small, readFixture('configs', 'ios-router.cfg'));
    assert.ok((await exercise(session, small)).length > 10, 'and still parses other files');
  });
});
