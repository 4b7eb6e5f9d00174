/**
 * The worker-thread pool: piscina running dist/taskWorker.js, with what the job layer needs on top —
 * which thread computes which device (from the task's start message), a per-task timeout that counts
 * from the start (not from the queue), failures classified into readable kinds, pool stats, stopping
 * one worker, and closing the threads after an idle spell so an idle editor holds none.
 *
 * piscina facts this relies on (FACTS.md): an abort or timeout terminates the task's thread and the
 * pool starts another (minThreads = maxThreads, so a queued task never waits for a thread that is not
 * coming); `process.exit` or running out of `resourceLimits` fails only the task on that thread;
 * `'error'` must have a listener or an abort right after dispatch crashes the process.
 */
import Piscina from 'piscina';
import type { PoolStats, WorkerInfo } from './types';
import { isTaskStartMessage, type DeviceTask, type DeviceTaskResult } from './workerProtocol';

/**
 * The V8 young generation of each worker. A device's parse trees and plan live a few milliseconds; with
 * the default young generation they outlive several scavenges, are copied and promoted, and the old
 * generation is then marked and compacted by V8's helper threads, which compete with the workers for
 * the cores. 64 MB lets most of a device die young: a 1,000-device job ran 9% faster (median of 6
 * interleaved runs, 2 cores; 96 MB 11%, 128 MB 13%), for at most 64 MB more memory per worker.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

export interface WorkerPoolOptions {
  /** Absolute path of dist/taskWorker.js: the caller knows where its bundle is; never guessed here. */
  readonly filename: string;
  readonly maxWorkers: number;
  /** The V8 old-generation limit of each worker (its heap, not Buffers). */
  readonly maxOldGenerationSizeMb: number;
  /** Threads end after this long without a task (default 30 s); the next task starts them again. */
  readonly idleShutdownMs?: number;
  readonly onWarning?: (message: string) => void;
}

export type TaskFailureKind = 'cancelled' | 'timeout' | 'crashed' | 'out-of-memory' | 'stopped' | 'error';

export class TaskFailure extends Error {
  constructor(
    readonly kind: TaskFailureKind,
    message: string,
    readonly threadId?: number,
  ) {
    super(message);
  }
}

/** What the Workers view shows for a running task. */
export interface TaskLabel {
  readonly job_id: string;
  readonly device_id: string;
  readonly folder: string;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Fails the task this long after it started on a thread; its thread is replaced. */
  readonly timeoutMs?: number;
  readonly label?: TaskLabel;
  readonly onStart?: (threadId: number) => void;
}

interface Run {
  readonly label?: TaskLabel;
  readonly options: RunOptions;
  readonly controller: AbortController;
  threadId?: number;
  since?: Date;
  timer?: NodeJS.Timeout;
  reason?: 'cancelled' | 'timeout';
}

export class WorkerPool {
  private piscina: Piscina | undefined;
  private nextRunId = 0;
  private readonly runs = new Map<number, Run>();
  private readonly busy = new Map<number, Run>();
  private readonly perThread = new Map<number, { done: number; failed: number }>();
  private readonly stopping = new Set<number>();
  private idleTimer: NodeJS.Timeout | undefined;
  private queued = 0;
  private done = 0;
  private failed = 0;
  private replaced = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  get maxWorkers(): number {
    return this.options.maxWorkers;
  }

  async run(task: Omit<DeviceTask, 'runId'>, options: RunOptions = {}): Promise<DeviceTaskResult> {
    if (options.signal?.aborted) throw new TaskFailure('cancelled', 'cancelled');
    const runId = ++this.nextRunId;
    const run: Run = { label: options.label, options, controller: new AbortController() };
    const onAbort = (): void => {
      run.reason ??= 'cancelled';
      run.controller.abort();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.runs.set(runId, run);
    this.queued++;
    clearTimeout(this.idleTimer);
    try {
      const result = (await this.pool().run(
        { ...task, runId },
        { signal: run.controller.signal },
      )) as DeviceTaskResult;
      this.count(result.threadId, 'done');
      return result;
    } catch (error) {
      const failure = this.classify(error, run);
      if (failure.kind !== 'cancelled') this.count(failure.threadId, 'failed');
      throw failure;
    } finally {
      clearTimeout(run.timer);
      options.signal?.removeEventListener('abort', onAbort);
      this.runs.delete(runId);
      if (run.threadId === undefined) this.queued--;
      else if (this.busy.get(run.threadId) === run) this.busy.delete(run.threadId);
      if (this.runs.size === 0) this.scheduleIdleShutdown();
    }
  }

  /** Ends one worker thread; the task it runs fails as `stopped`, and piscina starts a replacement. */
  stopWorker(threadId: number): boolean {
    const worker = this.piscina?.threads.find((w) => w.threadId === threadId);
    if (worker === undefined) return false;
    this.stopping.add(threadId);
    void worker.terminate();
    return true;
  }

  stats(): PoolStats {
    const workers: WorkerInfo[] = (this.piscina?.threads ?? []).map((w) => {
      const run = this.busy.get(w.threadId);
      const counts = this.perThread.get(w.threadId) ?? { done: 0, failed: 0 };
      return {
        thread_id: w.threadId,
        state: run === undefined ? 'idle' : 'busy',
        ...(run?.label ?? {}),
        ...(run?.since === undefined ? {} : { since: run.since.toISOString() }),
        tasks_done: counts.done,
        tasks_failed: counts.failed,
      };
    });
    const busy = workers.filter((w) => w.state === 'busy').length;
    return {
      max_workers: this.options.maxWorkers,
      workers,
      busy,
      idle: workers.length - busy,
      queued: this.queued,
      tasks_done: this.done,
      tasks_failed: this.failed,
      workers_replaced: this.replaced,
    };
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const pool = this.piscina;
    this.piscina = undefined;
    if (pool !== undefined) await pool.destroy();
  }

  private pool(): Piscina {
    if (this.piscina !== undefined) return this.piscina;
    const pool = new Piscina({
      filename: this.options.filename,
      minThreads: this.options.maxWorkers,
      maxThreads: this.options.maxWorkers,
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      },
    });
    pool.on('error', (error: Error) => this.options.onWarning?.(`worker pool: ${error.message}`));
    pool.on('message', (message: unknown) => {
      if (isTaskStartMessage(message)) this.started(message.runId, message.threadId);
    });
    pool.on('workerDestroy', () => {
      if (this.piscina === pool) this.replaced++;
    });
    this.piscina = pool;
    return pool;
  }

  private started(runId: number, threadId: number): void {
    const run = this.runs.get(runId);
    if (run === undefined) return; // it already finished: its start message came late
    run.threadId = threadId;
    run.since = new Date();
    this.queued--;
    this.busy.set(threadId, run);
    const { timeoutMs } = run.options;
    if (timeoutMs !== undefined && timeoutMs > 0) {
      run.timer = setTimeout(() => {
        run.reason = 'timeout';
        run.controller.abort();
      }, timeoutMs);
    }
    run.options.onStart?.(threadId);
  }

  private classify(error: unknown, run: Run): TaskFailure {
    const threadId = run.threadId;
    if (run.reason === 'cancelled') return new TaskFailure('cancelled', 'cancelled', threadId);
    if (run.reason === 'timeout') {
      return new TaskFailure(
        'timeout',
        `timed out after ${run.options.timeoutMs} ms (netremediate.deviceTimeoutMs); its worker was replaced`,
        threadId,
      );
    }
    if (threadId !== undefined && this.stopping.delete(threadId)) {
      return new TaskFailure('stopped', `its worker (thread ${threadId}) was stopped on request`, threadId);
    }
    const code = (error as { code?: unknown }).code;
    const message = (error as Error).message ?? String(error);
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new TaskFailure(
        'out-of-memory',
        `its worker ran out of memory (limit ${this.options.maxOldGenerationSizeMb} MB) and was replaced`,
        threadId,
      );
    }
    const exited = /worker exited with code:? ?(-?\d+)/i.exec(message);
    if (exited) {
      return new TaskFailure(
        'crashed',
        `its worker thread exited (code ${exited[1]}) and was replaced`,
        threadId,
      );
    }
    return new TaskFailure('error', message, threadId);
  }

  private count(threadId: number | undefined, outcome: 'done' | 'failed'): void {
    if (outcome === 'done') this.done++;
    else this.failed++;
    if (threadId === undefined) return;
    const counts = this.perThread.get(threadId) ?? { done: 0, failed: 0 };
    counts[outcome]++;
    this.perThread.set(threadId, counts);
  }

  private scheduleIdleShutdown(): void {
    clearTimeout(this.idleTimer);
    const pool = this.piscina;
    if (pool === undefined) return;
    this.idleTimer = setTimeout(() => {
      if (this.runs.size > 0 || this.piscina !== pool) return;
      this.piscina = undefined;
      void pool.destroy();
    }, this.options.idleShutdownMs ?? 30_000);
    this.idleTimer.unref();
  }
}
