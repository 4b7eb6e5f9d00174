/**
 * Batch job speed (issue 5, "Speed and scale"), end to end through the JobManager with real worker
 * threads (dist/taskWorker.js) and a real store: discovery, workers, journal, index.
 *
 * - 1,000 devices of about 1,000 lines, every device with about 10% of its lines changed: ≤ 3 s, with
 *   2 workers and with 1 (the speed-up of 2 over 1 is in the notes).
 * - Cancel a running 10,000-device job (small devices): `cancelled` within 500 ms of the request.
 * - BENCH_LARGE=1: 10,000 devices of about 1,000 lines ≤ 30 s with the process under 400 MB RSS
 *   (writes ~660 MB of configs to the temp folder first).
 *
 * Each run opens a fresh manager and store, as `netremediate batch` does, so thread start-up counts.
 * `node out/test/bench/jobsBench.js` runs it alone and prints the table.
 */
import path from 'node:path';
import { JobManager } from '../../server/src/jobs';
import { tempDir, writeFleet, type Fleet } from '../support/fleetGenerator';
import { TASK_WORKER } from '../support/fleetHarness';
import { measure, type Measurement } from './measure';

/** generateIosConfig(90) is about 1,070 lines. */
const INTERFACES_FOR_1000_LINES = 90;

let storeRuns = 0;

async function runJob(fleet: Fleet, root: string, maxWorkers: number): Promise<number> {
  const manager = await JobManager.open({
    storeDir: path.join(root, `store-${++storeRuns}`),
    workerScript: TASK_WORKER,
    maxWorkers,
    // As `netremediate batch` runs it; complianceBench.ts measures what compliance adds.
    compliance: false,
  });
  try {
    const job = await manager.waitForJob((await manager.startJob({ targets: [fleet.folder] })).job_id);
    if (job.completed_devices !== job.total_devices)
      throw new Error(`job ${job.job_id}: ${JSON.stringify(job.summary)}`);
    return job.total_devices;
  } finally {
    await manager.close();
  }
}

/** A Measurement from samples timed by hand (measure() times the whole function). */
function fromSamples(name: string, samples: number[], targetMs: number, extra: string): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const medianMs = at(0.5);
  return {
    name,
    target: `≤ ${targetMs} ms`,
    medianMs,
    p90Ms: at(0.9),
    minMs: sorted[0],
    runs: samples.length,
    extra,
    met: medianMs <= targetMs,
  };
}

async function wholeJob(root: string): Promise<Measurement[]> {
  const fleet = writeFleet(path.join(root, 'fleet-1k'), {
    devices: 1000,
    interfaces: INTERFACES_FOR_1000_LINES,
  });
  const rows: Measurement[] = [];
  for (const workers of [2, 1]) {
    rows.push(
      await measure(
        // 2 workers: the CLI's default on 2 cores, which the target is for; 1 worker: the editor's
        // default there (it keeps a core for the UI), shown for the speed-up.
        `jobs: 1,000 devices × ${fleet.linesPerDevice} lines, 10% changed, ${workers} worker${workers > 1 ? 's' : ''}`,
        () => runJob(fleet, root, workers),
        {
          runs: 3,
          warmup: 1,
          targetMs: workers === 2 ? 3000 : undefined,
          extra: (ms) => `${Math.round(1000 / (ms / 1000))} devices/s`,
        },
      ),
    );
  }
  rows[0].extra += `, ${(rows[1].medianMs / rows[0].medianMs).toFixed(2)}× the speed of 1 worker`;
  return rows;
}

async function cancelLargeJob(root: string): Promise<Measurement> {
  const fleet = writeFleet(path.join(root, 'fleet-10k'), { devices: 10_000, interfaces: 1 });
  const samples: number[] = [];
  for (let run = 0; run < 4; run++) {
    const manager = await JobManager.open({
      storeDir: path.join(root, `store-${++storeRuns}`),
      workerScript: TASK_WORKER,
      maxWorkers: 2,
    });
    const started = await manager.startJob({ targets: [fleet.folder] });
    while ((manager.getJob(started.job_id)?.completed_devices ?? 0) < 500)
      await new Promise((r) => setTimeout(r, 5));
    const cancelled = new Promise<number>((resolve) =>
      manager.on('job', (e) => {
        if (e.job.job_id === started.job_id && e.job.status === 'cancelled') resolve(performance.now());
      }),
    );
    const t0 = performance.now();
    manager.cancelJob(started.job_id);
    const elapsed = (await cancelled) - t0;
    if (run > 0) samples.push(elapsed); // the first run warms up
    await manager.close();
  }
  return fromSamples('jobs: cancel a running 10,000-device job → cancelled', samples, 500, '40-line devices');
}

async function largeFleet(root: string): Promise<Measurement> {
  const fleet = writeFleet(path.join(root, 'fleet-10k-large'), {
    devices: 10_000,
    interfaces: INTERFACES_FOR_1000_LINES,
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    await runJob(fleet, root, 2);
  } finally {
    clearInterval(sampler);
  }
  const elapsed = performance.now() - t0;
  const mb = Math.round(peakRss / 1024 / 1024);
  const row = fromSamples(
    `jobs: 10,000 devices × ${fleet.linesPerDevice} lines, 2 workers (BENCH_LARGE)`,
    [elapsed],
    30_000,
    `${Math.round(10_000 / (elapsed / 1000))} devices/s, peak RSS ${mb} MB (target < 400 MB)`,
  );
  return { ...row, met: row.met === true && mb < 400 };
}

export async function jobsBenchmarks(): Promise<Measurement[]> {
  const tmp = tempDir('jobs-bench');
  try {
    const rows = [...(await wholeJob(tmp.dir)), await cancelLargeJob(tmp.dir)];
    if (process.env.BENCH_LARGE === '1') rows.push(await largeFleet(tmp.dir));
    return rows;
  } finally {
    tmp.remove();
  }
}
