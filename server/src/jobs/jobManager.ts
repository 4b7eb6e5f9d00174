/**
 * The job manager: the API the LSP requests and `netremediate batch` call — start (discovery first),
 * cancel, retry failed devices, resume, delete, list, results, workers. The state machine, locks and
 * persistence are in jobLifecycle.ts; events: `job` for every state transition (always delivered),
 * `devices` for device changes (coalesced, ≤ 10 a second per job), `warning`.
 *
 *   const manager = await JobManager.open({ storeDir, workerScript: path.join(__dirname, 'taskWorker.js') });
 *   const job = await manager.startJob({ targets: [folder] });
 *   const done = await manager.waitForJob(job.job_id);
 *   manager.getDeviceResults(job.job_id, { include_texts: true });
 */
import path from 'node:path';
import { createRemediationEngine, type RemediationEngine } from '../engine';
import { CompiledFeatures, type FeatureCompliance } from '../engine';
import type { ComplianceReport, ComplianceSummaryPage } from '../protocol/compliance';
import { buildComplianceReport, summaryPage, type ComplianceReportOptions } from './complianceReport';
import { lockKey } from './deviceLocks';
import { discoverTargets, formatProblem, type DeviceSpec } from './discovery';
import { JobError, explicitSpecs, readDevicePage } from './jobHelpers';
import { jobCompliance } from './jobFeatures';
import { JobLifecycle } from './jobLifecycle';
import { jobScope, reviewScopeOf, scopeNamesFeatures, unknownScopeFeatures, type JobScope } from './jobScope';
import { MANIFEST_FILE } from './manifest';
import type {
  DeviceQuery,
  JobListFilter,
  JobManagerOptions,
  RetryRequest,
  StartJobRequest,
} from './jobOptions';
import type { RunInputs } from './jobState';
import { JobStore } from './jobStore';
import { frameDeviceResult, type FrameRequest } from './frameResults';
import { inShard } from './shard';
import { readReviewDocuments, type FeatureFocus, type ReviewDocuments } from './reviewDocuments';
import { recoverJobs } from './storeRecovery';
import type { JobCompliance } from './jobFeatures';
import type { JobState } from './jobState';
import {
  isFinalStatus,
  type DeviceResult,
  type DeviceSummary,
  type JobStatus,
  type JobSummary,
  type PoolStats,
} from './types';

export type { JobManagerEvents } from './jobLifecycle';

const JOB_STATUSES: readonly JobStatus[] = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
  'interrupted',
];

export interface ManagerStatus {
  readonly started_at: string;
  readonly uptime_ms: number;
  readonly store_dir: string;
  readonly store_bytes: number;
  /** Jobs by status. */
  readonly jobs: Record<JobStatus, number>;
  readonly pool: PoolStats;
}

export class JobManager extends JobLifecycle {
  /** Frames scripts as they are read (created on first use: most reads are bare). */
  private framer: RemediationEngine | undefined;

  /** Opens (or creates) the store; jobs found pending or running come back `interrupted`. */
  static async open(options: JobManagerOptions): Promise<JobManager> {
    const store = new JobStore(path.resolve(options.storeDir), options.fsyncEvery ?? 500);
    const manager = new JobManager(options, store);
    for (const job of recoverJobs(store, (m) => manager.warn(m))) manager.jobs.set(job.id, job);
    manager.applyRetention();
    manager.saveIndex();
    return manager;
  }

  get maxWorkers(): number {
    return this.options.maxWorkers;
  }

  /** Discovers the devices and queues the job; a job whose discovery found problems is `failed` at once. */
  async startJob(request: StartJobRequest): Promise<JobSummary> {
    this.assertOpen();
    const found = await discoverTargets(request.targets ?? [], {
      ...this.options.discovery,
      ...request.discovery,
      platformHints: request.platformHints,
    });
    const explicit = explicitSpecs(request.devices ?? []);
    const specs: DeviceSpec[] = [];
    const seen = new Set<string>();
    for (const spec of [...found.devices, ...explicit.devices]) {
      if (!seen.has(lockKey(spec))) specs.push(spec);
      seen.add(lockKey(spec));
    }
    const problems = [...found.errors, ...explicit.errors].map(formatProblem);
    const folders = [...new Set([...found.folders, ...explicit.devices.map((d) => d.folder)])];
    if (problems.length === 0 && specs.length === 0) problems.push('no devices to run');
    const kept =
      request.shard === undefined
        ? specs
        : specs.filter((s) => inShard(s.folder, s.device_id, request.shard!));
    const scoped = jobScope(folders, this.scopeSetting, found.scopes);
    const namesFeatures = scopeNamesFeatures(scoped);
    const sets =
      this.options.compliance || namesFeatures
        ? jobCompliance(folders, this.featureOverrides, found.features)
        : undefined;
    const compliance = this.options.compliance ? sets : undefined;
    const scope: JobScope | undefined =
      scoped === undefined
        ? undefined
        : { ...scoped, ...(compliance === undefined && namesFeatures ? { features: sets } : {}) };
    for (const e of this.scopeErrors) problems.push(`${e.field}: ${e.message}`);
    if (scope !== undefined && sets !== undefined && namesFeatures) {
      for (const [folder, at] of Object.entries(scope.folders)) {
        const root = found.scopes.has(folder)
          ? `${path.join(folder, MANIFEST_FILE)}: scope`
          : (this.options.scopeSource ?? 'netremediate.scope');
        const known = sets.sets[sets.folders[folder] ?? 0];
        for (const e of unknownScopeFeatures(scope.scopes[at], known, root))
          problems.push(`${e.field}: ${e.message}`);
      }
    }
    const job = this.createJob(
      problems.length > 0 ? [] : kept,
      folders,
      request,
      { unsaved: request.unsaved, testFaults: request.testFaults, testDelayMs: request.testDelayMs },
      { compliance, scope },
    );
    if (problems.length > 0) {
      this.transition(job, 'failed', `cannot run: ${problems.join('; ')}`);
    } else {
      this.enqueue(
        job,
        job.specs.map((_, i) => i),
      );
    }
    return job.summary();
  }

  /** Cancels a pending or running job (finished results kept, the rest `cancelled`); a no-op otherwise. */
  cancelJob(jobId: string): JobSummary {
    const job = this.job(jobId);
    if (job.status === 'pending') {
      const at = this.queue.findIndex((q) => q.job === job);
      if (at >= 0) this.queue.splice(at, 1);
      job.markUnfinished('cancelled');
      this.transition(job, 'cancelled');
      this.schedule();
    } else if (job.status === 'running') {
      this.dispatcher.stop(job);
      this.finishRunning(job, 'cancelled');
    }
    return job.summary();
  }

  /** A new job of the failed devices of a finished job. */
  async retryFailed(jobId: string, request: RetryRequest = {}): Promise<JobSummary> {
    this.assertOpen();
    const source = this.loaded(jobId);
    if (!isFinalStatus(source.status))
      throw new JobError('invalid-state', `job ${jobId} is still ${source.status}`);
    const specs = source.indicesWith('failed').map((i) => source.specs[i]);
    if (specs.length === 0) throw new JobError('invalid-state', `job ${jobId} has no failed devices`);
    const job = this.createJob(
      specs,
      source.header.folders,
      {
        comment: request.comment ?? source.header.comment,
        ticket_ref: request.ticket_ref ?? source.header.ticket_ref,
      },
      { unsaved: request.unsaved },
      // The retry checks its devices against the features (and within the scope) the first run used.
      { retryOf: jobId, compliance: source.header.compliance, scope: source.header.scope },
    );
    this.enqueue(
      job,
      specs.map((_, i) => i),
    );
    return job.summary();
  }

  /** Runs the unfinished devices of an interrupted job again (it may wait for locks). */
  async resumeJob(jobId: string, inputs: RunInputs = {}): Promise<JobSummary> {
    this.assertOpen();
    const job = this.loaded(jobId);
    if (job.status !== 'interrupted') {
      throw new JobError(
        'invalid-state',
        `only an interrupted job can be resumed; ${jobId} is ${job.status}`,
      );
    }
    job.markUnfinished('pending');
    job.inputs = inputs;
    job.writer = this.store.reopenJournal(jobId, this.store.journalSize(jobId));
    this.transition(job, 'pending');
    this.enqueue(job, job.indicesWith('pending'));
    return job.summary();
  }

  /** Deletes a job and its journal; a pending or running job is cancelled first. */
  deleteJob(jobId: string): void {
    const job = this.job(jobId);
    if (job.status === 'pending' || job.status === 'running') this.cancelJob(jobId);
    this.remove(job);
  }

  getJob(jobId: string): JobSummary | undefined {
    return this.jobs.get(jobId)?.summary();
  }

  /** Newest first. */
  listJobs(filter: JobListFilter = {}): { total: number; jobs: JobSummary[] } {
    const statuses = filter.status === undefined ? undefined : ([] as JobStatus[]).concat(filter.status);
    const folder = filter.folder === undefined ? undefined : path.resolve(filter.folder);
    const matching = [...this.jobs.values()]
      .filter((j) => statuses === undefined || statuses.includes(j.status))
      .filter((j) => folder === undefined || j.header.folders.includes(folder))
      .sort((a, b) =>
        a.header.created_at < b.header.created_at ? 1 : a.header.created_at > b.header.created_at ? -1 : 0,
      );
    const offset = filter.offset ?? 0;
    return {
      total: matching.length,
      jobs: matching.slice(offset, offset + (filter.limit ?? 50)).map((j) => j.summary()),
    };
  }

  /**
   * A page of a job's devices, in job order; texts read from the journal when asked for, in a safe-apply
   * frame when `frame` says so (`none` too: the prompting lines withheld); without `frame`, as stored.
   */
  getDeviceResults(jobId: string, query: DeviceQuery = {}): { total: number; devices: DeviceResult[] } {
    const job = this.loaded(jobId);
    const page = readDevicePage(job, this.store.journalPath(jobId), query, (m) => this.warn(m));
    const frame = frameRequest(query.frame, query.frame_tag);
    if (frame === undefined || query.include_texts !== true) return page;
    return { ...page, devices: page.devices.map((d) => this.framed(d, frame)) };
  }

  getDeviceResult(
    jobId: string,
    folder: string,
    deviceId: string,
    includeTexts = true,
    frame?: FrameRequest,
  ): DeviceResult | undefined {
    const job = this.loaded(jobId);
    const index = job.indexOf(path.resolve(folder), deviceId);
    if (index === undefined) return undefined;
    const page = readDevicePage(
      job,
      this.store.journalPath(jobId),
      { include_texts: includeTexts },
      (m) => this.warn(m),
      [index],
    );
    const device = page.devices[0];
    return device === undefined || !includeTexts ? device : this.framed(device, frame);
  }

  /**
   * The job's compliance report: every device (its per-feature details read from the journal), the
   * summary, the feature-set hash. For a finished job; one still running reports its devices so far.
   */
  complianceReport(jobId: string, options: ComplianceReportOptions = {}): ComplianceReport {
    const job = this.loaded(jobId);
    const compliance = complianceOf(job);
    const journal = this.store.journalPath(jobId);
    const warn = (m: string) => this.warn(m);
    function* results(): Generator<DeviceResult> {
      const limit = 500;
      for (let offset = 0; offset < job.specs.length; offset += limit) {
        yield* readDevicePage(job, journal, { offset, limit, include_texts: true }, warn).devices;
      }
    }
    return buildComplianceReport(compliance, results(), { scope: job.header.scope, ...options });
  }

  /** Counts per feature and a page of the devices that drift or failed, from memory (no journal read). */
  complianceSummary(jobId: string, page: { offset?: number; limit?: number } = {}): ComplianceSummaryPage {
    const job = this.loaded(jobId);
    const devices = job.specs.map((_, i) => job.device(i));
    return summaryPage(complianceOf(job), devices, page);
  }

  /** One device's compliance per feature (read from its journal record); undefined for an unknown device. */
  deviceCompliance(
    jobId: string,
    folder: string,
    deviceId: string,
  ): { device: DeviceSummary; features: readonly FeatureCompliance[] } | undefined {
    complianceOf(this.loaded(jobId));
    const result = this.getDeviceResult(jobId, folder, deviceId, true);
    if (result === undefined) return undefined;
    // The summary without its texts: the per-feature details are the point, the scripts are not.
    const {
      remediation: _remediation,
      rollback: _rollback,
      predicted: _predicted,
      verify: _verify,
      rollback_verify: _rollbackVerify,
      feature_compliance,
      ...device
    } = result;
    return {
      device,
      features: feature_compliance ?? [],
    };
  }

  /** Resolves when the job is completed, failed, cancelled or interrupted. */
  waitForJob(jobId: string): Promise<JobSummary> {
    const job = this.job(jobId);
    if (isFinalStatus(job.status)) return Promise.resolve(job.summary());
    return new Promise((resolve) => {
      const list = this.waiters.get(jobId) ?? [];
      list.push(resolve);
      this.waiters.set(jobId, list);
    });
  }

  /**
   * One device's review documents: its texts from the journal and its inputs as they are now (open
   * documents' unsaved texts win), with whether they changed since the job ran.
   */
  async reviewDocuments(
    jobId: string,
    folder: string,
    deviceId: string,
    unsaved?: ReadonlyMap<string, string>,
    frame?: FrameRequest,
    feature?: string,
  ): Promise<ReviewDocuments | undefined> {
    const device = this.getDeviceResult(jobId, folder, deviceId, true);
    if (device === undefined) return undefined;
    const scope = reviewScopeOf(this.loaded(jobId).header, device.folder);
    const focus = feature === undefined ? undefined : this.featureFocus(jobId, device, feature);
    const review = await readReviewDocuments(device, unsaved, this.options.userRules, scope, focus);
    // Framed last: a review focused on a feature frames (and withholds from) that feature's scripts.
    return { ...review, device: this.framed(review.device, frame) };
  }

  /** A review focused on one feature of the feature set the device was checked against. */
  private featureFocus(jobId: string, device: DeviceResult, feature: string): FeatureFocus {
    const compliance = complianceOf(this.loaded(jobId));
    const set = compliance.sets[compliance.folders[device.folder] ?? 0];
    const features = new CompiledFeatures(set[device.platform ?? 'cisco_ios']);
    const index = features.names.indexOf(feature);
    if (index < 0) {
      throw new JobError('not-found', `no feature "${feature}" (features: ${features.names.join(', ')})`);
    }
    return { feature, inFeature: (text) => features.featureOf(text) === index };
  }

  private framed(device: DeviceResult, frame: FrameRequest | undefined): DeviceResult {
    if (frame === undefined) return device;
    this.framer ??= createRemediationEngine({ userRules: this.options.userRules });
    return frameDeviceResult(device, frame, this.framer);
  }

  /** For the server status request. */
  status(): ManagerStatus {
    const jobs = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const job of this.jobs.values()) jobs[job.status]++;
    return {
      started_at: this.startedAt.toISOString(),
      uptime_ms: Date.now() - this.startedAt.getTime(),
      store_dir: this.store.dir,
      store_bytes: this.store.sizeBytes(),
      jobs,
      pool: this.pool.stats(),
    };
  }

  poolStats(): PoolStats {
    return this.pool.stats();
  }

  /** Ends one worker thread (piscina replaces it); the device it was computing fails as stopped. */
  stopWorker(threadId: number): boolean {
    return this.pool.stopWorker(threadId);
  }

  /** Stops the threads; jobs still pending or running are left `interrupted`, to be resumed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const { job } of [...this.active.values()]) {
      this.dispatcher.stop(job);
      this.active.delete(job.id);
      job.markUnfinished('pending');
      this.transition(job, 'interrupted');
    }
    for (const { job } of this.queue.splice(0)) this.transition(job, 'interrupted');
    this.batcher.dispose();
    await this.pool.close();
  }
}

function frameRequest(frame: DeviceQuery['frame'], tag: string | undefined): FrameRequest | undefined {
  return frame === undefined ? undefined : { frame, tag };
}

function complianceOf(job: JobState): JobCompliance {
  const compliance = job.header.compliance;
  if (compliance === undefined)
    throw new JobError(
      'invalid-state',
      `job ${job.id} ran without compliance (it was started with compliance off)`,
    );
  return compliance;
}
