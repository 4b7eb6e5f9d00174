import {
  DidChangeConfigurationNotification,
  type ClientCapabilities,
  type Connection,
} from 'vscode-languageserver/node';
import { PLATFORMS, type Platform } from '../engine';

/** The `netremediate.*` settings the editor features read. */
export interface EditorSettings {
  /** Platform of a document whose language id and content say nothing. */
  readonly defaultPlatform: Platform;
  /** Documents above this size are not parsed: one diagnostic says so instead of features. */
  readonly maxFileSizeMB: number;
  /** Worker threads for jobs; 0: cores − 1 (at least 1). Read when the job manager opens. */
  readonly maxWorkers: number;
  /** A device taking longer fails alone; 0: no limit. */
  readonly deviceTimeoutMs: number;
  readonly jobHistoryLimit: number;
  /** `netremediate.rules` as the user wrote it; the engine validates it. */
  readonly rules: unknown;
  /**
   * `netremediate.features` as the user wrote it: compliance feature overrides per platform, under each
   * folder's manifest `features` (validated when the job manager opens; invalid entries left out).
   */
  readonly features: unknown;
  /**
   * `netremediate.scope` as the user wrote it: what devices manage and ignore (engine/scope), unless their
   * folder's manifest has a `scope`. Validated where it is used; invalid, no job or inline review runs.
   */
  readonly scope: unknown;
  /** The running/ + intended/ convention's globs, relative to a workspace folder. */
  readonly runningGlob: string;
  readonly intendedGlob: string;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  defaultPlatform: 'cisco_ios',
  maxFileSizeMB: 20,
  maxWorkers: 0,
  deviceTimeoutMs: 60_000,
  jobHistoryLimit: 50,
  rules: undefined,
  features: undefined,
  scope: undefined,
  runningGlob: 'running/**/*',
  intendedGlob: 'intended/**/*',
};

function glob(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim().length > 0 && !value.includes('..')
    ? value.trim()
    : fallback;
}

function wholeNumber(value: unknown, min: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : fallback;
}

const SECTION = 'netremediate';

/** Settings from whatever the client sent, each invalid or missing value replaced by its default. */
export function settingsFrom(section: unknown): EditorSettings {
  const values = (typeof section === 'object' && section !== null ? section : {}) as Record<string, unknown>;
  const platform = values.defaultPlatform;
  const maxSize = values.maxFileSizeMB;
  return {
    defaultPlatform: PLATFORMS.includes(platform as Platform)
      ? (platform as Platform)
      : DEFAULT_SETTINGS.defaultPlatform,
    maxFileSizeMB:
      typeof maxSize === 'number' && Number.isFinite(maxSize) && maxSize > 0
        ? maxSize
        : DEFAULT_SETTINGS.maxFileSizeMB,
    maxWorkers: wholeNumber(values.maxWorkers, 0, DEFAULT_SETTINGS.maxWorkers),
    deviceTimeoutMs: wholeNumber(values.deviceTimeoutMs, 0, DEFAULT_SETTINGS.deviceTimeoutMs),
    jobHistoryLimit: wholeNumber(values.jobHistoryLimit, 1, DEFAULT_SETTINGS.jobHistoryLimit),
    rules: values.rules,
    features: values.features,
    scope: values.scope,
    runningGlob: glob(values.runningGlob, DEFAULT_SETTINGS.runningGlob),
    intendedGlob: glob(values.intendedGlob, DEFAULT_SETTINGS.intendedGlob),
  };
}

/**
 * The current settings. Pulled with workspace/configuration when the client supports it (VS Code
 * does), at start and whenever the client says they changed; otherwise taken from the pushed
 * `settings` of workspace/didChangeConfiguration (other editors), defaults until then.
 */
export class SettingsSource {
  private current: EditorSettings = DEFAULT_SETTINGS;
  private canPull = false;
  private readonly listeners: (() => void)[] = [];
  private resolveReady!: () => void;
  /** Resolves once the first pull answered (at once when the client cannot be asked). */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration((params) => {
      if (this.canPull) void this.pull();
      else if (typeof params.settings === 'object' && params.settings !== null) {
        this.update(settingsFrom((params.settings as Record<string, unknown>)[SECTION]));
      }
    });
  }

  get(): EditorSettings {
    return this.current;
  }

  /** Called on any change of a value, after the new settings are in place. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** From `initialized`: the client's capabilities say how settings reach the server. */
  start(capabilities: ClientCapabilities): void {
    this.canPull = capabilities.workspace?.configuration === true;
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true) {
      // Without this registration VS Code sends no didChangeConfiguration at all.
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
    }
    if (this.canPull) void this.pull().finally(() => this.resolveReady());
    else this.resolveReady();
  }

  private async pull(): Promise<void> {
    try {
      this.update(settingsFrom(await this.connection.workspace.getConfiguration(SECTION)));
    } catch (error) {
      this.connection.console.warn(
        `Could not read the ${SECTION} settings, keeping the current ones: ${String(error)}`,
      );
    }
  }

  private update(next: EditorSettings): void {
    const previous = this.current;
    this.current = next;
    if (JSON.stringify(previous) !== JSON.stringify(next)) {
      for (const listener of this.listeners) listener();
    }
  }
}
