/**
 * Hands the devices of running jobs to the worker pool through a small in-flight window (about two
 * tasks per worker: enough to keep every thread busy, few enough that cancel aborts only a handful of
 * tasks — aborting 10,000 queued piscina tasks takes ~200 ms). Jobs that run at once share the window
 * round-robin. The dispatcher knows nothing of the store: it reports starts and outcomes to its owner.
 */
import type { JobState } from './jobState';
import { TaskFailure, type WorkerPool } from './workerPool';
import type { DeviceTask, DeviceTaskResult } from './workerProtocol';

export interface DispatchHooks {
  /** The task of device `index` started on a worker thread. */
  started(job: JobState, index: number, threadId: number): void;
  /** The device finished: a result, or a failure (never `cancelled`: cancelled tasks are dropped). */
  finished(job: JobState, index: number, outcome: DeviceTaskResult | TaskFailure): void;
  /** Nothing of the job is left to dispatch or in flight. */
  drained(job: JobState): void;
}

interface JobRun {
  readonly job: JobState;
  readonly indices: readonly number[];
  next: number;
  readonly inFlight: Map<number, AbortController>;
  stopped: boolean;
}

export class DeviceDispatcher {
  private readonly runs: JobRun[] = [];
  private turn = 0;
  private inFlight = 0;

  constructor(
    private readonly pool: WorkerPool,
    private readonly window: number,
    private readonly timeoutMs: number,
    private readonly makeTask: (job: JobState, index: number) => Omit<DeviceTask, 'runId'>,
    private readonly hooks: DispatchHooks,
  ) {}

  get activeJobs(): number {
    return this.runs.length;
  }

  add(job: JobState, indices: readonly number[]): void {
    const run: JobRun = { job, indices, next: 0, inFlight: new Map(), stopped: false };
    this.runs.push(run);
    // Nothing to run: still end asynchronously, so the owner never sees `drained` inside its own call.
    if (indices.length === 0) queueMicrotask(() => this.finishRun(run));
    else this.pump();
  }

  /**
   * Stops dispatching the job and aborts its tasks in flight (their threads are replaced by the pool).
   * Synchronous and O(window): what lets a 10,000-device job be `cancelled` at once.
   */
  stop(job: JobState): void {
    const run = this.runs.find((r) => r.job === job);
    if (run === undefined) return;
    run.stopped = true;
    for (const controller of run.inFlight.values()) controller.abort();
    this.remove(run);
  }

  private pump(): void {
    while (this.inFlight < this.window) {
      const run = this.nextRun();
      if (run === undefined) return;
      const index = run.indices[run.next++];
      this.dispatch(run, index);
    }
  }

  /** The next job, round-robin, that still has devices to hand out. */
  private nextRun(): JobRun | undefined {
    for (let k = 0; k < this.runs.length; k++) {
      const run = this.runs[(this.turn + k) % this.runs.length];
      if (!run.stopped && run.next < run.indices.length) {
        this.turn = (this.turn + k + 1) % Math.max(1, this.runs.length);
        return run;
      }
    }
    return undefined;
  }

  private dispatch(run: JobRun, index: number): void {
    const controller = new AbortController();
    const { job } = run;
    run.inFlight.set(index, controller);
    this.inFlight++;
    const spec = job.specs[index];
    const settle = (outcome: DeviceTaskResult | TaskFailure): void => {
      run.inFlight.delete(index);
      this.inFlight--;
      if (!run.stopped && !(outcome instanceof TaskFailure && outcome.kind === 'cancelled')) {
        this.hooks.finished(job, index, outcome);
      }
      if (!run.stopped && run.next >= run.indices.length && run.inFlight.size === 0) this.finishRun(run);
      this.pump();
    };
    this.pool
      .run(this.makeTask(job, index), {
        signal: controller.signal,
        timeoutMs: this.timeoutMs,
        label: { job_id: job.id, device_id: spec.device_id, folder: spec.folder },
        onStart: (threadId) => {
          if (!run.stopped) this.hooks.started(job, index, threadId);
        },
      })
      .then(settle, (error: unknown) =>
        settle(error instanceof TaskFailure ? error : new TaskFailure('error', String(error))),
      );
  }

  private finishRun(run: JobRun): void {
    this.remove(run);
    this.hooks.drained(run.job);
  }

  private remove(run: JobRun): void {
    const at = this.runs.indexOf(run);
    if (at >= 0) this.runs.splice(at, 1);
    if (this.turn >= this.runs.length) this.turn = 0;
  }
}
