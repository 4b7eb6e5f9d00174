import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, workspaceFile } from './support';

describe('NetRemediate in a real VS Code', () => {
  it('activates when a .ios file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    const doc = await vscode.workspace.openTextDocument(workspaceFile('branch-router.ios'));
    await vscode.window.showTextDocument(doc);
    // onLanguage activation is asynchronous: wait for it rather than activating it ourselves.
    for (let i = 0; i < 100 && !ext.isActive; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(ext.isActive, true, 'opening a cisco-ios document activated the extension');
    console.log(`[netremediate test] VS Code ${vscode.version}, remote ${vscode.env.remoteName ?? 'none'}`);
  });

  it('starts the language server, which answers over IPC', async () => {
    const api = await extensionApi();
    await api.ready;
    const info = await api.serverInfo();
    assert.equal(info.transport, 'ipc');
    assert.deepEqual(info.platforms, ['cisco_ios', 'cisco_nxos']);
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.ok(info.pid > 0 && info.pid !== process.pid, 'the server is a process of its own');
  });

  it('gives each platform its language, by extension and by the header devices print', async () => {
    const cases: [string[], string][] = [
      [['branch-router.ios'], 'cisco-ios'],
      [['leaf-101.nxos'], 'cisco-nxos'],
      [['backups', 'edge-sw1'], 'cisco-ios'],
      [['backups', 'leaf-102'], 'cisco-nxos'],
    ];
    for (const [file, languageId] of cases) {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(...file));
      assert.equal(doc.languageId, languageId, `${file.join('/')} opens as ${languageId}`);
    }
  });

  it('contributes the NetRemediate activity bar container with its Jobs view', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(
      commands.includes('workbench.view.extension.netremediate'),
      'the container registered its view command',
    );
    assert.ok(commands.includes('netremediate.jobs.focus'), 'the Jobs view is registered');
    await vscode.commands.executeCommand('workbench.view.extension.netremediate');
  });

  it('restarts the server with netremediate.restartServer', async () => {
    const api = await extensionApi();
    const before = await api.serverInfo();
    await vscode.commands.executeCommand('netremediate.restartServer');
    await api.ready;
    const after = await api.serverInfo();
    assert.notEqual(after.pid, before.pid, 'a new server process answers after the restart');
  });
});
