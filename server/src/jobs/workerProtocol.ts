/**
 * What the job layer hands a task worker (dist/taskWorker.js, run by piscina) and what it gets back:
 * plain data only. Parse results and trees never cross threads (getters, parent links): the worker
 * renders texts and counts, and pre-encodes the texts as the journal record body so that the main
 * thread, which also answers the editor, only writes bytes.
 */
import type { FeatureSets, Platform, Scope } from '../engine';
import type { DeviceSummary, PlatformSource } from './types';

/** One config of a device: the worker reads `path` unless the client sent an unsaved `text`. */
export interface TaskInput {
  readonly path: string;
  readonly text?: string;
}

/**
 * Test hooks, honoured only when the worker's environment has NETREMEDIATE_TEST_FAULTS=1 (tests set
 * it); never derived from file content. `exit` ends the thread, `oom` exhausts the heap limit, `hang`
 * loops forever, `throw` throws from the task.
 */
export type TestFault = 'exit' | 'oom' | 'hang' | 'throw';

export const TEST_FAULTS_ENV = 'NETREMEDIATE_TEST_FAULTS';

export interface DeviceTask {
  /** Unique per pool run: ties the worker's start message to the task. */
  readonly runId: number;
  readonly deviceId: string;
  readonly folder: string;
  /** Manifest or language id; undefined: detect from the content, then `defaultPlatform`. */
  readonly platform?: Platform;
  readonly platformSource?: PlatformSource;
  readonly defaultPlatform: Platform;
  readonly running: TaskInput;
  readonly intended: TaskInput;
  /** Keep the predicted config text (the largest text of a result). */
  readonly includePredicted: boolean;
  /** `netremediate.rules`; `rulesKey` identifies them so a worker builds its engine once per rule set. */
  readonly userRules?: unknown;
  readonly rulesKey?: string;
  /** Compute the device's compliance per feature (DeviceSummary.compliance, DeviceTexts.compliance). */
  readonly compliance: boolean;
  /**
   * The feature sets of the device's folder; absent: the built-in ones (most jobs: nothing to copy per
   * task). `featuresKey` identifies them so that a worker compiles each set once.
   */
  readonly features?: FeatureSets;
  readonly featuresKey?: string;
  /**
   * What the device's folder manages (engine/scope); absent: everything. `manage.features` resolve
   * against `features`. `scopeKey` identifies it so that a worker compiles each scope once.
   */
  readonly scope?: Scope;
  readonly scopeKey?: string;
  readonly testFault?: TestFault;
  /** Test hook (same switch as testFault): sleep this long before computing, to make jobs slow. */
  readonly testDelayMs?: number;
}

/** Posted on the worker's parentPort when a task starts (piscina re-emits it as the pool's 'message'). */
export interface TaskStartMessage {
  readonly type: 'netremediate/task-start';
  readonly runId: number;
  readonly threadId: number;
}

export function isTaskStartMessage(value: unknown): value is TaskStartMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'netremediate/task-start'
  );
}

/** What a task computed: DeviceSummary's own fields (not the job-side ones) and the input hashes. */
export type DeviceOutcome = Pick<
  DeviceSummary,
  | 'error'
  | 'platform'
  | 'platform_source'
  | 'change_score'
  | 'rollback_change_score'
  | 'verified'
  | 'verify_count'
  | 'rollback_verified'
  | 'risks'
  | 'risk_count'
  | 'needs_confirmation'
  | 'compliance'
  | 'unmanaged_drift'
  | 'unmanaged_preview'
  | 'parse_errors'
> & {
  readonly status: 'success' | 'failed';
  readonly running_sha256?: string;
  readonly intended_sha256?: string;
  readonly duration: number;
};

export interface DeviceTaskResult {
  readonly threadId: number;
  readonly outcome: DeviceOutcome;
  /** DeviceTexts as UTF-8 JSON, its own buffer (cheap to clone); absent for a failed device. */
  readonly body?: Uint8Array;
  readonly bodyCrc?: number;
}
