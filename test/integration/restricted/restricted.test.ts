import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, workspaceFile } from '../support';

/**
 * Restricted Mode (workspace trust on, folder not trusted): the extension runs with what is safe on
 * untrusted files — highlighting, outline, diagnostics, hovers — and everything that reads other files
 * of the workspace or writes into it (jobs, inline review, export) waits for trust.
 */
describe('NetRemediate in Restricted Mode (an untrusted workspace)', () => {
  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    await (
      await extensionApi()
    ).ready;
  });

  it('still gives the outline, diagnostics and hovers', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('branch-router.ios'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'cisco-ios');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.ok(
      symbols.some((s) => s.name === 'interface GigabitEthernet0/0/0'),
      'the outline works',
    );
    const broken = await vscode.workspace.openTextDocument(workspaceFile('broken.ios'));
    const diagnostics = await new Promise<vscode.Diagnostic[]>((resolve) => {
      const check = (): boolean => {
        const found = vscode.languages.getDiagnostics(broken.uri);
        if (found.length === 0) return false;
        subscription.dispose();
        resolve(found);
        return true;
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(() => check());
      check();
    });
    assert.ok(diagnostics.length > 0, 'diagnostics are published');
  });

  it('gives no inline review in an intended config: no Review lens, no remediation in the hover', async () => {
    const intended = await vscode.workspace.openTextDocument(workspaceFile('intended', 'edge-rtr-01.cfg'));
    await vscode.window.showTextDocument(intended);
    const line = intended.getText().split('\n').indexOf('ntp server 10.0.6.1');
    assert.ok(line > 0);
    // The hover is computed at once (no debounce): in a trusted workspace it carries the remediation.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      intended.uri,
      new vscode.Position(line, 2),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(text, /ntp server 10\.0\.6\.1/, 'the lineage hover works');
    assert.doesNotMatch(text, /Remediation of this section/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      intended.uri,
    );
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [],
    );
  });

  it('does not start a job: the command asks for trust instead', async () => {
    const api = await extensionApi();
    const before = api.jobs.model.jobs().length;
    // The trust warning is a non-modal notification: the command returns without waiting for it.
    const started = await Promise.race([
      vscode.commands.executeCommand('netremediate.runOnWorkspace'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    assert.ok(started === undefined || started === 'still waiting', `no job: ${JSON.stringify(started)}`);
    assert.equal(api.jobs.model.jobs().length, before, 'no job was created');
  });
});
