import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  FoldingRangeKind,
  FoldingRangeRequest,
  type FoldingRange,
} from 'vscode-languageserver-protocol/node';
import { generateIosConfig } from '../../support/generateIosConfig';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { fileUri, lineOf, openDocument, VSCODE_LIKE_CAPABILITIES } from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

async function foldsOf(
  session: LspSession,
  uri: string,
  text: string,
  languageId = 'cisco-ios',
): Promise<FoldingRange[]> {
  await openDocument(session, uri, text, languageId);
  return (await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
}

function has(folds: readonly FoldingRange[], startLine: number, endLine: number, kind?: string): boolean {
  return folds.some((f) => f.startLine === startLine && f.endLine === endLine && f.kind === kind);
}

describe('foldingRange over LSP', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  it('folds sections, nested sections with their exit line, banners and comment blocks', async () => {
    const text = readFixture('workspace', 'qos-edge.ios');
    const folds = await foldsOf(session, fileUri(fixturePath('workspace', 'qos-edge.ios')), text);
    const bgp = lineOf(text, 'router bgp 65010');
    const vrfFamily = lineOf(text, ' address-family ipv4 vrf CUST-B');
    const lastExit = text.split('\n').lastIndexOf(' exit-address-family');
    assert.ok(has(folds, bgp, lastExit), 'router bgp folds down to its last exit-address-family');
    assert.ok(has(folds, vrfFamily, lastExit), 'an address family folds with its exit-address-family');
    const policy = lineOf(text, 'policy-map CHILD-OUT');
    assert.ok(has(folds, policy, lineOf(text, '  fair-queue')));
    assert.ok(has(folds, lineOf(text, ' class VOICE'), lineOf(text, '  priority percent 20')));
    assert.ok(
      has(folds, lineOf(text, 'banner login ^C'), lineOf(text, 'banner login ^C') + 2),
      'the banner, delimiters included',
    );
    assert.ok(has(folds, 2, 5, FoldingRangeKind.Comment), 'the header and change-log comments');
    assert.ok(
      !folds.some((f) => f.startLine === lineOf(text, 'hostname qos-edge-01')),
      'no fold for a single line',
    );
    for (const fold of folds) assert.ok(fold.endLine > fold.startLine, JSON.stringify(fold));
    const sorted = [...folds].sort((a, b) => a.startLine - b.startLine);
    assert.deepEqual(
      folds.map((f) => f.startLine),
      sorted.map((f) => f.startLine),
      'in line order',
    );
  });

  it('folds a certificate and its chain', async () => {
    const text = readFixture('configs', 'ios-switch.cfg');
    const folds = await foldsOf(session, fileUri(fixturePath('configs', 'ios-switch.cfg')), text);
    const certificate = lineOf(text, ' certificate self-signed 01');
    const quit = lineOf(text, '  \tquit');
    assert.ok(has(folds, certificate, quit));
    assert.ok(has(folds, lineOf(text, 'crypto pki certificate chain TP-self-signed-1234567890'), quit));
  });

  it('leaves bare `!` separator pairs alone', async () => {
    const text = 'hostname A\n!\n!\ninterface Lo0\n ip address 10.0.0.1 255.255.255.255\n!\n!\nend\n';
    const folds = await foldsOf(session, 'file:///fold/separators.ios', text);
    assert.deepEqual(folds, [{ startLine: 3, endLine: 4 }]);
  });

  it("drops the innermost folds first to stay within the client's rangeLimit", async () => {
    const text = generateIosConfig(50);
    const all = await foldsOf(session, 'file:///fold/generated.ios', text);
    const nested = lineOf(text, ' address-family ipv4');
    assert.ok(all.some((f) => f.startLine === nested));
    const limited = await startLspSession(REPO_ROOT, {
      capabilities: { textDocument: { foldingRange: { rangeLimit: all.length - 1 } } },
    });
    try {
      const folds = await foldsOf(limited, 'file:///fold/generated.ios', text);
      assert.equal(folds.length, all.length - 1);
      assert.ok(!folds.some((f) => f.startLine === nested), 'the one nested section is the one left out');
    } finally {
      await limited.close();
    }
  });
});
