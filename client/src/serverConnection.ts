/**
 * The one way the UI talks to the language server. Requests wait for the server to answer (through a
 * restart too) and fail with ServerNotRunningError when it could not start; notification handlers are
 * kept by the language client across restarts; `onDidStart` fires each time a server has started and
 * answered, so the job model reloads what the new server knows.
 */
import * as vscode from 'vscode';
import type { LanguageClient, NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';
import { ServerInfoRequest, type ServerInfo } from '../../server/src/protocol';

/** The server is not running (it did not start, or it stopped): the message says what to do. */
export class ServerNotRunningError extends Error {
  constructor(cause: unknown) {
    super(`the NetRemediate language server is not running (${errorText(cause)})`);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ServerConnection implements vscode.Disposable {
  private readonly startedEmitter = new vscode.EventEmitter<ServerInfo>();
  /** A server (re)started and answered: its jobs may differ from what the client holds. */
  readonly onDidStart = this.startedEmitter.event;
  private current: Promise<void>;
  private generationCounter = 0;

  constructor(
    readonly client: LanguageClient,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.current = this.start();
  }

  /** Resolves once the current server answers; rejects if it could not start. */
  get ready(): Promise<void> {
    return this.current;
  }

  /** Increases at each start: results fetched from an older server are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  async restart(): Promise<void> {
    this.log.info('Restarting the language server');
    this.current = (async () => {
      // A client that failed to start is started afresh; a running one is stopped first.
      if (this.client.isRunning()) await this.client.stop();
      await this.start();
    })();
    await this.current;
  }

  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    await this.whenRunning();
    // The client's signature wraps P in a conditional type a generic P cannot satisfy: same value.
    return this.client.sendRequest<P, R, void>(type, params as never);
  }

  async request0<R>(type: RequestType0<R, void>): Promise<R> {
    await this.whenRunning();
    return this.client.sendRequest(type);
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
    return this.client.onNotification(type, handler);
  }

  dispose(): void {
    this.startedEmitter.dispose();
    void this.client.stop().catch(() => undefined);
  }

  private async whenRunning(): Promise<void> {
    try {
      await this.current;
    } catch (error) {
      throw new ServerNotRunningError(error);
    }
  }

  private async start(): Promise<void> {
    try {
      await this.client.start();
      const info = await this.client.sendRequest(ServerInfoRequest);
      this.generationCounter++;
      this.log.info(`Language server ${info.version} running (pid ${info.pid}, ${info.transport})`);
      this.startedEmitter.fire(info);
    } catch (error) {
      this.log.error(`The language server did not start: ${errorText(error)}`);
      throw error;
    }
  }
}
