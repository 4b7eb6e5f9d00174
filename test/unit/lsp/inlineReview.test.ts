import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeLensRefreshRequest,
  CodeLensRequest,
  HoverRequest,
  type CodeLens,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import {
  DocumentPlatformRequest,
  InlineReviewRequest,
  WorkspaceTrustNotification,
} from '../../../server/src/protocol';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  changeDocument,
  fileUri,
  openDocument,
  positionOf,
  VSCODE_LIKE_CAPABILITIES,
} from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

const intendedPath = fixturePath('workspace', 'intended', 'edge-rtr-01.cfg');
const runningPath = fixturePath('workspace', 'running', 'edge-rtr-01.cfg');
const uri = fileUri(intendedPath);
const text = readFixture('workspace', 'intended', 'edge-rtr-01.cfg');
const CAPABILITIES = {
  ...VSCODE_LIKE_CAPABILITIES,
  workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, codeLens: { refreshSupport: true } },
};

function lensTable(lenses: CodeLens[] | null, source = text): string[] {
  const lines = source.split('\n');
  return (lenses ?? []).map((l) => `${lines[l.range.start.line].trimEnd()} → ${l.command?.title}`);
}

async function lenses(session: LspSession, at = uri): Promise<CodeLens[] | null> {
  return session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: at } });
}

describe('inline review over LSP: lenses and hovers in an intended config whose running config is known', () => {
  let session: LspSession;
  let refreshes = 0;

  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: CAPABILITIES });
    session.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes++;
    });
    await openDocument(session, uri, text);
  });
  after(async () => {
    await session.close();
  });

  it('puts a lens on each changed top-level section, and one for what the config drops', async () => {
    assert.deepEqual(lensTable(await lenses(session)), [
      'version 17.6 → 2 commands removing what this config drops · Review',
      'interface GigabitEthernet0/0/0 → 2 commands · Review',
      'ip access-list extended WAN-IN → 2 commands · Review',
      'logging host 10.0.5.21 → 1 command · Review',
      'ntp server 10.0.6.1 → 1 command · Review',
    ]);
    const first = (await lenses(session))?.[1];
    assert.equal(first?.command?.command, 'netremediate.reviewSection');
    assert.deepEqual(first?.command?.arguments, [
      uri,
      positionOf(text, 'interface GigabitEthernet0/0/0').line,
    ]);
  });

  it("shows the section's remediation in the hover of any of its lines", async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'ip access-group WAN-IN in', 0, 3),
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(
      value,
      /\*\*Remediation of this section: 2 commands\*\*\n\n```cisco-ios\ninterface GigabitEthernet0\/0\/0\n description WAN uplink to ISP-A \(circuit 4411-220\)\n exit\n```$/,
    );
    const unchanged = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'description LAN core', 0, 3),
    });
    assert.doesNotMatch((unchanged?.contents as MarkupContent).value, /Remediation/);
  });

  it('follows the edits of both configs, including an unsaved running config', async () => {
    const edited = text.replace('ntp server 10.0.6.1\n', 'ntp server 10.0.6.1\nntp server 10.0.7.1\n');
    await changeDocument(session, uri, 2, [{ text: edited }]);
    assert.ok(lensTable(await lenses(session), edited).includes('ntp server 10.0.7.1 → 1 command · Review'));

    const running = readFixture('workspace', 'running', 'edge-rtr-01.cfg');
    const before = refreshes;
    await openDocument(session, fileUri(runningPath), running.replace('logging host 10.0.5.20\n', ''));
    await changeDocument(session, fileUri(runningPath), 2, [
      { text: running.replace('logging host 10.0.5.20\n', '') },
    ]);
    const table = lensTable(await lenses(session), edited);
    assert.equal(table[0], 'version 17.6 → 1 command removing what this config drops · Review');
    const deadline = Date.now() + 5_000;
    while (refreshes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(refreshes > before, 'an edit of the running config asks the client for fresh lenses');
    await changeDocument(session, uri, 3, [{ text }]);
  });

  it('drops a lens request that a newer edit cancels, before computing', async () => {
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest(
      CodeLensRequest.type,
      { textDocument: { uri } },
      source.token,
    );
    source.cancel();
    const result = await pending.catch((error: Error) => error);
    assert.ok(
      result === null || result instanceof Error,
      `a cancelled request gives no lenses (${String(result)})`,
    );
  });

  it("gives the device's review documents, both sides rendered from trees", async () => {
    const review = await session.connection.sendRequest(InlineReviewRequest, { uri });
    assert.ok(review);
    assert.equal(review.device_id, 'edge-rtr-01');
    assert.equal(review.platform, 'cisco_ios');
    assert.equal(review.running_uri, fileUri(runningPath));
    assert.doesNotMatch(review.running, /^(Building configuration|!)/m);
    assert.match(review.predicted, /^ntp server 10\.0\.6\.1$/m);
    assert.doesNotMatch(review.predicted, /^ntp server 10\.0\.5\.2$/m);
    assert.match(review.remediation, /^no ntp server 10\.0\.5\.2$/m);
  });

  it('says which platform a config served by folder reads as (the client then sets its language)', async () => {
    const other = fileUri(fixturePath('workspace', 'intended', 'core-sw-02.cfg'));
    await openDocument(session, other, readFixture('workspace', 'intended', 'core-sw-02.cfg'), 'properties');
    assert.deepEqual(await session.connection.sendRequest(DocumentPlatformRequest, { uri: other }), {
      platform: 'cisco_ios',
      source: 'content',
    });
    assert.deepEqual(await session.connection.sendRequest(DocumentPlatformRequest, { uri }), {
      platform: 'cisco_ios',
      source: 'language',
    });
    assert.equal(
      await session.connection.sendRequest(DocumentPlatformRequest, { uri: 'file:///not/open.cfg' }),
      null,
    );
  });

  it('has no lens or review for a config that is not an intended config', async () => {
    const other = fileUri(fixturePath('workspace', 'qos-edge.ios'));
    await openDocument(session, other, readFixture('workspace', 'qos-edge.ios'));
    assert.deepEqual(await lenses(session, other), []);
    assert.equal(await session.connection.sendRequest(InlineReviewRequest, { uri: other }), null);
  });
});

describe('inline review in an untrusted workspace', () => {
  let session: LspSession;
  let refreshes = 0;
  before(async () => {
    session = await startLspSession(REPO_ROOT, {
      capabilities: CAPABILITIES,
      initializationOptions: { workspaceTrusted: false },
    });
    session.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes++;
    });
    await openDocument(session, uri, text);
  });
  after(async () => {
    await session.close();
  });

  it('waits for trust: no lenses, no review, then both once the client says the workspace is trusted', async () => {
    assert.deepEqual(await lenses(session), []);
    assert.equal(await session.connection.sendRequest(InlineReviewRequest, { uri }), null);
    await session.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
    const deadline = Date.now() + 5_000;
    while (refreshes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(refreshes, 1, 'the server asks for fresh lenses');
    assert.equal((await lenses(session))?.length, 5);
  });
});
