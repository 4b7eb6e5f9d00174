/**
 * The batch job part of the protocol: every custom request and notification, each a typed constant
 * with its params and result beside it. The data types are the job layer's own JSON-ready values
 * (snake_case, named after the batch API users know), re-exported here as types only, so the client
 * depends on this file alone and no job-layer code reaches its bundle.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { FeatureCompliance } from '../engine/compliance/types';
import type { ComplianceReport, ComplianceSummaryPage } from './compliance';
import type {
  DeviceResult,
  DeviceStatus,
  DeviceSummary,
  DevicesEvent,
  FrameKind,
  JobEvent,
  JobStatus,
  JobSummary,
  PoolStats,
} from '../jobs/types';

export type {
  ChangeScore,
  DeviceComplianceBrief,
  DeviceResult,
  DeviceStatus,
  DeviceSummary,
  DevicesEvent,
  FrameKind,
  InputFile,
  JobEvent,
  JobResultSummary,
  JobStatus,
  JobSummary,
  LockHolder,
  PoolStats,
  RiskFlag,
  UnmanagedPreview,
  WorkerInfo,
} from '../jobs/types';

/** A device named by its files (Run on Selected Files), paths absolute. */
export interface JobFile {
  running: string;
  intended: string;
  device_id?: string;
  /** The workspace folder it belongs to (locks and shards key on it). */
  folder?: string;
}

export interface StartJobParams {
  /** Absolute paths of workspace folders or netremediate.json manifests. */
  folders?: string[];
  files?: JobFile[];
  comment?: string;
  ticket_ref?: string;
  /** `I/N`: only a stable 1/N of the devices. */
  shard?: string;
}

/**
 * Sent by the client to start a job. Open documents' texts are used instead of the files on disk (the
 * server has them through text synchronisation). The job runs on; its progress comes as notifications.
 */
export const StartJobRequest = new RequestType<StartJobParams, JobSummary, void>('netremediate/startJob');

export interface JobParams {
  job_id: string;
}

/** Cancels a pending or running job: finished device results are kept, the rest become `cancelled`. */
export const CancelJobRequest = new RequestType<JobParams, JobSummary, void>('netremediate/cancelJob');

export interface RetryParams extends JobParams {
  comment?: string;
  ticket_ref?: string;
}

/** A new job of the failed devices of a finished job. */
export const RetryFailedRequest = new RequestType<RetryParams, JobSummary, void>('netremediate/retryFailed');

/** Runs the unfinished devices of an `interrupted` job (found running when the server started). */
export const ResumeJobRequest = new RequestType<JobParams, JobSummary, void>('netremediate/resumeJob');

/** Deletes a job and its stored results (cancels it first when active). */
export const DeleteJobRequest = new RequestType<JobParams, void, void>('netremediate/deleteJob');

export interface ListJobsParams {
  status?: JobStatus | JobStatus[];
  /** Jobs covering this folder (absolute path). */
  folder?: string;
  offset?: number;
  /** Default 50. */
  limit?: number;
}

export interface ListJobsResult {
  total: number;
  /** Newest first. */
  jobs: JobSummary[];
}

export const ListJobsRequest = new RequestType<ListJobsParams, ListJobsResult, void>('netremediate/listJobs');

/** One job, or null when there is no such job. */
export const GetJobRequest = new RequestType<JobParams, JobSummary | null, void>('netremediate/getJob');

export interface DeviceResultsParams extends JobParams {
  offset?: number;
  /** Default 100. */
  limit?: number;
  status?: DeviceStatus;
  /** Add remediation, rollback, predicted and verify texts (read lazily from the store). */
  include_texts?: boolean;
  /**
   * With `include_texts`: the remediation and rollback in this safe-apply frame (docs/safe-apply.md);
   * a device whose platform has no such frame keeps its bare texts and gets `frame_error`. `none`: the
   * scripts as printed, each line that makes the device ask withheld (a comment in its place, listed in
   * `withheld_lines`). Absent: the texts as the job stored them, prompting lines included (data, not a
   * script to paste: `needs_confirmation` says whether one asks).
   */
  frame?: FrameKind;
  /** Appended to the frame's archive / checkpoint name (`netremediate-<device>-<tag>`). */
  frame_tag?: string;
}

export interface DeviceResultsResult {
  total: number;
  devices: DeviceResult[];
}

export const DeviceResultsRequest = new RequestType<DeviceResultsParams, DeviceResultsResult, void>(
  'netremediate/deviceResults',
);

export interface ReviewParams extends JobParams {
  folder: string;
  device_id: string;
  /**
   * The remediation and rollback script documents in this safe-apply frame (the `netremediate.frame`
   * setting); absent: `none`, the prompting lines withheld (`device.withheld_lines`).
   */
  frame?: FrameKind;
  frame_tag?: string;
  /**
   * Scope the review to one compliance feature (`ntp`, `interfaces`, ...): both sides show only that
   * feature's top-level sections, and the scripts are its part of the remediation and rollback.
   */
  feature?: string;
}

/** What the review diff editors show for one device. */
export interface ReviewDocumentsResult {
  device: DeviceResult;
  /** The input configs as they are now (open documents' texts included); null when unreadable. */
  running: string | null;
  intended: string | null;
  /** The input changed since the job ran: the review says so. */
  running_changed: boolean;
  intended_changed: boolean;
  /** The running config rendered from its tree like `predicted` (the review's left side); null when unreadable. */
  running_rendered: string | null;
  /** The predicted config with the rollback applied, rendered; null when it cannot be computed. */
  after_rollback: string | null;
}

export const ReviewDocumentsRequest = new RequestType<ReviewParams, ReviewDocumentsResult | null, void>(
  'netremediate/reviewDocuments',
);

export interface ComplianceSummaryParams extends JobParams {
  /** Page of `attention` (the devices that drift or failed). */
  offset?: number;
  /** Default 100. */
  limit?: number;
}

export type ComplianceSummaryResult = ComplianceSummaryPage & { job_id: string };

/**
 * Sent by the client for a job's compliance view: device counts, per feature (every feature of the
 * set, `other` last) the devices that have it, compliant and drifting, and a page of the devices that
 * drift or failed with their drifting features. Cheap: from memory, no journal read. An error
 * (InvalidParams, `invalid-state`) for a job that ran without compliance.
 */
export const ComplianceSummaryRequest = new RequestType<
  ComplianceSummaryParams,
  ComplianceSummaryResult,
  void
>('netremediate/complianceSummary');

export interface DeviceComplianceParams extends JobParams {
  /** Absolute, as in DeviceSummary.folder. */
  folder: string;
  device_id: string;
}

export interface DeviceComplianceResult {
  /** The device's summary (status, error, `compliance` brief, inputs), without its texts. */
  device: DeviceSummary;
  /** Per feature the device has, in feature-set order; empty for a failed device. */
  features: readonly FeatureCompliance[];
}

/** One device's compliance per feature (missing, extra, its part of the scripts, intended line ranges); null when the job has no such device. */
export const DeviceComplianceRequest = new RequestType<
  DeviceComplianceParams,
  DeviceComplianceResult | null,
  void
>('netremediate/deviceCompliance');

/**
 * The whole compliance report of a job, as `netremediate compliance --format json` prints it (folders
 * by name): for export; render it with renderComplianceReport (protocol/complianceRender). Large at
 * fleet scale: the client asks for it on demand.
 */
export const ComplianceReportRequest = new RequestType<JobParams, ComplianceReport, void>(
  'netremediate/complianceReport',
);

/** The worker pool: each worker busy or idle with its current device, tasks done and failed. */
export const ListWorkersRequest = new RequestType0<PoolStats, void>('netremediate/listWorkers');

/** Stops one worker thread (its device fails as stopped; the pool starts a replacement). */
export const StopWorkerRequest = new RequestType<{ thread_id: number }, boolean, void>(
  'netremediate/stopWorker',
);

export interface ServerStatus {
  version: string;
  uptime_ms: number;
  /** Where jobs and results are kept. */
  store_dir: string;
  store_bytes: number;
  jobs: Record<JobStatus, number>;
  pool: PoolStats;
}

export const ServerStatusRequest = new RequestType0<ServerStatus, void>('netremediate/serverStatus');

/** Server → client: every job state transition (created, status, updated, deleted), never dropped. */
export const JobChangedNotification = new NotificationType<JobEvent>('netremediate/jobChanged');

/** Server → client: device-level changes of a job, coalesced to at most 10 a second per job. */
export const JobDevicesChangedNotification = new NotificationType<DevicesEvent>(
  'netremediate/jobDevicesChanged',
);

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** The extension's storage folder: jobs are kept under `<storagePath>/jobs`. */
  storagePath?: string;
  /**
   * Report each job as LSP work-done progress (default true, for editors that show it). VS Code's client
   * sets false: it shows its own cancellable notification and status bar item instead.
   */
  jobWorkDoneProgress?: boolean;
  /** Whether the workspace is trusted at start (VS Code); absent means trusted (other editors). */
  workspaceTrusted?: boolean;
}
