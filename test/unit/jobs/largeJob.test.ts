import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inShard, type JobManager } from '../../../server/src/jobs';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { openManager, record, type Recorded } from '../../support/fleetHarness';

describe('a 1,000-device job', () => {
  const tmp = tempDir('jobs-large');
  let manager: JobManager;
  let events: Recorded;
  before(async () => {
    manager = await openManager(path.join(tmp.dir, 'store'), { maxWorkers: 2 });
    events = record(manager);
  });
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('runs every device, pages through results, and throttles device events to ≤ 10 a second', async (t) => {
    const fleet = writeFleet(path.join(tmp.dir, 'fleet'), {
      devices: 1000,
      interfaces: 5,
      layout: 'manifest',
    });
    const t0 = performance.now();
    const job = await manager.waitForJob((await manager.startJob({ targets: [fleet.folder] })).job_id);
    t.diagnostic(
      `1,000 devices of ${fleet.linesPerDevice} lines in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    assert.equal(job.status, 'completed');
    assert.equal(job.completed_devices, 1000);
    assert.equal(job.summary.changed_devices, 1000);
    assert.equal(job.summary.unverified, 0);

    let seen = 0;
    for (let offset = 0; offset < 1000; offset += 300) {
      const page = manager.getDeviceResults(job.job_id, { offset, limit: 300 });
      assert.equal(page.total, 1000);
      seen += page.devices.length;
    }
    assert.equal(seen, 1000);

    const batches = events.deviceEvents.filter((e) => e.event.job.job_id === job.job_id);
    const success = new Set(
      batches.flatMap((b) => b.event.devices.filter((d) => d.status === 'success').map((d) => d.device_id)),
    );
    assert.equal(success.size, 1000, 'every device finish is delivered in some batch');
    // Any one-second window holds at most 10 batches, plus the flush right before the `completed` event.
    for (let i = 0; i < batches.length; i++) {
      const inWindow = batches.filter((b) => b.at >= batches[i].at && b.at < batches[i].at + 1000).length;
      assert.ok(inWindow <= 11, `${inWindow} device events within one second`);
    }
    assert.ok(batches.length < 1000 / 5, `${batches.length} batches for 1,000 devices`);
    assert.deepEqual(events.statuses(job.job_id), ['pending', 'running', 'completed']);
  });

  it('--shard I/N: the shards of a fleet cover it exactly once', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'sharded'), { devices: 40, interfaces: 1 });
    const ids: string[] = [];
    for (const index of [1, 2, 3]) {
      const job = await manager.waitForJob(
        (await manager.startJob({ targets: [fleet.folder], shard: { index, count: 3 } })).job_id,
      );
      const devices = manager.getDeviceResults(job.job_id, { limit: 100 }).devices;
      for (const d of devices) assert.ok(inShard(fleet.folder, d.device_id, { index, count: 3 }));
      ids.push(...devices.map((d) => d.device_id));
    }
    assert.deepEqual([...ids].sort(), [...fleet.deviceIds].sort());

    // A shard with no devices of a folder is an empty job that completes (a CI runner with nothing to do).
    const lone = writeFleet(path.join(tmp.dir, 'lone'), { devices: 1, interfaces: 1 });
    const other = inShard(lone.folder, 'r1', { index: 1, count: 2 }) ? 2 : 1;
    const empty = await manager.waitForJob(
      (await manager.startJob({ targets: [lone.folder], shard: { index: other, count: 2 } })).job_id,
    );
    assert.deepEqual([empty.status, empty.total_devices, empty.progress], ['completed', 0, 100]);
  });
});
