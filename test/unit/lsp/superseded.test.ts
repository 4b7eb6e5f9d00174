import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { generateIosConfig } from '../../support/generateIosConfig';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  changeDocument,
  messageOf,
  openDocument,
  publishedDiagnostics,
  serverLogs,
  VSCODE_LIKE_CAPABILITIES,
  waitForDiagnostics,
} from '../../support/lspDocuments';
import { REPO_ROOT } from '../../support/paths';

/** Typing `x` at the end of line 3 (a `!` comment line of the generated configuration). */
const keystroke = (character: number) => [
  { range: { start: { line: 3, character }, end: { line: 3, character } }, text: 'x' },
];

describe('newer versions supersede older work (typing in a 40,000-line file)', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  it('parses and publishes only the version the editor holds once typing pauses', async () => {
    const uri = 'file:///typing/generated.ios';
    await openDocument(session, uri, generateIosConfig(5000));
    await waitForDiagnostics(session, uri, (p) => p.version === 1);
    for (let version = 2; version <= 11; version++)
      await changeDocument(session, uri, version, keystroke(version - 1));
    const last = await waitForDiagnostics(session, uri, (p) => p.version === 11);
    assert.deepEqual(last.diagnostics.map(messageOf), [
      'The access list `NOC-IN` is defined but never used in this configuration.',
      'The access list `EDGE-FILTER-IN` is defined but never used in this configuration.',
    ]);
    assert.deepEqual(
      publishedDiagnostics(session, uri).map((p) => p.version),
      [1, 11],
      'versions 2-10 were superseded before their diagnostics were computed',
    );
    const parsed = serverLogs(session)
      .filter((m) => m.startsWith(`parsed ${uri} `))
      .map((m) => /v(\d+)/.exec(m)![1]);
    assert.deepEqual(parsed, ['1', '11'], 'no parse work was ever started for an old version');
  });

  it('answers requests from the current text after incremental edits', async () => {
    const uri = 'file:///typing/small.ios';
    const text = 'hostname R1\n!\ninterface Loopback0\n ip address 10.0.0.1 255.255.255.255\n!\nend\n';
    await openDocument(session, uri, text);
    await changeDocument(session, uri, 2, [
      {
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
        text: 'interface Loopback1\n description new\n',
      },
    ]);
    await changeDocument(session, uri, 3, [
      { range: { start: { line: 2, character: 18 }, end: { line: 2, character: 18 } }, text: '0' },
    ]);
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.range.start.line]),
      [
        ['interface Loopback00', undefined, 2],
        ['interface Loopback1', 'new', 4],
      ],
    );
    const published = await waitForDiagnostics(session, uri, (p) => p.version === 3);
    assert.deepEqual(published.diagnostics, []);
  });
});
