/**
 * One job in memory: its header, its device list and, per device, a status and — once finished — a
 * summary and where its texts are in the journal (never the texts). Counts are kept as devices change,
 * so a job summary costs O(1) even at 10,000 devices. A finished job known only from the index is
 * "unloaded": its summary is the index's, its devices are replayed from the journal when asked for.
 */
import type { DeviceSpec } from './discovery';
import type { BodyLocation, JournalWriter } from './journal';
import type { JobHeader, ReplayedJob } from './jobStore';
import type {
  DeviceStatus,
  DeviceSummary,
  JobResultSummary,
  JobStatus,
  JobSummary,
  LockHolder,
} from './types';
import type { TestFault } from './workerProtocol';

interface Devices {
  readonly status: DeviceStatus[];
  readonly results: (DeviceSummary | undefined)[];
  readonly bodies: (BodyLocation | undefined)[];
  readonly workers: (number | undefined)[];
}

type Counts = { -readonly [K in keyof JobResultSummary]: number };

function emptyCounts(total: number): Counts {
  return {
    total,
    success: 0,
    failed: 0,
    cancelled: 0,
    pending: total,
    running: 0,
    unverified: 0,
    changed_devices: 0,
    unchanged_devices: 0,
    devices_with_risks: 0,
    added: 0,
    removed: 0,
    changed: 0,
    score: 0,
  };
}

/** Inputs that live only as long as the process: unsaved texts and test hooks are never persisted. */
export interface RunInputs {
  readonly unsaved?: ReadonlyMap<string, string>;
  readonly testFaults?: Readonly<Record<string, TestFault>>;
  readonly testDelayMs?: number;
}

export class JobState {
  status: JobStatus;
  started_at?: string;
  finished_at?: string;
  error?: string;
  blocked_by?: LockHolder[];
  writer?: JournalWriter;
  /** Where a writer resumes in the journal (after a torn tail). */
  validBytes = 0;
  inputs: RunInputs = {};
  private devices: Devices | undefined;
  private counts: Counts;
  private indexSummary: JobSummary | undefined;
  private specList: readonly DeviceSpec[];
  private byKey: Map<string, number> | undefined;
  private readonly names = new Map<string, string>();

  private constructor(
    public header: JobHeader,
    specs: readonly DeviceSpec[],
    status: JobStatus,
  ) {
    this.specList = specs;
    this.status = status;
    this.counts = emptyCounts(specs.length);
  }

  static fresh(header: JobHeader, specs: readonly DeviceSpec[]): JobState {
    const job = new JobState(header, specs, 'pending');
    job.devices = {
      status: new Array<DeviceStatus>(specs.length).fill('pending'),
      results: new Array(specs.length).fill(undefined),
      bodies: new Array(specs.length).fill(undefined),
      workers: new Array(specs.length).fill(undefined),
    };
    return job;
  }

  static fromReplay(replayed: ReplayedJob): JobState {
    const job = new JobState(replayed.header, replayed.specs, replayed.status);
    job.load(replayed);
    return job;
  }

  /** A finished job from the index: no devices in memory until asked for. */
  static fromIndex(summary: JobSummary, header: JobHeader): JobState {
    const job = new JobState(header, [], summary.status);
    job.indexSummary = summary;
    job.started_at = summary.started_at;
    job.finished_at = summary.finished_at;
    job.error = summary.error;
    return job;
  }

  get id(): string {
    return this.header.job_id;
  }

  get isLoaded(): boolean {
    return this.devices !== undefined;
  }

  get specs(): readonly DeviceSpec[] {
    return this.specList;
  }

  get total(): number {
    return this.indexSummary?.total_devices ?? this.specList.length;
  }

  /** Fills in the devices from the journal; devices without a record are pending, or cancelled with the job. */
  load(replayed: ReplayedJob): void {
    this.header = replayed.header;
    this.specList = replayed.specs;
    this.started_at = replayed.started_at;
    this.finished_at = replayed.finished_at;
    this.error = replayed.error;
    this.validBytes = replayed.validBytes;
    const n = replayed.specs.length;
    const unfinished: DeviceStatus = this.status === 'cancelled' ? 'cancelled' : 'pending';
    const devices: Devices = {
      status: new Array<DeviceStatus>(n).fill(unfinished),
      results: new Array(n).fill(undefined),
      bodies: new Array(n).fill(undefined),
      workers: new Array(n).fill(undefined),
    };
    this.counts = emptyCounts(n);
    this.counts.pending = 0;
    this.counts[unfinished === 'cancelled' ? 'cancelled' : 'pending'] = n;
    this.devices = devices;
    for (const [i, { summary, body }] of replayed.results) {
      if (i >= 0 && i < n) this.finish(i, summary, body);
    }
    this.indexSummary = undefined;
  }

  /** Drops the device data of a finished job (it stays on disk); the summary is kept. */
  unload(): void {
    if (this.devices === undefined) return;
    this.indexSummary = this.summary();
    this.devices = undefined;
    this.byKey = undefined;
  }

  deviceStatus(i: number): DeviceStatus {
    return this.loaded().status[i];
  }

  body(i: number): BodyLocation | undefined {
    return this.loaded().bodies[i];
  }

  indexOf(folder: string, deviceId: string): number | undefined {
    if (this.byKey === undefined) {
      this.byKey = new Map(this.specList.map((s, i) => [`${s.folder}\u0000${s.device_id}`, i]));
    }
    return this.byKey.get(`${folder}\u0000${deviceId}`);
  }

  device(i: number): DeviceSummary {
    const devices = this.loaded();
    const result = devices.results[i];
    if (result !== undefined) return result;
    const spec = this.specList[i];
    const worker = devices.workers[i];
    return {
      device_id: spec.device_id,
      folder: spec.folder,
      ...(spec.platform === undefined
        ? {}
        : { platform: spec.platform, platform_source: spec.platform_source }),
      status: devices.status[i],
      running: { path: spec.running, ...(this.inputs.unsaved?.has(spec.running) ? { unsaved: true } : {}) },
      intended: {
        path: spec.intended,
        ...(this.inputs.unsaved?.has(spec.intended) ? { unsaved: true } : {}),
      },
      ...(worker === undefined ? {} : { worker }),
    };
  }

  setStatus(i: number, status: DeviceStatus, worker?: number): void {
    const devices = this.loaded();
    this.counts[devices.status[i]]--;
    this.counts[status]++;
    devices.status[i] = status;
    devices.workers[i] = worker;
  }

  finish(i: number, summary: DeviceSummary, body: BodyLocation | undefined): void {
    const devices = this.loaded();
    const previous = devices.results[i];
    if (previous !== undefined) this.tally(previous, -1);
    this.setStatus(i, summary.status, summary.worker);
    devices.results[i] = summary.compliance === undefined ? summary : this.withSharedNames(summary);
    devices.bodies[i] = body;
    this.tally(summary, 1);
  }

  /** Every device not finished becomes `status` (cancel: `cancelled`; resume: `pending`). */
  markUnfinished(status: 'cancelled' | 'pending'): void {
    const devices = this.loaded();
    for (let i = 0; i < devices.status.length; i++) {
      const s = devices.status[i];
      if (s !== 'success' && s !== 'failed' && s !== status) this.setStatus(i, status);
    }
  }

  /** Indices of devices in `status`, in job order. */
  indicesWith(status: DeviceStatus): number[] {
    const out: number[] = [];
    this.loaded().status.forEach((s, i) => {
      if (s === status) out.push(i);
    });
    return out;
  }

  summary(now = Date.now()): JobSummary {
    if (this.indexSummary !== undefined) return this.indexSummary;
    const c = this.counts;
    const finished = c.success + c.failed;
    const created = Date.parse(this.header.created_at);
    const started = this.started_at === undefined ? undefined : Date.parse(this.started_at);
    const ended = this.finished_at === undefined ? now : Date.parse(this.finished_at);
    const live = this.status === 'pending' || this.status === 'running';
    return {
      job_id: this.header.job_id,
      status: this.status,
      progress:
        c.total === 0 ? (this.status === 'completed' ? 100 : 0) : Math.floor((finished * 100) / c.total),
      total_devices: c.total,
      completed_devices: c.success,
      failed_devices: c.failed,
      cancelled_devices: c.cancelled,
      created_at: this.header.created_at,
      ...(this.started_at === undefined ? {} : { started_at: this.started_at }),
      ...(this.finished_at === undefined ? {} : { finished_at: this.finished_at }),
      ...(started === undefined || (!live && this.finished_at === undefined)
        ? {}
        : { duration: ended - started }),
      ...(started !== undefined
        ? { queue_time: started - created }
        : live
          ? { queue_time: now - created }
          : {}),
      folders: this.header.folders,
      ...(this.header.comment === undefined ? {} : { comment: this.header.comment }),
      ...(this.header.ticket_ref === undefined ? {} : { ticket_ref: this.header.ticket_ref }),
      ...(this.error === undefined ? {} : { error: this.error }),
      ...(this.blocked_by === undefined || this.status !== 'pending' ? {} : { blocked_by: this.blocked_by }),
      ...(this.header.retry_of === undefined ? {} : { retry_of: this.header.retry_of }),
      summary: { ...c },
    };
  }

  /**
   * Feature names arrive as fresh strings with every device (from the worker, or the journal): one
   * copy of each per job keeps 10,000 devices × 15 features from holding 150,000 small strings.
   */
  private withSharedNames(summary: DeviceSummary): DeviceSummary {
    const brief = summary.compliance!;
    const shared = (name: string): string => {
      const known = this.names.get(name);
      if (known !== undefined) return known;
      this.names.set(name, name);
      return name;
    };
    return {
      ...summary,
      compliance: {
        compliant: brief.compliant,
        drifting: brief.drifting.map(shared),
        features: brief.features.map(shared),
      },
    };
  }

  private tally(d: DeviceSummary, sign: 1 | -1): void {
    if (d.status !== 'success') return;
    const c = this.counts;
    const score = d.change_score;
    if (d.verified === false) c.unverified += sign;
    const changedLines = score === undefined ? 0 : score.added + score.removed + score.changed;
    if (changedLines > 0) c.changed_devices += sign;
    else c.unchanged_devices += sign;
    if ((d.risk_count ?? 0) > 0) c.devices_with_risks += sign;
    c.added += sign * (score?.added ?? 0);
    c.removed += sign * (score?.removed ?? 0);
    c.changed += sign * (score?.changed ?? 0);
    c.score += sign * (score?.score ?? 0);
  }

  private loaded(): Devices {
    if (this.devices === undefined) throw new Error(`job ${this.id}: devices not loaded`);
    return this.devices;
  }
}
