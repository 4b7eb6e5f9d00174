import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NetRemediateApi } from '../../client/src/extension';

export const EXTENSION_ID = 'netremediate.netremediate';

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** The extension's API once it is active; activation itself is what the caller triggers. */
export async function extensionApi(): Promise<NetRemediateApi> {
  const ext = vscode.extensions.getExtension<NetRemediateApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}
