/**
 * What `batch` and `compliance` share: their common options checked, a job run through the job manager
 * on worker threads (a temporary store unless `--store`), a progress bar on a terminal, Ctrl-C cancelling
 * the job and keeping what finished.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Jobs from '../jobs';
import type { JobManager, JobSummary, Shard } from '../jobs';
import type * as Progress from './batchProgress';
import { UsageError, type CliIo } from './io';
import { readUserRules } from './rulesOption';
import { readScopeOption } from './scopeOption';

/**
 * The job layer (piscina, the store) and the progress bar are required on use: loaded at start-up they
 * would add their cost to every other command (`remediate` runs once per device in some pipelines).
 * The bundler turns each require into a lazy module initialiser.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading on purpose, see loadOnUse */
export function loadOnUse<T>(load: () => unknown): T {
  return load() as T;
}

export function loadJobs(): typeof Jobs {
  return loadOnUse<typeof Jobs>(() => require('../jobs'));
}

function loadProgress(): typeof Progress {
  return loadOnUse<typeof Progress>(() => require('./batchProgress'));
}
/* eslint-enable @typescript-eslint/no-require-imports */

export function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} ${value}: expected a whole number`);
  return n;
}

/** `--shard I/N`, as a usage error when malformed. */
export function shardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  try {
    return loadJobs().parseShard(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function checkTargets(command: string, targets: readonly string[]): void {
  if (targets.length === 0) throw new UsageError(`${command} takes at least one FOLDER or MANIFEST`);
  for (const target of targets) {
    if (!fs.existsSync(target)) throw new UsageError(`${target}: no such folder or manifest`, false);
  }
}

export interface JobRunOptions {
  readonly targets: readonly string[];
  readonly workers?: number;
  readonly timeoutMs?: number;
  /** Keep the store there; default a temporary one, removed at the end. */
  readonly storeDir?: string;
  readonly shard?: Shard;
  readonly userRules?: unknown;
  readonly compliance: boolean;
  /** Feature overrides (`--features FILE`, already validated). */
  readonly features?: unknown;
  /** `--scope FILE`, already validated, and the file (for messages). */
  readonly scope?: unknown;
  readonly scopeFile?: string;
  readonly runningGlob?: string;
  readonly intendedGlob?: string;
  readonly comment?: string;
  readonly ticket?: string;
  /** Show the progress bar (on a terminal only). */
  readonly progress: boolean;
}

/** The command-line options every job-running command takes (`batch`, `compliance`). */
export const JOB_ARGS = {
  workers: { type: 'string' },
  timeout: { type: 'string' },
  store: { type: 'string' },
  shard: { type: 'string' },
  rules: { type: 'string' },
  scope: { type: 'string' },
  'running-glob': { type: 'string' },
  'intended-glob': { type: 'string' },
} as const;

type JobArgValues = { readonly [K in keyof typeof JOB_ARGS]?: string };

/**
 * Those options read and checked, each file once: the shard, worker and timeout numbers, the rules
 * (invalid ones refused before any work starts), the scope, the discovery globs.
 */
export function jobArgs(
  targets: readonly string[],
  values: JobArgValues,
  io: CliIo,
): Omit<JobRunOptions, 'compliance' | 'progress'> {
  return {
    targets,
    workers: positiveInteger('workers', values.workers),
    timeoutMs: positiveInteger('timeout', values.timeout),
    storeDir: values.store,
    shard: shardOption(values.shard),
    userRules: readUserRules(values.rules, io).userRules,
    scope: readScopeOption(values.scope, io),
    scopeFile: values.scope,
    runningGlob: values['running-glob'],
    intendedGlob: values['intended-glob'],
  };
}

/** The stderr note of a job whose devices have drift outside their scope (information only). */
export function unmanagedJobNote(devices: readonly { readonly unmanaged_drift?: number }[]): string {
  const drifting = devices.filter((d) => (d.unmanaged_drift ?? 0) > 0).length;
  if (drifting === 0) return '';
  const who = drifting === 1 ? '1 device has' : `${drifting} devices have`;
  return `note: ${who} top-level sections that differ outside their scope (unmanaged, not in the scripts; unmanaged_drift in --format json)\n`;
}

/**
 * Runs one job to its end and hands the finished job to `use` while the manager is still open (its
 * results are read from the store); then closes the manager and removes a temporary store.
 */
export async function withFinishedJob<T>(
  options: JobRunOptions,
  io: CliIo,
  use: (manager: JobManager, job: JobSummary) => T | Promise<T>,
): Promise<T> {
  const { JobManager } = loadJobs();
  const { showProgress } = loadProgress();
  if (options.workers === 0) throw new UsageError('--workers 0: at least one worker is needed');
  const temporaryStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'netremediate-store-'));
  const manager = await JobManager.open({
    storeDir,
    workerScript: path.join(__dirname, 'taskWorker.js'),
    // One per core: unlike the editor, the CLI has the machine to itself.
    maxWorkers: options.workers ?? os.availableParallelism(),
    deviceTimeoutMs: options.timeoutMs,
    userRules: options.userRules,
    compliance: options.compliance,
    features: options.features,
    scope: options.scope,
    ...(options.scopeFile === undefined ? {} : { scopeSource: `${options.scopeFile}: scope` }),
    discovery: { runningGlob: options.runningGlob, intendedGlob: options.intendedGlob },
    onWarning: (message) => io.err(`warning: ${message}\n`),
  });
  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) return;
    interrupted = true;
    io.err('\ncancelling: devices finished so far are kept\n');
    for (const job of manager.listJobs({ status: ['pending', 'running'] }).jobs)
      manager.cancelJob(job.job_id);
  };
  process.on('SIGINT', onSigint);
  try {
    const started = await manager.startJob({
      targets: options.targets.map((p) => path.resolve(p)),
      shard: options.shard,
      comment: options.comment,
      ticket_ref: options.ticket,
    });
    const stopProgress = options.progress ? showProgress(manager, started.job_id) : () => undefined;
    const job = await manager.waitForJob(started.job_id).finally(stopProgress);
    return await use(manager, job);
  } finally {
    process.off('SIGINT', onSigint);
    await manager.close();
    if (temporaryStore) fs.rmSync(storeDir, { recursive: true, force: true });
  }
}
