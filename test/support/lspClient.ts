import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  RegistrationRequest,
  type ClientCapabilities,
  type ProtocolConnection,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { DIST } from './paths';

export interface LspSession {
  connection: ProtocolConnection;
  server: ChildProcess;
  initializeResult: InitializeResult;
  /** Whatever the server wrote to stderr (stdout is the JSON-RPC stream). */
  stderr(): string;
  close(): Promise<void>;
}

export interface LspSessionOptions {
  /** What the client says it supports; none by default, as the simplest editors. */
  capabilities?: ClientCapabilities;
  /**
   * Settings by section (`{ netremediate: { maxFileSizeMB: 1 } }`): the client then declares
   * `workspace.configuration` and answers the server's workspace/configuration requests with them.
   */
  settings?: Record<string, unknown>;
  /** Sent as `initializationOptions` (e.g. `{ storagePath }` for the job store). */
  initializationOptions?: unknown;
}

/**
 * Starts dist/server.js as a real process over stdio, as editors other than VS Code do, and
 * initializes it. The caller must close() the session.
 */
export async function startLspSession(
  rootPath: string,
  options: LspSessionOptions = {},
): Promise<LspSession> {
  const server = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  const capabilities: ClientCapabilities = { ...options.capabilities };
  if (options.settings !== undefined) {
    const settings = options.settings;
    capabilities.workspace = { ...capabilities.workspace, configuration: true };
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === undefined ? settings : settings[item.section])),
    );
  }
  // Dynamic registrations (e.g. for didChangeConfiguration) are acknowledged and otherwise ignored.
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: `file://${rootPath}`,
    capabilities,
    workspaceFolders: [{ uri: `file://${rootPath}`, name: path.basename(rootPath) }],
    clientInfo: { name: 'netremediate-test-client' },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    server,
    initializeResult,
    stderr: () => stderr,
    async close() {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      if (server.exitCode === null) {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      }
      await exited;
      connection.dispose();
    },
  };
}
