/**
 * What compliance costs a batch job (issue #8, "Speed"): the same job with and without per-feature
 * compliance in the workers, end to end through the JobManager (real threads, store, journal), at most
 * 10% more. 1,000 devices of about 1,000 lines, 10% of their lines changed, 2 workers; with
 * BENCH_LARGE=1 also 10,000 devices (writes ~660 MB of configs to the temp folder first).
 *
 * The two kinds of run alternate (and swap which goes first each round), so that a machine busy with
 * something else slows both alike. `node out/test/bench/complianceBench.js` runs it alone.
 */
import path from 'node:path';
import { JobManager } from '../../server/src/jobs';
import { tempDir, writeFleet, type Fleet } from '../support/fleetGenerator';
import { TASK_WORKER } from '../support/fleetHarness';
import type { Measurement } from './measure';

const INTERFACES_FOR_1000_LINES = 90;
const MAX_OVERHEAD_PERCENT = 10;

let storeRuns = 0;

async function timeJob(fleet: Fleet, root: string, compliance: boolean): Promise<number> {
  const manager = await JobManager.open({
    storeDir: path.join(root, `store-${++storeRuns}`),
    workerScript: TASK_WORKER,
    maxWorkers: 2,
    compliance,
  });
  try {
    const t0 = performance.now();
    const job = await manager.waitForJob((await manager.startJob({ targets: [fleet.folder] })).job_id);
    const elapsed = performance.now() - t0;
    if (job.completed_devices !== job.total_devices)
      throw new Error(`job ${job.job_id}: ${JSON.stringify(job.summary)}`);
    return elapsed;
  } finally {
    await manager.close();
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * The overhead as the median of paired rounds: each round runs the job without and with compliance
 * back to back (alternating which goes first), and the ratio of the pair is one sample. A 2-core VM
 * drifts by more than the 10% measured over a few minutes; pairing cancels the drift that medians of
 * the two series separately would keep.
 */
async function overhead(fleet: Fleet, root: string, devices: number, rounds: number): Promise<Measurement> {
  const without: number[] = [];
  const withCompliance: number[] = [];
  const ratios: number[] = [];
  await timeJob(fleet, root, true); // warm-up: file cache, JIT of the main thread
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    const pair: Record<string, number> = {};
    for (const compliance of order) pair[String(compliance)] = await timeJob(fleet, root, compliance);
    without.push(pair.false);
    withCompliance.push(pair.true);
    ratios.push(pair.true / pair.false);
  }
  const percent = (median(ratios) - 1) * 100;
  const sorted = [...withCompliance].sort((a, b) => a - b);
  return {
    name: `compliance: ${devices.toLocaleString('en-US')} devices × ${fleet.linesPerDevice} lines, 2 workers, with vs without`,
    target: `≤ +${MAX_OVERHEAD_PERCENT}%`,
    medianMs: median(withCompliance),
    p90Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)],
    minMs: sorted[0],
    runs: rounds,
    extra: `without compliance ${median(without).toFixed(0)} ms; paired overhead ${percent >= 0 ? '+' : ''}${percent.toFixed(1)}% (median of ${rounds} pairs)`,
    met: percent <= MAX_OVERHEAD_PERCENT,
  };
}

export async function complianceBenchmarks(): Promise<Measurement[]> {
  const tmp = tempDir('compliance-bench');
  try {
    const fleet = writeFleet(path.join(tmp.dir, 'fleet-1k'), {
      devices: 1000,
      interfaces: INTERFACES_FOR_1000_LINES,
    });
    const rows = [await overhead(fleet, tmp.dir, 1000, 7)];
    if (process.env.BENCH_LARGE === '1') {
      const large = writeFleet(path.join(tmp.dir, 'fleet-10k'), {
        devices: 10_000,
        interfaces: INTERFACES_FOR_1000_LINES,
      });
      rows.push(await overhead(large, tmp.dir, 10_000, 3));
    }
    return rows;
  } finally {
    tmp.remove();
  }
}
