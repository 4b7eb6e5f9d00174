/**
 * The job layer's public data: plain JSON-ready values, named after the batch remediation API our users
 * know (snake_case fields), so that the LSP requests and `netremediate batch --format json` pass them on
 * as they are. Times are ISO strings; `duration`, `queue_time` and device `duration` are milliseconds.
 */
import type { FeatureCompliance, FrameKind, Platform, PromptLine, UnmanagedSection } from '../engine';

export type { FrameKind, PromptLine };

/**
 * `pending` (queued, maybe waiting for device locks) → `running` → `completed` | `failed` | `cancelled`.
 * A job with failed devices still completes; `failed` is for a job that could not run (bad manifest, no
 * devices). `interrupted`: found pending or running when the store was opened (the process died).
 */
export type JobStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted';

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled', 'interrupted'];

export function isFinalStatus(status: JobStatus): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

export type DeviceStatus = 'pending' | 'running' | 'success' | 'failed' | 'cancelled';

/** Where a device's platform came from, in the order they are tried. */
export type PlatformSource = 'manifest' | 'language' | 'content' | 'default';

export interface ChangeScore {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly score: number;
}

/** One input config: where it is, and the sha256 of the text actually used (after the task ran). */
export interface InputFile {
  readonly path: string;
  readonly sha256?: string;
  /** The text came from an unsaved editor buffer, not from the file on disk. */
  readonly unsaved?: boolean;
}

/** A parser finding of severity `error`: `line` is 1-based, as editors and `file:line` links count. */
export interface ParseError {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

export interface RiskFlag {
  readonly kind: string;
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * A device's compliance in brief, kept in memory with its summary (the per-feature details are in its
 * texts): enough for the job's compliance summary without reading the journal.
 */
export interface DeviceComplianceBrief {
  /** Every feature the device has is compliant. */
  readonly compliant: boolean;
  /** The features that drift, in feature-set order. */
  readonly drifting: readonly string[];
  /** Every feature the device has (lines in running or intended), in feature-set order. */
  readonly features: readonly string[];
}

/** An unmanaged section in brief: its top-level line (cut to UNMANAGED_PREVIEW_TEXT) and how it differs. */
export type UnmanagedPreview = Pick<UnmanagedSection, 'text' | 'kind' | 'reason'>;

/** Sections in a device's `unmanaged_preview`, and the length its texts are cut to. */
export const UNMANAGED_PREVIEW = 5;
export const UNMANAGED_PREVIEW_TEXT = 100;

/** What is kept in memory for every device of a loaded job (no config texts). */
export interface DeviceSummary {
  readonly device_id: string;
  /** Absolute path of the workspace folder the device belongs to. */
  readonly folder: string;
  readonly platform?: Platform;
  readonly platform_source?: PlatformSource;
  readonly status: DeviceStatus;
  /** Readable, naming the file (and line) when one is at fault. */
  readonly error?: string;
  readonly change_score?: ChangeScore;
  readonly rollback_change_score?: ChangeScore;
  /** False when the predicted config differs from the intended one (the device is still `success`). */
  readonly verified?: boolean;
  readonly verify_count?: number;
  /** False when running → remediation → rollback does not get back to running. */
  readonly rollback_verified?: boolean;
  /** At most 20; `risk_count` says how many there were. */
  readonly risks?: readonly RiskFlag[];
  readonly risk_count?: number;
  /**
   * The bare remediation or rollback has lines that make the device ask for confirmation (risk
   * `confirmation-prompt`): only a frame answers them (docs/safe-apply.md). In a framed result, whether
   * the framed scripts still leave one to the operator.
   */
  readonly needs_confirmation?: boolean;
  /** Set for a success device of a job that computes compliance. */
  readonly compliance?: DeviceComplianceBrief;
  /**
   * Set for a success device whose folder has a scope: how many top-level sections differ outside it
   * (information: never in the scripts, never drift in compliance). The first ones are in the texts'
   * `unmanaged_sections`.
   */
  readonly unmanaged_drift?: number;
  /**
   * The first few of those sections (UNMANAGED_PREVIEW, the telling ones first, texts cut short) for the
   * jobs tree's tooltip, kept in memory like `risks`; the texts' `unmanaged_sections` hold 50 with lines.
   */
  readonly unmanaged_preview?: readonly UnmanagedPreview[];
  readonly parse_errors?: readonly ParseError[];
  /** Milliseconds the task took in its worker. */
  readonly duration?: number;
  readonly running: InputFile;
  readonly intended: InputFile;
  readonly finished_at?: string;
  /** The worker thread that computed it (for the Workers view and bug reports). */
  readonly worker?: number;
}

/** The texts of a finished device, read lazily from the job's journal. */
export interface DeviceTexts {
  readonly remediation: string;
  readonly rollback: string;
  /** The running config with the remediation applied; absent when the job did not keep it. */
  readonly predicted?: string;
  /** Readable differences between the predicted and the intended config; empty when verified. */
  readonly verify: readonly string[];
  readonly rollback_verify: readonly string[];
  /**
   * Per feature the device has: missing, extra, its part of the scripts (jobs that compute compliance).
   * Not `compliance`: a DeviceResult is a summary and its texts in one object, and the summary's
   * `compliance` is the brief.
   */
  readonly feature_compliance?: readonly FeatureCompliance[];
  /** For a device with a scope: the first top-level sections that differ outside it. */
  readonly unmanaged_sections?: readonly UnmanagedSection[];
}

/** Set when the texts were asked for in a safe-apply frame (DeviceQuery `frame`). */
export interface DeviceFraming {
  readonly frame?: FrameKind;
  /** The platform has no such frame (IOS `checkpoint`, NX-OS `replace`): the texts are left bare. */
  readonly frame_error?: string;
  /**
   * Frame `none`: the lines that make the device ask for confirmation, withheld from the texts (each
   * replaced in place by one `! netremediate: withheld ...` comment; `line` counts in the texts as they
   * are). The texts then do not reach the intended config: only a frame sends those lines. Empty in a
   * frame.
   */
  readonly withheld_lines?: readonly PromptLine[];
}

export type DeviceResult = DeviceSummary & Partial<DeviceTexts> & DeviceFraming;

/** A job that holds devices another job needs. */
export interface LockHolder {
  readonly job_id: string;
  /** How many of the waiting job's devices it holds (or claimed first, when it is pending too). */
  readonly devices: number;
  /** One of them, `<folder name>/<device_id>`, for the message. */
  readonly example: string;
}

export interface JobResultSummary {
  readonly total: number;
  readonly success: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly pending: number;
  readonly running: number;
  /** Success devices whose predicted config differs from the intended one. */
  readonly unverified: number;
  /** Success devices with at least one remediation line, and those already in their intended state. */
  readonly changed_devices: number;
  readonly unchanged_devices: number;
  readonly devices_with_risks: number;
  /** Totals of the success devices' change scores. */
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly score: number;
}

export interface JobSummary {
  readonly job_id: string;
  readonly status: JobStatus;
  /** 0–100: finished devices (success, failed) over all devices. */
  readonly progress: number;
  readonly total_devices: number;
  /** Devices that finished with `success`. */
  readonly completed_devices: number;
  readonly failed_devices: number;
  readonly cancelled_devices: number;
  readonly created_at: string;
  readonly started_at?: string;
  readonly finished_at?: string;
  /** started_at → finished_at (or now while running), ms. */
  readonly duration?: number;
  /** created_at → started_at (or now while pending), ms. */
  readonly queue_time?: number;
  /** Absolute paths of the workspace folders the job covers. */
  readonly folders: readonly string[];
  readonly comment?: string;
  readonly ticket_ref?: string;
  /** Why the job failed (`failed`), or what the discovery found wrong. */
  readonly error?: string;
  /** While `pending`: the jobs holding devices this one needs. */
  readonly blocked_by?: readonly LockHolder[];
  /** The job whose failed devices this one retries. */
  readonly retry_of?: string;
  readonly summary: JobResultSummary;
}

export type JobEvent =
  | { readonly type: 'created'; readonly job: JobSummary }
  | { readonly type: 'status'; readonly job: JobSummary; readonly previous: JobStatus }
  /** Not a state transition: e.g. the holders a pending job waits for changed. */
  | { readonly type: 'updated'; readonly job: JobSummary }
  | { readonly type: 'deleted'; readonly job: JobSummary };

/** Device-level changes of one job, coalesced: at most 10 such events per second per job. */
export interface DevicesEvent {
  readonly job: JobSummary;
  readonly devices: readonly DeviceSummary[];
}

export interface WorkerInfo {
  readonly thread_id: number;
  readonly state: 'busy' | 'idle';
  /** The device it computes now. */
  readonly job_id?: string;
  readonly device_id?: string;
  readonly folder?: string;
  /** When it started that device (ISO). */
  readonly since?: string;
  readonly tasks_done: number;
  readonly tasks_failed: number;
}

export interface PoolStats {
  readonly max_workers: number;
  readonly workers: readonly WorkerInfo[];
  readonly busy: number;
  readonly idle: number;
  /** Tasks handed to the pool and not yet started (the small in-flight window). */
  readonly queued: number;
  /** Since the manager opened. `tasks_failed` counts tasks that failed (error, crash, timeout). */
  readonly tasks_done: number;
  readonly tasks_failed: number;
  readonly workers_replaced: number;
}
