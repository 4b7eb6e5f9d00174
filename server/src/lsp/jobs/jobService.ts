import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Platform } from '../../engine';
import { JobManager } from '../../jobs';
import { platformForLanguage, type InitializationOptions } from '../../protocol';
import type { SettingsSource } from '../settings';

/**
 * Owns the job manager of this server: opened on the first job request (so a server that only
 * highlights never starts threads or touches the store), with the settings of that moment and the
 * storage folder the client passed. Also turns the open documents into what a job reads: their texts
 * win over the files on disk, and their language ids say their platform.
 */
export class JobService {
  private manager: Promise<JobManager> | undefined;
  private storagePath: string | undefined;
  private readonly openedListeners: ((manager: JobManager) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsSource,
  ) {}

  initialize(options: InitializationOptions | undefined): void {
    this.storagePath = options?.storagePath;
  }

  /** Where jobs are kept: the extension's storage folder, else (other editors) a folder in the home dir. */
  storeDir(): string {
    return path.join(this.storagePath ?? path.join(os.homedir(), '.netremediate'), 'jobs');
  }

  /** Called once when the manager opens (notifications hook in here). */
  onOpened(listener: (manager: JobManager) => void): void {
    this.openedListeners.push(listener);
  }

  /** The manager, opened on first use; jobs found running in the store come back `interrupted`. */
  get(): Promise<JobManager> {
    this.manager ??= this.open();
    return this.manager;
  }

  /** The manager if it is open already (status requests should not open it). */
  async ifOpen(): Promise<JobManager | undefined> {
    return this.manager === undefined ? undefined : this.manager;
  }

  private async open(): Promise<JobManager> {
    await this.settings.ready;
    const settings = this.settings.get();
    const manager = await JobManager.open({
      storeDir: this.storeDir(),
      // dist/server.js and dist/taskWorker.js are bundled side by side.
      workerScript: path.join(__dirname, 'taskWorker.js'),
      maxWorkers: settings.maxWorkers > 0 ? settings.maxWorkers : undefined,
      deviceTimeoutMs: settings.deviceTimeoutMs,
      jobHistoryLimit: settings.jobHistoryLimit,
      defaultPlatform: settings.defaultPlatform,
      userRules: settings.rules,
      features: settings.features,
      scope: settings.scope,
      discovery: { runningGlob: settings.runningGlob, intendedGlob: settings.intendedGlob },
      onWarning: (message) => this.connection.console.warn(`jobs: ${message}`),
    });
    this.connection.console.info(`Job store ${this.storeDir()}, ${manager.maxWorkers} worker(s)`);
    for (const listener of this.openedListeners) listener(manager);
    return manager;
  }

  /** Open file documents: path → text (their unsaved contents win over disk) and path → platform. */
  openDocuments(): { unsaved: Map<string, string>; platformHints: Map<string, Platform> } {
    const unsaved = new Map<string, string>();
    const platformHints = new Map<string, Platform>();
    for (const doc of this.documents.all()) {
      if (!doc.uri.startsWith('file:')) continue;
      const file = fileURLToPath(doc.uri);
      unsaved.set(file, doc.getText());
      const platform = platformForLanguage(doc.languageId);
      if (platform) platformHints.set(file, platform);
    }
    return { unsaved, platformHints };
  }

  async close(): Promise<void> {
    if (this.manager) await (await this.manager).close();
  }
}
