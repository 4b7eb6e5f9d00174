import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../../server/src/protocol';

/**
 * The client for dist/server.js over IPC. Oxidized and RANCID backups often have no extension, so the
 * selector also covers files under running/ and intended/ folders whatever their language.
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
    outputChannel: log,
    traceOutputChannel: log,
  };
  return new LanguageClient('netremediate', 'NetRemediate', serverOptions, clientOptions);
}
