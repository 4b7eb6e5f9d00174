import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, workspaceFile } from './support';

async function openFixture(...parts: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...parts));
  await vscode.window.showTextDocument(document);
  return document;
}

function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text === text) return line;
  throw new Error(`no line \`${text}\` in ${document.uri.path}`);
}

/** Resolves with the document's diagnostics once `accept` holds: on a real change event, never a sleep. */
function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

describe('NetRemediate editor features in a real VS Code', () => {
  before(async () => {
    const api = await extensionApi();
    await api.ready;
  });

  it('shows the outline of a configuration (documentSymbol)', async () => {
    const document = await openFixture('branch-router.ios');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.ok(symbols && symbols.length > 0, 'the outline has symbols');
    const wan = symbols.find((s) => s.name === 'interface GigabitEthernet0/0/0');
    assert.ok(wan, symbols.map((s) => s.name).join(', '));
    assert.equal(wan.kind, vscode.SymbolKind.Interface);
    assert.equal(wan.detail, 'WAN uplink to ISP-A (circuit 4411-220)');
    assert.equal(wan.selectionRange.start.line, lineOf(document, 'interface GigabitEthernet0/0/0'));
    const bgp = symbols.find((s) => s.name === 'router bgp 65011');
    assert.equal(bgp?.kind, vscode.SymbolKind.Module);
    assert.deepEqual(
      bgp?.children.map((c) => c.name),
      ['address-family ipv4'],
    );
    assert.ok(
      !symbols.some((s) => s.name.startsWith('hostname')),
      'top-level commands that are not sections are not in the outline',
    );
  });

  it('folds sections and the banner (foldingRange)', async () => {
    const document = await openFixture('branch-router.ios');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    const banner = lineOf(document, 'banner motd ^C');
    assert.ok(
      ranges.some((r) => r.start === banner && r.end === banner + 5),
      'the banner folds from its first to its closing line',
    );
    const interfaceLine = lineOf(document, 'interface GigabitEthernet0/0/0');
    assert.ok(ranges.some((r) => r.start === interfaceLine && r.end === interfaceLine + 4));
  });

  it('reports what is wrong in a broken file (diagnostics)', async () => {
    const document = await openFixture('broken.ios');
    const diagnostics = await diagnosticsWhen(document.uri, (d) =>
      d.some((x) => x.code === 'unterminated-banner'),
    );
    const banner = diagnostics.find((d) => d.code === 'unterminated-banner')!;
    assert.equal(banner.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(banner.source, 'netremediate');
    assert.equal(banner.range.start.line, lineOf(document, 'banner motd ^C'));
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-line');
    assert.ok(duplicate, 'the repeated `no shutdown` is flagged');
    assert.equal(
      duplicate.relatedInformation?.[0].location.range.start.line,
      lineOf(document, ' no shutdown'),
    );
    const undefinedAcl = diagnostics.find((d) => d.code === 'undefined-object');
    assert.match(String(undefinedAcl?.message), /`NOT-DEFINED` is not defined/);
  });

  it('goes from `ip access-group WAN-IN in` to its access list (definition)', async () => {
    const document = await openFixture('branch-router.ios');
    const line = lineOf(document, ' ip access-group WAN-IN in');
    const position = new vscode.Position(line, ' ip access-group WAN'.length);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    assert.equal(targets.length, 1);
    const target = targets[0];
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(uri.toString(), document.uri.toString());
    assert.equal(range.start.line, lineOf(document, 'ip access-list extended WAN-IN'));
    assert.equal(document.getText(range), 'WAN-IN');
  });

  it('shows the section path and the object on hover', async () => {
    const document = await openFixture('branch-router.ios');
    const line = lineOf(document, ' ip access-group WAN-IN in');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(line, ' ip access-group WAN'.length),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /interface GigabitEthernet0\/0\/0\n ip access-group WAN-IN in/);
    assert.match(text, /access list `WAN-IN`: defined at line \d+ · 1 reference/);
  });

  it('gives a .cfg config under intended/ its platform language, from its content', async () => {
    const uri = workspaceFile('intended', 'edge-rtr-01.cfg');
    const switched = new Promise<vscode.TextDocument>((resolve) => {
      const check = (document: vscode.TextDocument): void => {
        if (document.uri.toString() !== uri.toString() || document.languageId !== 'cisco-ios') return;
        subscription.dispose();
        resolve(document);
      };
      const subscription = vscode.workspace.onDidOpenTextDocument(check);
      vscode.workspace.textDocuments.forEach(check);
    });
    const opened = await openFixture('intended', 'edge-rtr-01.cfg');
    assert.notEqual(opened.languageId, 'cisco-nxos');
    assert.equal((await switched).languageId, 'cisco-ios');
  });

  it('reviews an intended config inline: a Review lens per changed section opens the diff at it', async () => {
    const document = await openFixture('intended', 'edge-rtr-01.cfg');
    assert.equal(document.languageId, 'cisco-ios');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const table = lenses.map((l) => `${document.lineAt(l.range.start.line).text} → ${l.command?.title}`);
    assert.deepEqual(table, [
      'version 17.6 → 2 commands removing what this config drops · Review',
      'interface GigabitEthernet0/0/0 → 2 commands · Review',
      'ip access-list extended WAN-IN → 2 commands · Review',
      'logging host 10.0.5.21 → 1 command · Review',
      'ntp server 10.0.6.1 → 1 command · Review',
    ]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(lineOf(document, ' 25 permit icmp any any packet-too-big'), 3),
    );
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(hoverText, /Remediation of this section: 2 commands/);
    assert.match(hoverText, /ip access-list extended WAN-IN\n 25 permit icmp any any packet-too-big/);

    const lens = lenses[2];
    assert.ok(lens.command);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
    assert.equal(tab.label, 'edge-rtr-01: running ↔ after remediation (8 commands, not yet run)');
    const right = await vscode.workspace.openTextDocument(tab.input.modified);
    assert.equal(right.languageId, 'cisco-ios');
    assert.ok(right.getText().split('\n').includes(' 25 permit icmp any any packet-too-big'));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), right.uri.toString());
    assert.equal(
      editor?.document.lineAt(editor.selection.active.line).text,
      'ip access-list extended WAN-IN',
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
