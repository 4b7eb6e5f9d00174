/**
 * The job manager's options and requests, with their defaults in one place (they mirror the
 * `netremediate.*` settings and the `netremediate batch` flags the adapters map onto them).
 */
import os from 'node:os';
import type { FrameKind, Platform } from '../engine';
import type { DiscoveryOptions } from './discovery';
import type { Shard } from './shard';
import type { DeviceStatus, JobStatus } from './types';
import type { TestFault } from './workerProtocol';

export interface JobManagerOptions {
  /** The store's folder (the extension's storage folder; the CLI's `--store DIR`). Created if absent. */
  readonly storeDir: string;
  /** Absolute path of dist/taskWorker.js (next to the caller's own bundle). */
  readonly workerScript: string;
  /** `netremediate.maxWorkers`; default cores − 1, at least 1 (the editor keeps a core). */
  readonly maxWorkers?: number;
  /** Heap limit of each worker (MB); a device over it fails alone. Default 512. */
  readonly maxOldGenerationSizeMb?: number;
  /** `netremediate.deviceTimeoutMs`: a task running longer fails its device. Default 60,000; 0: none. */
  readonly deviceTimeoutMs?: number;
  /** `netremediate.jobHistoryLimit`: finished jobs kept (oldest deleted first). Default 50. */
  readonly jobHistoryLimit?: number;
  /** Jobs running at once when their devices do not overlap. Default 4. */
  readonly maxConcurrentJobs?: number;
  /** `netremediate.defaultPlatform`: when neither manifest, language id nor content says. */
  readonly defaultPlatform?: Platform;
  /** Keep each device's predicted config text in the store (the largest text). Default false: reviews compute it. */
  readonly includePredicted?: boolean;
  /** `netremediate.rules`, passed to the remediation engine in each worker. */
  readonly userRules?: unknown;
  /**
   * Compute each device's compliance per feature in its worker (DeviceSummary.compliance, the texts'
   * feature_compliance). Default true; `netremediate batch`, which reports none, turns it off.
   */
  readonly compliance?: boolean;
  /**
   * `netremediate.features` (or `--features FILE`) as the user wrote it: feature overrides per platform
   * under each folder's manifest `features`. Invalid entries are left out with a warning.
   */
  readonly features?: unknown;
  /**
   * `netremediate.scope` (or `--scope FILE`) as the user wrote it: what every folder's devices manage and
   * ignore, unless the folder's manifest has a `scope`. Invalid, no job runs (the error names the field).
   */
  readonly scope?: unknown;
  /** Where `scope` came from, in messages: `netremediate.scope` (default), `--scope FILE`. */
  readonly scopeSource?: string;
  /** Globs of the running/ + intended/ convention. */
  readonly discovery?: Pick<DiscoveryOptions, 'runningGlob' | 'intendedGlob'>;
  /** Tasks handed to the pool per worker (the in-flight window). Default 2. */
  readonly inFlightPerWorker?: number;
  /** fsync the journal every N device records (and at the end of a job). Default 500. */
  readonly fsyncEvery?: number;
  /** Minimum interval between device-level events of a job. Default 100 ms (≤ 10 a second). */
  readonly deviceEventIntervalMs?: number;
  /** Worker threads end after this long without a task. Default 30 s. */
  readonly idleShutdownMs?: number;
  /** Recoverable problems (a torn journal tail, a dropped index entry); also the `warning` event. */
  readonly onWarning?: (message: string) => void;
}

type Optional = 'userRules' | 'features' | 'scope' | 'scopeSource' | 'onWarning' | 'discovery';

export type ResolvedOptions = Required<Omit<JobManagerOptions, Optional>> & Pick<JobManagerOptions, Optional>;

export function resolveOptions(options: JobManagerOptions): ResolvedOptions {
  return {
    maxWorkers: Math.max(1, options.maxWorkers ?? os.availableParallelism() - 1),
    maxOldGenerationSizeMb: 512,
    deviceTimeoutMs: 60_000,
    jobHistoryLimit: 50,
    maxConcurrentJobs: 4,
    defaultPlatform: 'cisco_ios',
    includePredicted: false,
    compliance: true,
    inFlightPerWorker: 2,
    fsyncEvery: 500,
    deviceEventIntervalMs: 100,
    idleShutdownMs: 30_000,
    ...withoutUndefined(options),
  } as ResolvedOptions;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A device named by its files rather than discovered (the client's "explicit files"). */
export interface ExplicitDevice {
  readonly running: string;
  readonly intended: string;
  /** Default: the running file's name without its extension. */
  readonly device_id?: string;
  /** The workspace folder it belongs to (locks and shards key on it). Default: the running file's folder. */
  readonly folder?: string;
  readonly platform?: Platform;
}

export interface StartJobRequest {
  /** Workspace folders, or manifest files. */
  readonly targets?: readonly string[];
  readonly devices?: readonly ExplicitDevice[];
  readonly comment?: string;
  readonly ticket_ref?: string;
  /** Keep only a stable 1/N of the devices (`--shard I/N`). */
  readonly shard?: Shard;
  /** Absolute path → text of open, unsaved documents: used instead of the file on disk. */
  readonly unsaved?: ReadonlyMap<string, string>;
  /** Absolute path → platform of open documents (from their language id, mapped by the caller). */
  readonly platformHints?: ReadonlyMap<string, Platform>;
  /** Per-job override of the convention globs. */
  readonly discovery?: Pick<DiscoveryOptions, 'runningGlob' | 'intendedGlob'>;
  /** Test hooks: device id → fault; honoured only when workers run with NETREMEDIATE_TEST_FAULTS=1. */
  readonly testFaults?: Readonly<Record<string, TestFault>>;
  /** Test hook (same switch): every task sleeps this long first. */
  readonly testDelayMs?: number;
}

export interface RetryRequest {
  readonly comment?: string;
  readonly ticket_ref?: string;
  readonly unsaved?: ReadonlyMap<string, string>;
}

export interface JobListFilter {
  readonly status?: JobStatusFilter;
  /** Jobs covering this workspace folder. */
  readonly folder?: string;
  readonly offset?: number;
  /** Default 50. */
  readonly limit?: number;
}

export type JobStatusFilter = JobStatus | readonly JobStatus[];

export interface DeviceQuery {
  readonly offset?: number;
  /** Default 100. */
  readonly limit?: number;
  readonly status?: DeviceStatus;
  /** Add remediation, rollback, predicted and verify texts (read from the journal). */
  readonly include_texts?: boolean;
  /** Return the remediation and rollback texts in this safe-apply frame (docs/safe-apply.md). */
  readonly frame?: FrameKind;
  /** Appended to the frame's archive / checkpoint name. */
  readonly frame_tag?: string;
}
