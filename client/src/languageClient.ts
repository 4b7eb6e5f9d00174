import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_IDS, type InitializationOptions } from '../../server/src/protocol';

/**
 * The client for dist/server.js over IPC. Oxidized and RANCID backups often have no extension, so the
 * selector also covers files under running/ and intended/ folders whatever their language.
 *
 * Jobs are kept in the extension's storage for this workspace (falling back to the global storage in
 * a window without a folder): one store per workspace, so two windows never share a job journal, and
 * the Jobs view lists this workspace's jobs. The client shows job progress itself (a cancellable
 * notification and a status bar item), so it asks the server not to report jobs as work-done progress.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGE_IDS.map((language) => ({ language })),
      { scheme: 'file', pattern: '**/{running,intended}/**' },
    ],
    // A function: a restart sends the trust of that moment.
    initializationOptions: (): InitializationOptions => ({
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
      jobWorkDoneProgress: false,
      workspaceTrusted: vscode.workspace.isTrusted,
    }),
    outputChannel: log,
    traceOutputChannel: log,
  };
  return new LanguageClient('netremediate', 'NetRemediate', serverOptions, clientOptions);
}
