/**
 * The job store, under a folder the caller gives (the extension's storage folder; `--store DIR`):
 *
 *   index.json            the summary of every job, rewritten atomically at each job state transition
 *   jobs/<job_id>.journal one append-only journal per job: its header (options and device list), its
 *                         status changes and one record per finished device (summary + texts)
 *
 * The journals are the truth; the index is a cache for listing jobs without reading journals. A job
 * the index shows pending or running (the process died), or that it does not know, is rebuilt from its
 * journal. Device texts stay in the journal and are read when asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceSpec } from './discovery';
import type { JobCompliance } from './jobFeatures';
import type { JobScope } from './jobScope';
import { JournalWriter, replayJournal, type BodyLocation } from './journal';
import type { DeviceSummary, JobStatus, JobSummary } from './types';
import type { Platform } from '../engine';

/** What a job was asked to do: written once, first in its journal. */
export interface JobHeader {
  readonly job_id: string;
  readonly created_at: string;
  readonly folders: readonly string[];
  readonly comment?: string;
  readonly ticket_ref?: string;
  readonly retry_of?: string;
  readonly include_predicted: boolean;
  readonly default_platform: Platform;
  /** Set when the job computes compliance: the feature sets its devices are checked against. */
  readonly compliance?: JobCompliance;
  /** Set when some folder of the job has a scope (setting, `--scope` or manifest): what its devices manage. */
  readonly scope?: JobScope;
}

export type JournalRecord =
  | { readonly t: 'job'; readonly v: 1; readonly job: JobHeader; readonly devices: readonly DeviceSpec[] }
  | { readonly t: 'status'; readonly status: JobStatus; readonly at: string; readonly error?: string }
  | { readonly t: 'device'; readonly i: number; readonly d: DeviceSummary };

/** A job as its journal tells it. */
export interface ReplayedJob {
  readonly header: JobHeader;
  readonly specs: readonly DeviceSpec[];
  readonly status: JobStatus;
  readonly started_at?: string;
  readonly finished_at?: string;
  readonly error?: string;
  /** By device index: the last record of each finished device. */
  readonly results: Map<number, { summary: DeviceSummary; body: BodyLocation | undefined }>;
  readonly validBytes: number;
  /** Set when the journal's tail was torn or damaged (the records before it are all there). */
  readonly problem?: string;
}

const INDEX_FILE = 'index.json';

export class JobStore {
  readonly jobsDir: string;

  constructor(
    readonly dir: string,
    private readonly fsyncEvery: number,
  ) {
    this.jobsDir = path.join(dir, 'jobs');
    fs.mkdirSync(this.jobsDir, { recursive: true });
  }

  journalPath(jobId: string): string {
    return path.join(this.jobsDir, `${jobId}.journal`);
  }

  /** Job ids with a journal on disk. */
  journalIds(): string[] {
    return fs
      .readdirSync(this.jobsDir)
      .filter((f) => f.endsWith('.journal'))
      .map((f) => f.slice(0, -'.journal'.length));
  }

  /** The index's summaries; undefined when it is missing or unreadable (then journals are replayed). */
  readIndex(): JobSummary[] | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(this.dir, INDEX_FILE), 'utf8')) as {
        jobs?: unknown;
      };
      return Array.isArray(parsed.jobs) ? (parsed.jobs as JobSummary[]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Write to a temporary file, fsync, rename: a crash leaves the old index or the new one, never half. */
  writeIndex(jobs: readonly JobSummary[]): void {
    const file = path.join(this.dir, INDEX_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(fd, JSON.stringify({ version: 1, jobs }));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  }

  createJournal(header: JobHeader, specs: readonly DeviceSpec[]): JournalWriter {
    const writer = new JournalWriter(this.journalPath(header.job_id), this.fsyncEvery, 0);
    writer.append({ t: 'job', v: 1, job: header, devices: specs } satisfies JournalRecord);
    writer.append({ t: 'status', status: 'pending', at: header.created_at } satisfies JournalRecord);
    writer.sync();
    return writer;
  }

  /** Appends after the last valid record (a torn tail is cut first). */
  reopenJournal(jobId: string, validBytes: number): JournalWriter {
    return new JournalWriter(this.journalPath(jobId), this.fsyncEvery, validBytes);
  }

  replay(jobId: string): ReplayedJob {
    let header: JobHeader | undefined;
    let specs: readonly DeviceSpec[] = [];
    let status: JobStatus = 'pending';
    let started: string | undefined;
    let finished: string | undefined;
    let error: string | undefined;
    const results = new Map<number, { summary: DeviceSummary; body: BodyLocation | undefined }>();
    const replayed = replayJournal(this.journalPath(jobId), (value, body) => {
      const record = value as JournalRecord;
      if (record.t === 'job') {
        header = record.job;
        specs = record.devices;
      } else if (record.t === 'status') {
        status = record.status;
        error = record.error;
        if (record.status === 'running') started ??= record.at;
        const ended =
          record.status === 'completed' || record.status === 'failed' || record.status === 'cancelled';
        finished = ended ? record.at : undefined;
      } else if (record.t === 'device') {
        results.set(record.i, { summary: record.d, body: body.length > 0 ? body : undefined });
      }
    });
    if (header === undefined)
      throw new Error(`the journal of ${jobId} has no job record (${replayed.problem ?? 'empty'})`);
    return {
      header,
      specs,
      status,
      started_at: started,
      finished_at: finished,
      error,
      results,
      validBytes: replayed.validBytes,
      problem: replayed.problem,
    };
  }

  journalSize(jobId: string): number {
    return fs.statSync(this.journalPath(jobId)).size;
  }

  deleteJob(jobId: string): void {
    fs.rmSync(this.journalPath(jobId), { force: true });
  }

  /** Bytes on disk (index and journals), for the server status. */
  sizeBytes(): number {
    let total = 0;
    for (const file of [
      path.join(this.dir, INDEX_FILE),
      ...this.journalIds().map((id) => this.journalPath(id)),
    ]) {
      try {
        total += fs.statSync(file).size;
      } catch {
        // deleted meanwhile
      }
    }
    return total;
  }
}
