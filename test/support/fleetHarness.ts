/**
 * What the job tests share: a JobManager on a real store folder with the real task worker
 * (dist/taskWorker.js, built by `node esbuild.mjs`), and a recorder of its events.
 */
import path from 'node:path';
import { JobManager, type JobManagerOptions } from '../../server/src/jobs';
import type { DevicesEvent, JobEvent, JobStatus } from '../../server/src/jobs';
import { DIST } from './paths';

export const TASK_WORKER = path.join(DIST, 'taskWorker.js');

export function openManager(storeDir: string, options: Partial<JobManagerOptions> = {}): Promise<JobManager> {
  return JobManager.open({ storeDir, workerScript: TASK_WORKER, maxWorkers: 2, ...options });
}

export interface Recorded {
  readonly jobEvents: JobEvent[];
  readonly deviceEvents: { at: number; event: DevicesEvent }[];
  readonly warnings: string[];
  /** The status transitions of one job, in order. */
  statuses(jobId: string): JobStatus[];
}

export function record(manager: JobManager): Recorded {
  const recorded: Recorded = {
    jobEvents: [],
    deviceEvents: [],
    warnings: [],
    statuses: (jobId) =>
      recorded.jobEvents
        .filter((e) => e.job.job_id === jobId && e.type !== 'updated')
        .map((e) => e.job.status),
  };
  manager.on('job', (e) => recorded.jobEvents.push(e));
  manager.on('devices', (event) => recorded.deviceEvents.push({ at: Date.now(), event }));
  manager.on('warning', (m) => recorded.warnings.push(m));
  return recorded;
}

/** Resolves when `predicate` holds, checking every 5 ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
