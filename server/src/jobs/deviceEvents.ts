/**
 * Coalesces device-level changes per job: at most one emission per `intervalMs` (100 ms: ≤ 10 a second,
 * what a tree view can apply) carrying every device changed since the last one. A job state transition
 * flushes first, so listeners always see a job's devices before the state they led to.
 */
export class DeviceChangeBatcher {
  private readonly pending = new Map<
    string,
    { indices: Set<number>; timer?: NodeJS.Timeout; last: number }
  >();

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (jobId: string, indices: readonly number[]) => void,
  ) {}

  changed(jobId: string, index: number): void {
    let entry = this.pending.get(jobId);
    if (entry === undefined) {
      entry = { indices: new Set(), last: 0 };
      this.pending.set(jobId, entry);
    }
    entry.indices.add(index);
    if (entry.timer !== undefined) return;
    const delay = Math.max(0, entry.last + this.intervalMs - Date.now());
    entry.timer = setTimeout(() => this.flush(jobId), delay);
    entry.timer.unref();
  }

  /** Emits what is pending for the job now (a state transition is about to be announced). */
  flush(jobId: string): void {
    const entry = this.pending.get(jobId);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.indices.size === 0) return;
    const indices = [...entry.indices];
    entry.indices.clear();
    entry.last = Date.now();
    this.emit(jobId, indices);
  }

  /** Drops a job's pending changes (it was deleted). */
  forget(jobId: string): void {
    const entry = this.pending.get(jobId);
    if (entry !== undefined) clearTimeout(entry.timer);
    this.pending.delete(jobId);
  }

  dispose(): void {
    for (const id of [...this.pending.keys()]) this.forget(id);
  }
}
