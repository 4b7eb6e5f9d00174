import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startLspSession, type LspSession } from '../../support/lspClient';
import {
  codesOf,
  fileUri,
  openDocument,
  VSCODE_LIKE_CAPABILITIES,
  waitForDiagnostics,
} from '../../support/lspDocuments';
import { fixturePath, readFixture, REPO_ROOT } from '../../support/paths';

describe('quick fix over LSP: remove a duplicate line', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { capabilities: VSCODE_LIKE_CAPABILITIES });
  });
  after(async () => {
    await session.close();
  });

  async function fixesFor(
    uri: string,
    text: string,
  ): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    await openDocument(session, uri, text);
    const { diagnostics } = await waitForDiagnostics(session, uri);
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate-line');
    const actions: CodeAction[] = [];
    for (const diagnostic of duplicates) {
      const answer = await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      actions.push(...((answer ?? []) as CodeAction[]));
    }
    return { diagnostics: duplicates, actions };
  }

  function apply(text: string, actions: readonly CodeAction[]): string {
    const edits: TextEdit[] = actions.flatMap((a) =>
      (a.edit!.documentChanges as TextDocumentEdit[]).flatMap((c) => c.edits as TextEdit[]),
    );
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'cisco-ios', 1, text), edits);
  }

  it('offers one preferred fix per duplicate, and applying them all leaves no duplicate', async () => {
    const text = readFixture('configs', 'edge-duplicates.cfg');
    const uri = fileUri(fixturePath('configs', 'edge-duplicates.cfg'));
    const { diagnostics, actions } = await fixesFor(uri, text);
    assert.equal(actions.length, diagnostics.length);
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, true);
      assert.equal(action.diagnostics?.[0].code, 'duplicate-line');
      const [change] = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(
        change.textDocument,
        { uri, version: 1 },
        'the edit is for the version it was computed on',
      );
    }
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Remove duplicate section',
        'Remove duplicate certificate',
        'Remove duplicate line',
        'Remove duplicate line',
        'Remove duplicate section',
        'Remove duplicate section',
      ],
    );
    const fixed = apply(text, actions);
    assert.ok(!fixed.includes(' switchport mode access\n switchport mode access'));
    assert.equal(
      fixed.split(' exit-address-family').length - 1,
      1,
      'the duplicate address family goes with its exit line',
    );
    const uriFixed = 'file:///quickfix/fixed.cfg';
    await openDocument(session, uriFixed, fixed);
    const after = await waitForDiagnostics(session, uriFixed);
    assert.ok(!codesOf(after.diagnostics).includes('duplicate-line'), codesOf(after.diagnostics).join());
  });

  it('offers no fix for a duplicate section that holds commands of its own (the device merges them)', async () => {
    const text = 'interface Gi0/1\n description a\n!\ninterface Gi0/1\n description a\n shutdown\n';
    const { diagnostics, actions } = await fixesFor('file:///quickfix/merge.cfg', text);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(actions, []);
  });

  it('removes a duplicate last line of a file without a final line break', async () => {
    const text = 'logging buffered 64000\nlogging buffered 64000';
    const { actions } = await fixesFor('file:///quickfix/last-line.cfg', text);
    assert.equal(apply(text, actions), 'logging buffered 64000\n');
  });

  it('offers nothing when only other kinds of code action are asked for', async () => {
    const uri = 'file:///quickfix/only.cfg';
    await openDocument(session, uri, 'ntp server 1.1.1.1\nntp server 1.1.1.1\n');
    const { diagnostics } = await waitForDiagnostics(session, uri);
    const answer = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['refactor'] },
    });
    assert.deepEqual(answer, []);
  });
});
