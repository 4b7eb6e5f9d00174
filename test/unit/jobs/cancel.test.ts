import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobManager } from '../../../server/src/jobs';
import { tempDir, writeFleet, type Fleet } from '../../support/fleetGenerator';
import { openManager, record, until, type Recorded } from '../../support/fleetHarness';

describe('cancel', () => {
  const tmp = tempDir('jobs-cancel');
  const storeDir = path.join(tmp.dir, 'store');
  let manager: JobManager;
  let events: Recorded;
  let fleet: Fleet;
  before(async () => {
    fleet = writeFleet(path.join(tmp.dir, 'big'), { devices: 3000, interfaces: 1 });
    manager = await openManager(storeDir, { maxWorkers: 2 });
    events = record(manager);
  });
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('a running job of 3,000 devices is cancelled within 500 ms, keeping the results it has', async (t) => {
    const started = await manager.startJob({ targets: [fleet.folder] });
    await until(() => (manager.getJob(started.job_id)?.completed_devices ?? 0) >= 100, 30_000, '100 devices');
    let cancelledAt: number | undefined;
    events.jobEvents.length = 0;
    manager.on('job', (e) => {
      if (e.job.job_id === started.job_id && e.job.status === 'cancelled') cancelledAt ??= performance.now();
    });
    const t0 = performance.now();
    const returned = manager.cancelJob(started.job_id);
    const elapsed = (cancelledAt ?? Infinity) - t0;
    assert.equal(returned.status, 'cancelled');
    assert.ok(elapsed < 500, `cancelled after ${elapsed.toFixed(1)} ms`);
    t.diagnostic(`cancelled ${elapsed.toFixed(1)} ms after the request`);

    const kept = returned.completed_devices;
    assert.ok(kept >= 100 && kept < 3000, `kept ${kept}`);
    assert.equal(returned.cancelled_devices, 3000 - kept - returned.failed_devices);
    assert.equal(returned.summary.running + returned.summary.pending, 0);
    await new Promise((r) => setTimeout(r, 300));
    const later = manager.getJob(started.job_id);
    assert.equal(later?.completed_devices, kept, 'nothing finishes after the cancel');
    assert.equal(manager.poolStats().busy, 0);
    assert.equal(manager.getDeviceResults(started.job_id, { status: 'success', limit: 0 }).total, kept);
    assert.deepEqual(
      events.jobEvents.map((e) => e.job.status),
      ['cancelled'],
    );
    assert.equal(manager.cancelJob(started.job_id).status, 'cancelled', 'a second cancel changes nothing');

    // What the store kept: reopen it.
    await manager.close();
    manager = await openManager(storeDir);
    const reopened = manager.getJob(started.job_id);
    assert.equal(reopened?.status, 'cancelled');
    assert.equal(reopened?.completed_devices, kept);
    const page = manager.getDeviceResults(started.job_id, { offset: 2990, limit: 20 });
    assert.equal(page.devices.length, 10);
    assert.equal(page.devices.at(-1)?.status, 'cancelled');
  });

  it('a pending job leaves the queue when cancelled and never runs', async () => {
    const small = writeFleet(path.join(tmp.dir, 'small'), { devices: 200, interfaces: 1 });
    const first = await manager.startJob({ targets: [small.folder] });
    const second = await manager.startJob({ targets: [small.folder] });
    assert.equal(second.status, 'pending');
    const cancelled = manager.cancelJob(second.job_id);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelled_devices, 200);
    assert.equal(cancelled.started_at, undefined);
    await manager.waitForJob(first.job_id);
    assert.equal(manager.getJob(second.job_id)?.status, 'cancelled');
    assert.equal(manager.getJob(second.job_id)?.completed_devices, 0);
  });
});
