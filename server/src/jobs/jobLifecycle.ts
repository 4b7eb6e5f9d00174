/**
 * The job state machine under the JobManager's public API: the queue and device locks, starting jobs
 * when their devices are free, the dispatcher's callbacks, and persistence — every transition and
 * device result goes to the job's journal (and the index) as it happens, then to listeners: `job`
 * for every state transition (always delivered), `devices` for device changes (coalesced, ≤ 10 a
 * second per job), `warning` for recoverable problems.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DeviceChangeBatcher } from './deviceEvents';
import { DeviceDispatcher } from './deviceDispatcher';
import { DeviceLocks, lockKey } from './deviceLocks';
import type { DeviceSpec } from './discovery';
import {
  validateFeatures,
  validateScope,
  type FeatureOverrides,
  type Scope,
  type ScopeError,
} from '../engine';
import { TaskFeatures, type JobCompliance } from './jobFeatures';
import { TaskScope, type JobScope } from './jobScope';
import { JobError, toDeviceSummary } from './jobHelpers';
import {
  resolveOptions,
  type JobManagerOptions,
  type ResolvedOptions,
  type StartJobRequest,
} from './jobOptions';
import { JobState, type RunInputs } from './jobState';
import type { JobHeader, JobStore } from './jobStore';
import { isFinalStatus, type DevicesEvent, type JobEvent, type JobStatus, type JobSummary } from './types';
import { TaskFailure, WorkerPool } from './workerPool';
import type { DeviceTask, DeviceTaskResult } from './workerProtocol';

export interface JobManagerEvents {
  job: [JobEvent];
  devices: [DevicesEvent];
  warning: [string];
}

interface Queued {
  readonly job: JobState;
  readonly indices: readonly number[];
  readonly keys: readonly string[];
}

/** Finished jobs whose devices stay in memory after being looked at. */
const LOADED_FINISHED_JOBS = 3;

export class JobLifecycle extends EventEmitter<JobManagerEvents> {
  protected readonly options: ResolvedOptions;
  protected readonly jobs = new Map<string, JobState>();
  protected readonly queue: Queued[] = [];
  protected readonly active = new Map<string, Queued>();
  protected readonly locks = new DeviceLocks();
  protected readonly pool: WorkerPool;
  protected readonly dispatcher: DeviceDispatcher;
  protected readonly batcher: DeviceChangeBatcher;
  protected readonly waiters = new Map<string, ((job: JobSummary) => void)[]>();
  protected readonly recentlyLoaded: string[] = [];
  protected readonly rulesKey: string | undefined;
  /** The valid part of `options.features` (the setting's layer under each manifest's). */
  protected readonly featureOverrides: FeatureOverrides;
  private readonly taskFeatures = new WeakMap<JobCompliance, TaskFeatures>();
  private readonly taskScopes = new WeakMap<JobScope, TaskScope>();
  /** The valid `options.scope` (every folder's, unless its manifest has one). */
  protected readonly scopeSetting: Scope | undefined;
  /** What is wrong in `options.scope`: then no job runs (a half-valid scope would touch what it protects). */
  protected readonly scopeErrors: readonly ScopeError[];
  protected closed = false;
  readonly startedAt = new Date();

  protected constructor(
    options: JobManagerOptions,
    readonly store: JobStore,
  ) {
    super();
    this.options = resolveOptions(options);
    this.rulesKey = options.userRules === undefined ? undefined : JSON.stringify(options.userRules);
    const features = validateFeatures(options.features, 'netremediate.features');
    this.featureOverrides = features.features;
    for (const e of features.errors) this.warn(`${e.field}: ${e.message} (left out)`);
    const scope = validateScope(options.scope, options.scopeSource ?? 'netremediate.scope');
    this.scopeSetting = scope.scope;
    this.scopeErrors = scope.errors;
    for (const e of scope.errors) this.warn(`${e.field}: ${e.message} (no job runs until it is fixed)`);
    this.pool = new WorkerPool({
      filename: this.options.workerScript,
      maxWorkers: this.options.maxWorkers,
      maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
      idleShutdownMs: this.options.idleShutdownMs,
      onWarning: (m) => this.warn(m),
    });
    this.dispatcher = new DeviceDispatcher(
      this.pool,
      this.options.maxWorkers * this.options.inFlightPerWorker,
      this.options.deviceTimeoutMs,
      (job, i) => this.makeTask(job, i),
      {
        started: (job, i, threadId) => {
          job.setStatus(i, 'running', threadId);
          this.batcher.changed(job.id, i);
        },
        finished: (job, i, outcome) => this.deviceFinished(job, i, outcome),
        drained: (job) => this.finishRunning(job, 'completed'),
      },
    );
    this.batcher = new DeviceChangeBatcher(this.options.deviceEventIntervalMs, (id, indices) => {
      const job = this.jobs.get(id);
      if (job?.isLoaded)
        this.emit('devices', { job: job.summary(), devices: indices.map((i) => job.device(i)) });
    });
  }

  protected createJob(
    specs: readonly DeviceSpec[],
    folders: readonly string[],
    request: Pick<StartJobRequest, 'comment' | 'ticket_ref'>,
    inputs: RunInputs,
    extra: { readonly retryOf?: string; readonly compliance?: JobCompliance; readonly scope?: JobScope } = {},
  ): JobState {
    const { retryOf, compliance, scope } = extra;
    const header: JobHeader = {
      job_id: this.newJobId(),
      created_at: new Date().toISOString(),
      folders,
      ...(request.comment === undefined ? {} : { comment: request.comment }),
      ...(request.ticket_ref === undefined ? {} : { ticket_ref: request.ticket_ref }),
      ...(retryOf === undefined ? {} : { retry_of: retryOf }),
      include_predicted: this.options.includePredicted,
      default_platform: this.options.defaultPlatform,
      ...(compliance === undefined ? {} : { compliance }),
      ...(scope === undefined ? {} : { scope }),
    };
    const job = JobState.fresh(header, specs);
    job.inputs = inputs;
    job.writer = this.store.createJournal(header, specs);
    this.jobs.set(job.id, job);
    this.saveIndex();
    this.emit('job', { type: 'created', job: job.summary() });
    return job;
  }

  protected enqueue(job: JobState, indices: readonly number[]): void {
    const keys = indices.map((i) => lockKey(job.specs[i]));
    this.queue.push({ job, indices, keys });
    this.schedule();
  }

  /** Starts, in FIFO order, every pending job whose devices are free; tells the others who they wait for. */
  protected schedule(): void {
    if (this.closed) return;
    const claimed = new Map<string, string>();
    for (const entry of [...this.queue]) {
      if (!this.queue.includes(entry)) continue; // started by a nested schedule() (a job that ended at once)
      const conflicts = this.locks.conflicts(entry.keys, claimed);
      if (conflicts.length === 0 && this.active.size < this.options.maxConcurrentJobs) {
        this.queue.splice(this.queue.indexOf(entry), 1);
        this.locks.acquire(entry.job.id, entry.keys);
        this.active.set(entry.job.id, entry);
        entry.job.blocked_by = undefined;
        this.transition(entry.job, 'running');
        this.dispatcher.add(entry.job, entry.indices);
        continue;
      }
      for (const key of entry.keys) if (!claimed.has(key)) claimed.set(key, entry.job.id);
      if (JSON.stringify(conflicts) !== JSON.stringify(entry.job.blocked_by ?? [])) {
        entry.job.blocked_by = conflicts;
        this.emit('job', { type: 'updated', job: entry.job.summary() });
      }
    }
  }

  protected finishRunning(job: JobState, status: 'completed' | 'cancelled' | 'failed', error?: string): void {
    const entry = this.active.get(job.id);
    if (entry === undefined) return;
    this.active.delete(job.id);
    this.locks.release(job.id, entry.keys);
    if (status !== 'completed') job.markUnfinished('cancelled');
    this.transition(job, status, error);
    this.schedule();
  }

  protected deviceFinished(job: JobState, i: number, outcome: DeviceTaskResult | TaskFailure): void {
    if (job.writer === undefined) return;
    const summary = toDeviceSummary(job, i, outcome);
    try {
      const body = outcome instanceof TaskFailure ? undefined : outcome.body;
      const location = job.writer.append(
        { t: 'device', i, d: summary },
        body,
        outcome instanceof TaskFailure ? undefined : outcome.bodyCrc,
      );
      job.finish(i, summary, location);
      this.batcher.changed(job.id, i);
    } catch (error) {
      this.dispatcher.stop(job);
      this.finishRunning(job, 'failed', `the job store cannot be written: ${(error as Error).message}`);
    }
  }

  protected transition(job: JobState, status: JobStatus, error?: string): void {
    const previous = job.status;
    this.batcher.flush(job.id);
    const now = new Date().toISOString();
    job.status = status;
    if (status === 'running') job.started_at ??= now;
    job.finished_at =
      status === 'completed' || status === 'failed' || status === 'cancelled' ? now : undefined;
    if (error !== undefined || status === 'pending') job.error = error;
    try {
      job.writer?.append({ t: 'status', status, at: now, ...(error === undefined ? {} : { error }) });
      if (isFinalStatus(status)) {
        job.writer?.close();
        job.writer = undefined;
      }
    } catch (e) {
      this.warn(`job ${job.id}: cannot record ${status} in its journal: ${(e as Error).message}`);
    }
    this.saveIndex();
    this.emit('job', { type: 'status', job: job.summary(), previous });
    if (isFinalStatus(status)) {
      for (const resolve of this.waiters.get(job.id) ?? []) resolve(job.summary());
      this.waiters.delete(job.id);
      this.remember(job);
      this.applyRetention();
    }
  }

  protected makeTask(job: JobState, i: number): Omit<DeviceTask, 'runId'> {
    const spec = job.specs[i];
    const unsaved = job.inputs.unsaved;
    return {
      deviceId: spec.device_id,
      folder: spec.folder,
      platform: spec.platform,
      platformSource: spec.platform_source,
      defaultPlatform: job.header.default_platform,
      running: { path: spec.running, text: unsaved?.get(spec.running) },
      intended: { path: spec.intended, text: unsaved?.get(spec.intended) },
      includePredicted: job.header.include_predicted,
      userRules: this.options.userRules,
      rulesKey: this.rulesKey,
      ...this.complianceOf(job, spec.folder),
      ...this.scopeOf(job, spec.folder),
      testFault: job.inputs.testFaults?.[spec.device_id],
      testDelayMs: job.inputs.testDelayMs,
    };
  }

  /** What a task of `job` carries about compliance: whether to compute it, and its folder's features. */
  private complianceOf(
    job: JobState,
    folder: string,
  ): Pick<DeviceTask, 'compliance' | 'features' | 'featuresKey'> {
    const compliance = job.header.compliance;
    if (compliance === undefined) return { compliance: false };
    return { compliance: true, ...this.taskFeaturesOf(compliance).for(folder) };
  }

  /**
   * What a task of `job` carries about scope: its folder's scope and, when the job computes no
   * compliance, the feature sets `manage.features` resolve against.
   */
  private scopeOf(
    job: JobState,
    folder: string,
  ): Pick<DeviceTask, 'scope' | 'scopeKey' | 'features' | 'featuresKey'> {
    const scope = job.header.scope;
    if (scope === undefined) return {};
    let task = this.taskScopes.get(scope);
    if (task === undefined) {
      task = new TaskScope(scope);
      this.taskScopes.set(scope, task);
    }
    const own = task.for(folder);
    if (own.scope === undefined || scope.features === undefined) return own;
    return { ...own, ...this.taskFeaturesOf(scope.features).for(folder) };
  }

  private taskFeaturesOf(compliance: JobCompliance): TaskFeatures {
    let features = this.taskFeatures.get(compliance);
    if (features === undefined) {
      features = new TaskFeatures(compliance);
      this.taskFeatures.set(compliance, features);
    }
    return features;
  }

  protected job(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new JobError('not-found', `no job ${jobId}`);
    return job;
  }

  /** The job with its devices in memory (replayed from the journal if needed). */
  protected loaded(jobId: string): JobState {
    const job = this.job(jobId);
    if (!job.isLoaded) {
      const replayed = this.store.replay(jobId);
      if (replayed.problem !== undefined)
        this.warn(`job ${jobId}: its journal ends with ${replayed.problem}`);
      job.load(replayed);
      this.remember(job);
    }
    return job;
  }

  /** Keeps the devices of the few finished jobs looked at last; unloads older ones. */
  protected remember(job: JobState): void {
    const at = this.recentlyLoaded.indexOf(job.id);
    if (at >= 0) this.recentlyLoaded.splice(at, 1);
    this.recentlyLoaded.push(job.id);
    while (this.recentlyLoaded.length > LOADED_FINISHED_JOBS) {
      const old = this.jobs.get(this.recentlyLoaded.shift()!);
      if (old !== undefined && isFinalStatus(old.status) && old.status !== 'interrupted') old.unload();
    }
  }

  protected applyRetention(): void {
    const finished = [...this.jobs.values()]
      .filter((j) => isFinalStatus(j.status))
      .sort((a, b) => (a.header.created_at < b.header.created_at ? 1 : -1));
    for (const job of finished.slice(this.options.jobHistoryLimit)) this.remove(job);
  }

  protected remove(job: JobState): void {
    const summary = job.summary();
    job.writer?.close();
    job.writer = undefined;
    this.jobs.delete(job.id);
    this.batcher.forget(job.id);
    this.store.deleteJob(job.id);
    this.saveIndex();
    this.emit('job', { type: 'deleted', job: summary });
  }

  protected saveIndex(): void {
    try {
      this.store.writeIndex([...this.jobs.values()].map((j) => j.summary()));
    } catch (error) {
      this.warn(`cannot write the job index in ${this.store.dir}: ${(error as Error).message}`);
    }
  }

  protected newJobId(): string {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    for (;;) {
      const id = `job-${stamp}-${crypto.randomBytes(3).toString('hex')}`;
      if (!this.jobs.has(id)) return id;
    }
  }

  protected assertOpen(): void {
    if (this.closed) throw new JobError('invalid-state', 'the job manager is closed');
  }

  protected warn(message: string): void {
    this.options.onWarning?.(message);
    this.emit('warning', message);
  }
}
