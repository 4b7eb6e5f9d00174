import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobManager } from '../../../server/src/jobs';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { openManager, record, until, type Recorded } from '../../support/fleetHarness';

// Enables the task worker's test faults (exit, oom, hang, throw) for the workers these tests start.
process.env.NETREMEDIATE_TEST_FAULTS = '1';

describe('worker faults fail only their device (real threads)', () => {
  const tmp = tempDir('jobs-faults');
  let manager: JobManager;
  let events: Recorded;
  before(async () => {
    manager = await openManager(path.join(tmp.dir, 'store'), {
      maxWorkers: 2,
      deviceTimeoutMs: 400,
      maxOldGenerationSizeMb: 48,
    });
    events = record(manager);
  });
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('a thread that exits, one out of memory, one that hangs past the timeout, and a task that throws', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'site'), { devices: 8 });
    const started = await manager.startJob({
      targets: [fleet.folder],
      testFaults: { r2: 'exit', r3: 'oom', r4: 'hang', r5: 'throw' },
    });
    const job = await manager.waitForJob(started.job_id);
    assert.equal(job.status, 'completed');
    assert.equal(job.completed_devices, 4);
    assert.equal(job.failed_devices, 4);
    const errors = Object.fromEntries(
      manager.getDeviceResults(job.job_id).devices.map((d) => [d.device_id, d.error ?? d.status]),
    );
    assert.equal(errors.r1, 'success');
    assert.match(errors.r2, /^its worker thread exited \(code 3\) and was replaced$/);
    assert.match(errors.r3, /^its worker ran out of memory \(limit 48 MB\) and was replaced$/);
    assert.match(
      errors.r4,
      /^timed out after 400 ms \(netremediate\.deviceTimeoutMs\); its worker was replaced$/,
    );
    assert.match(errors.r5, /test fault: r5 throws/);
    for (const id of ['r6', 'r7', 'r8']) assert.equal(errors[id], 'success');

    const stats = manager.poolStats();
    assert.equal(stats.tasks_failed, 4);
    assert.equal(stats.tasks_done, 4);
    assert.ok(stats.workers_replaced >= 3, `replaced: ${stats.workers_replaced}`);
    await until(() => manager.poolStats().workers.length === 2, 5000, 'the pool to be back to 2 workers');
    assert.deepEqual(events.warnings, []);
  });

  it('stops one worker on request: its device fails as stopped, the job goes on', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'site-stop'), { devices: 4 });
    const started = await manager.startJob({ targets: [fleet.folder], testFaults: { r1: 'hang' } });
    let thread: number | undefined;
    await until(() => {
      thread = manager.poolStats().workers.find((w) => w.device_id === 'r1')?.thread_id;
      return thread !== undefined;
    });
    const busy = manager.poolStats().workers.find((w) => w.thread_id === thread);
    assert.equal(busy?.state, 'busy');
    assert.equal(busy?.job_id, started.job_id);
    assert.ok(busy?.since !== undefined);
    assert.equal(manager.stopWorker(thread!), true);
    assert.equal(manager.stopWorker(123_456), false);
    const job = await manager.waitForJob(started.job_id);
    assert.equal(job.completed_devices, 3);
    const r1 = manager.getDeviceResult(job.job_id, fleet.folder, 'r1');
    assert.equal(r1?.error, `its worker (thread ${thread}) was stopped on request`);
  });
});
