/**
 * Extension entry: starts the language server and wires the commands. UI only: everything that
 * parses or computes lives in the server, reached through server/src/protocol.
 */
import * as vscode from 'vscode';
import { ServerInfoRequest, type ServerInfo } from '../../server/src/protocol';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';

/** What activate() returns: tests and other extensions await `ready` before they talk to the server. */
export interface NetRemediateApi {
  /** Resolves once the language server has started and answered; rejects if it could not start. */
  readonly ready: Promise<void>;
  /** Asks the running server who it is (version, pid, transport). */
  serverInfo(): Promise<ServerInfo>;
  /** Restarts the server; `ready` of the returned promise's value is the new server's. */
  restartServer(): Promise<void>;
}

export interface ExtensionContextState {
  readonly log: vscode.LogOutputChannel;
  client: ReturnType<typeof createLanguageClient>;
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): NetRemediateApi {
  const log = vscode.window.createOutputChannel('NetRemediate', { log: true });
  context.subscriptions.push(log);

  const client = createLanguageClient(context, log);
  const state: ExtensionContextState = { log, client, ready: startClient(client, log) };

  const restartServer = async (): Promise<void> => {
    log.info('Restarting the language server');
    // restart() stops and starts the same client; a client that failed to start is started afresh.
    state.ready = state.client.isRunning() ? state.client.restart() : startClient(state.client, log);
    await state.ready;
  };
  registerCommands(context, state, { restartServer });

  context.subscriptions.push({ dispose: () => void state.client.stop() });

  return {
    get ready() {
      return state.ready;
    },
    serverInfo: async () => {
      await state.ready;
      return state.client.sendRequest(ServerInfoRequest);
    },
    restartServer,
  };
}

async function startClient(
  client: ExtensionContextState['client'],
  log: vscode.LogOutputChannel,
): Promise<void> {
  try {
    await client.start();
    const info = await client.sendRequest(ServerInfoRequest);
    log.info(`Language server ${info.version} running (pid ${info.pid}, ${info.transport})`);
  } catch (error) {
    log.error(`The language server did not start: ${String(error)}`);
    throw error;
  }
}

export function deactivate(): void {
  // The client is stopped by its subscription in activate().
}
