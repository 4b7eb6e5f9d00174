/** Inline review within a scope: the manifest's `scope`, else the `netremediate.scope` setting. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { InlineReviewRequest } from '../../../server/src/protocol';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { fileUri, openDocument, VSCODE_LIKE_CAPABILITIES } from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

/** The partial template of test/fixtures/scope, whose manifest manages ntp, snmp and logging. */
const scopedUri = fileUri(fixturePath('scope', 'intended', 'br-rtr-11.cfg'));
const scopedText = readFixture('scope', 'intended', 'br-rtr-11.cfg');
/** A device of the convention folder test/fixtures/workspace (no manifest: the setting applies). */
const workspaceUri = fileUri(fixturePath('workspace', 'intended', 'edge-rtr-01.cfg'));
const workspaceText = readFixture('workspace', 'intended', 'edge-rtr-01.cfg');

function lensTable(lenses: CodeLens[] | null, source: string): string[] {
  const lines = source.split('\n');
  return (lenses ?? []).map((l) => `${lines[l.range.start.line].trimEnd()} → ${l.command?.title}`);
}

async function lensesOf(session: LspSession, uri: string): Promise<CodeLens[] | null> {
  return session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
}

async function session(scope: unknown): Promise<LspSession> {
  const started = await startLspSession(REPO_ROOT, {
    capabilities: VSCODE_LIKE_CAPABILITIES,
    settings: { netremediate: { scope } },
  });
  await openDocument(started, scopedUri, scopedText);
  await openDocument(started, workspaceUri, workspaceText);
  return started;
}

describe('inline review within a scope', () => {
  let open: LspSession | undefined;
  after(async () => {
    await open?.close();
  });

  it('a partial template gets lenses for its own sections only; the rest of the device is not removed', async () => {
    open = await session({ manage: { features: ['ntp'] } });
    assert.deepEqual(lensTable(await lensesOf(open, scopedUri), scopedText), [
      '! Rendered from templates/baseline/ntp-snmp-logging.j2 for BR-RTR-11. → 5 commands removing what this config drops · Review',
      'service timestamps log datetime msec localtime → 1 command · Review',
      'logging buffered 64000 → 1 command · Review',
      'logging console warnings → 1 command · Review',
      'logging host 10.9.0.41 → 1 command · Review',
      'snmp-server community fleet-ro RO SNMP-RO → 1 command · Review',
      'snmp-server enable traps config → 1 command · Review',
      'ntp server 10.9.0.3 → 1 command · Review',
    ]);
    const review = await open.connection.sendRequest(InlineReviewRequest, { uri: scopedUri });
    assert.ok(review);
    assert.match(review.running, /^router bgp 65011$/m, 'the left side is the whole device');
    assert.match(review.predicted, /^router bgp 65011$/m, 'so is the right side');
    assert.match(review.predicted, /^ntp server 10\.9\.0\.3$/m);
    assert.doesNotMatch(review.remediation, /hostname|router|interface/);
  });

  it('the setting’s scope applies where no manifest has one (the manifest’s wins above)', async () => {
    assert.ok(open !== undefined);
    // Unscoped, this device has lenses on an interface, an ACL, logging and ntp (inlineReview.test.ts).
    assert.deepEqual(lensTable(await lensesOf(open, workspaceUri), workspaceText), [
      'version 17.6 → 1 command removing what this config drops · Review',
      'ntp server 10.0.6.1 → 1 command · Review',
    ]);
  });

  it('an invalid setting scope: no lenses and no review rather than a script for another scope', async () => {
    await open?.close();
    open = await session({ manage: { features: 'ntp' } });
    assert.deepEqual(await lensesOf(open, workspaceUri), []);
    assert.equal(await open.connection.sendRequest(InlineReviewRequest, { uri: workspaceUri }), null);
    // The folder with its own scope in its manifest does not use the setting: still reviewed.
    assert.equal((await lensesOf(open, scopedUri))?.length, 8);
  });
});
