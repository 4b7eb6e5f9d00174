/**
 * The client's picture of the server's jobs: the job list from ListJobs (when first needed, and again
 * after each server start) kept current by the two job notifications — no polling. Devices of a job are
 * loaded when first needed (its tree node expands, a review walks it) and then kept current too.
 *
 * Ordering: JSON-RPC delivers in order, so a notification that arrives after a response is newer than
 * it; job summaries are applied in arrival order, device updates by DeviceList's forward-only rule.
 */
import * as vscode from 'vscode';
import {
  DeviceResultsRequest,
  JobChangedNotification,
  JobDevicesChangedNotification,
  ListJobsRequest,
  type DeviceSummary,
  type DevicesEvent,
  type JobEvent,
  type JobStatus,
  type JobSummary,
} from '../../../server/src/protocol';
import { errorText, type ServerConnection } from '../serverConnection';
import { DeviceList } from './deviceList';

export const ACTIVE_STATUSES: readonly JobStatus[] = ['pending', 'running'];

export function isActive(job: JobSummary): boolean {
  return ACTIVE_STATUSES.includes(job.status);
}

export function isFinished(job: JobSummary): boolean {
  return !isActive(job);
}

export type JobsChange =
  /** The whole list was (re)loaded. */
  | { readonly kind: 'reset' }
  | { readonly kind: 'added'; readonly job: JobSummary }
  | { readonly kind: 'removed'; readonly job: JobSummary }
  /** The summary changed (status, counts, blocked_by...). */
  | { readonly kind: 'updated'; readonly job: JobSummary; readonly previous: JobSummary }
  /** Loaded devices of the job changed (the job's summary may have changed as well). */
  | { readonly kind: 'devices'; readonly job: JobSummary; readonly devices: readonly DeviceSummary[] };

const DEVICE_PAGE = 1000;
const JOB_LIST_LIMIT = 1000;

export class JobModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<JobsChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly byId = new Map<string, JobSummary>();
  /** Loads in flight (or done) of lists that are current; a job's entry goes when its list goes stale. */
  private readonly deviceLists = new Map<string, Promise<DeviceList>>();
  /** Complete lists, shown until a fresh one replaces them. */
  private readonly loadedDeviceLists = new Map<string, DeviceList>();
  /** Lists being loaded: notifications are applied to them too. */
  private readonly loadingDeviceLists = new Map<string, DeviceList>();
  private loading: Promise<void> | undefined;
  private listError: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly server: ServerConnection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changeEmitter,
      server.onNotification(JobChangedNotification, (event) => this.applyJobEvent(event)),
      server.onNotification(JobDevicesChangedNotification, (event) => this.applyDevicesEvent(event)),
      // A new server: its store is the truth (jobs that were running are `interrupted` now).
      server.onDidStart(() => {
        if (this.loading !== undefined) void this.reload();
      }),
    );
  }

  /** Loads the job list once (the first time the view or a command needs it). */
  ensureLoaded(): Promise<void> {
    return this.loading ?? this.reload();
  }

  /** The latest load (resolves at once if nothing asked for jobs yet). */
  get loaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  reload(): Promise<void> {
    const load = this.fetchJobs();
    this.loading = load;
    return load;
  }

  /** Why the last ListJobs failed (the view says so instead of "no jobs"); undefined when it worked. */
  get loadError(): string | undefined {
    return this.listError;
  }

  /** Newest first. */
  jobs(): JobSummary[] {
    return [...this.byId.values()].sort(newestFirst);
  }

  job(jobId: string): JobSummary | undefined {
    return this.byId.get(jobId);
  }

  activeJobs(): JobSummary[] {
    return this.jobs().filter(isActive);
  }

  /** A job the server just returned (StartJob, Retry, Resume): known before its notifications, if first. */
  accept(job: JobSummary): void {
    const previous = this.byId.get(job.job_id);
    if (previous === undefined) {
      this.byId.set(job.job_id, job);
      this.changeEmitter.fire({ kind: 'added', job });
    }
  }

  /** The job's devices, current: loaded on first use, again after a state transition (undefined: no such job). */
  async devices(jobId: string): Promise<DeviceList | undefined> {
    if (!this.byId.has(jobId)) return undefined;
    let list = this.deviceLists.get(jobId);
    if (list === undefined) {
      const load = this.fetchDevices(jobId);
      list = load;
      this.deviceLists.set(jobId, load);
      load.catch(() => {
        if (this.deviceLists.get(jobId) === load) this.deviceLists.delete(jobId);
      });
    }
    return list;
  }

  /** The last complete device list, possibly stale (no request): what the view shows while it reloads. */
  loadedDevices(jobId: string): DeviceList | undefined {
    return this.loadedDeviceLists.get(jobId);
  }

  /** Whether loadedDevices() is current (no reload pending or needed). */
  hasCurrentDevices(jobId: string): boolean {
    return (
      this.deviceLists.has(jobId) && !this.loadingDeviceLists.has(jobId) && this.loadedDeviceLists.has(jobId)
    );
  }

  /** Resolves with the job once it is finished (completed, failed, cancelled, interrupted) or gone. */
  whenFinished(jobId: string, token?: vscode.CancellationToken): Promise<JobSummary | undefined> {
    const now = this.byId.get(jobId);
    if (now !== undefined && isFinished(now)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const subscriptions: vscode.Disposable[] = [];
      const done = (job: JobSummary | undefined): void => {
        for (const s of subscriptions) s.dispose();
        resolve(job);
      };
      subscriptions.push(
        this.onDidChange((change) => {
          if (change.kind === 'reset') {
            const job = this.byId.get(jobId);
            if (job === undefined || isFinished(job)) done(job);
          } else if (change.job.job_id === jobId) {
            if (change.kind === 'removed') done(undefined);
            else if (isFinished(change.job)) done(change.job);
          }
        }),
      );
      if (token) subscriptions.push(token.onCancellationRequested(() => done(this.byId.get(jobId))));
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async fetchJobs(): Promise<void> {
    try {
      const result = await this.server.request(ListJobsRequest, { limit: JOB_LIST_LIMIT });
      this.forgetDevices();
      this.listError = undefined;
      for (const job of result.jobs) this.byId.set(job.job_id, job);
      if (result.total > result.jobs.length) {
        this.log.warn(`Jobs view: ${result.total} jobs stored, showing the newest ${result.jobs.length}`);
      }
    } catch (error) {
      this.log.error(`Could not list the jobs: ${errorText(error)}`);
      this.listError = errorText(error);
      this.forgetDevices();
    }
    this.changeEmitter.fire({ kind: 'reset' });
  }

  private forgetDevices(): void {
    this.byId.clear();
    this.deviceLists.clear();
    this.loadedDeviceLists.clear();
    this.loadingDeviceLists.clear();
  }

  private async fetchDevices(jobId: string): Promise<DeviceList> {
    const list = new DeviceList(jobId);
    const generation = this.server.generation;
    this.loadingDeviceLists.set(jobId, list);
    try {
      for (let offset = 0; ; offset += DEVICE_PAGE) {
        const page = await this.server.request(DeviceResultsRequest, {
          job_id: jobId,
          offset,
          limit: DEVICE_PAGE,
        });
        list.appendPage(page.devices);
        if (offset + DEVICE_PAGE >= page.total || page.devices.length === 0) break;
      }
      list.markComplete();
      // Not for a job deleted meanwhile, nor from a server that has been restarted since.
      if (this.byId.has(jobId) && generation === this.server.generation)
        this.loadedDeviceLists.set(jobId, list);
      return list;
    } finally {
      if (this.loadingDeviceLists.get(jobId) === list) this.loadingDeviceLists.delete(jobId);
    }
  }

  private applyJobEvent(event: JobEvent): void {
    const job = event.job;
    const previous = this.byId.get(job.job_id);
    if (event.type === 'deleted') {
      this.byId.delete(job.job_id);
      this.deviceLists.delete(job.job_id);
      this.loadedDeviceLists.delete(job.job_id);
      this.loadingDeviceLists.delete(job.job_id);
      if (previous !== undefined) this.changeEmitter.fire({ kind: 'removed', job });
      return;
    }
    this.byId.set(job.job_id, job);
    if (event.type === 'status') {
      // A transition may touch devices without device events (cancel marks the rest `cancelled`,
      // resume makes them `pending`): the list is fetched again when next needed (shown meanwhile).
      this.deviceLists.delete(job.job_id);
    }
    if (previous === undefined) this.changeEmitter.fire({ kind: 'added', job });
    else this.changeEmitter.fire({ kind: 'updated', job, previous });
  }

  private applyDevicesEvent(event: DevicesEvent): void {
    const job = event.job;
    const previous = this.byId.get(job.job_id);
    if (previous === undefined) {
      // Devices of a job this client has not listed yet (a notification before the list arrived).
      this.byId.set(job.job_id, job);
      this.changeEmitter.fire({ kind: 'added', job });
      return;
    }
    this.byId.set(job.job_id, job);
    this.loadingDeviceLists.get(job.job_id)?.merge(event.devices);
    const list = this.loadedDeviceLists.get(job.job_id);
    const changed = list ? list.merge(event.devices) : [];
    if (changed.length > 0) this.changeEmitter.fire({ kind: 'devices', job, devices: changed });
    else this.changeEmitter.fire({ kind: 'updated', job, previous });
  }
}

function newestFirst(a: JobSummary, b: JobSummary): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.job_id < b.job_id ? 1 : a.job_id > b.job_id ? -1 : 0;
}
