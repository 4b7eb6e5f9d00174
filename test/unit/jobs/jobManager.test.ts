import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JobManager } from '../../../server/src/jobs';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { openManager, record, type Recorded } from '../../support/fleetHarness';
import { REPO_ROOT } from '../../support/paths';

// The lock test slows its tasks down with the test-only delay.
process.env.NETREMEDIATE_TEST_FAULTS = '1';

const EXAMPLE_FLEET = path.join(REPO_ROOT, 'examples', 'fleet');

describe('job manager: a whole job over examples/fleet', () => {
  const tmp = tempDir('jobs-fleet');
  let manager: JobManager;
  let events: Recorded;
  before(async () => {
    manager = await openManager(path.join(tmp.dir, 'store'));
    events = record(manager);
  });
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('computes every device of the manifest, persists them, and reports every transition', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXAMPLE_FLEET, 'netremediate.json'), 'utf8')) as {
      devices: { device_id: string; platform: string }[];
    };
    const started = await manager.startJob({
      targets: [EXAMPLE_FLEET],
      comment: 'drift check',
      ticket_ref: 'CHG-1',
    });
    assert.match(started.job_id, /^job-\d{8}-\d{6}-[0-9a-f]{6}$/);
    const job = await manager.waitForJob(started.job_id);
    assert.equal(job.status, 'completed');
    assert.equal(job.total_devices, manifest.devices.length);
    assert.equal(job.completed_devices, 6);
    assert.equal(job.failed_devices, 0);
    assert.equal(job.progress, 100);
    assert.equal(job.comment, 'drift check');
    assert.equal(job.ticket_ref, 'CHG-1');
    assert.deepEqual(job.folders, [EXAMPLE_FLEET]);
    assert.ok(job.started_at !== undefined && job.finished_at !== undefined);
    assert.ok(job.duration !== undefined && job.duration >= 0 && job.queue_time !== undefined);
    assert.equal(job.summary.success, 6);
    assert.equal(job.summary.changed_devices, 6);
    assert.ok(job.summary.added > 0);
    assert.deepEqual(events.statuses(job.job_id), ['pending', 'running', 'completed']);

    const { total, devices } = manager.getDeviceResults(job.job_id);
    assert.equal(total, 6);
    assert.deepEqual(
      devices.map((d) => [d.device_id, d.platform, d.status]),
      manifest.devices.map((d) => [d.device_id, d.platform, 'success']),
    );
    for (const d of devices) {
      assert.equal(d.remediation, undefined, 'no texts unless asked for');
      assert.equal(d.verified, true, `${d.device_id} verified`);
      assert.match(d.running.sha256 ?? '', /^[0-9a-f]{64}$/);
      assert.equal(d.platform_source, 'manifest');
    }
    const page = manager.getDeviceResults(job.job_id, { offset: 3, limit: 2, include_texts: true });
    assert.deepEqual(
      page.devices.map((d) => d.device_id),
      ['leaf-101', 'leaf-102'],
    );
    assert.match(page.devices[0].remediation ?? '', /vlan 130/);
    assert.ok((page.devices[0].rollback ?? '').length > 0);
    assert.equal(page.devices[0].predicted, undefined, 'not stored by default: reviews compute it');
    const one = manager.getDeviceResult(job.job_id, EXAMPLE_FLEET, 'spine-01');
    assert.match(one?.remediation ?? '', /neighbor/);
  });

  it("gives a device's review documents, saying when an input changed since the job ran", async () => {
    const jobId = events.jobEvents[0].job.job_id;
    const review = await manager.reviewDocuments(jobId, EXAMPLE_FLEET, 'edge-rtr-02');
    assert.ok(review !== undefined);
    assert.equal(
      review.running,
      fs.readFileSync(path.join(EXAMPLE_FLEET, 'running', 'edge-rtr-02.cfg'), 'utf8'),
    );
    assert.equal(review.running_changed, false);
    assert.match(review.device.remediation ?? '', /INTERNET-IN/);
    // Computed for the review (not stored): the running config with the remediation applied.
    assert.match(review.device.predicted ?? '', /^hostname edge-rtr-02$/m);
    assert.doesNotMatch(review.device.predicted ?? '', /^Building configuration/m);
    // The review's other sides are rendered the same way, so a diff shows only real changes.
    assert.match(review.running_rendered ?? '', /^hostname edge-rtr-02$/m);
    assert.doesNotMatch(review.running_rendered ?? '', /^(Building configuration|!)/m);
    assert.equal(review.after_rollback, review.running_rendered, 'the rollback gets back to running');
    assert.notEqual(review.device.predicted, review.running_rendered);
    const edited = new Map([[path.join(EXAMPLE_FLEET, 'intended', 'edge-rtr-02.cfg'), 'hostname edited\n']]);
    const stale = await manager.reviewDocuments(jobId, EXAMPLE_FLEET, 'edge-rtr-02', edited);
    assert.equal(stale?.intended_changed, true);
    assert.equal(await manager.reviewDocuments(jobId, EXAMPLE_FLEET, 'no-such-device'), undefined);

    // Scoped to one compliance feature: both sides and the scripts hold that feature's sections only.
    const acls = await manager.reviewDocuments(
      jobId,
      EXAMPLE_FLEET,
      'edge-rtr-02',
      undefined,
      undefined,
      'acls',
    );
    assert.ok(acls !== undefined);
    const tops = (text: string | undefined): string[] =>
      (text ?? '').split('\n').filter((line) => line !== '' && !line.startsWith(' '));
    assert.ok(tops(acls.running_rendered).length > 0);
    for (const side of [acls.running_rendered, acls.device.predicted, acls.device.remediation]) {
      for (const line of tops(side))
        assert.match(line, /^(no )?(ip access-list|access-list|ipv6 access-list)/, line);
    }
    assert.match(acls.device.remediation ?? '', /INTERNET-IN/);
    assert.notEqual(
      acls.device.remediation,
      review.device.remediation,
      'the feature part, not the whole script',
    );
    await assert.rejects(
      manager.reviewDocuments(jobId, EXAMPLE_FLEET, 'edge-rtr-02', undefined, undefined, 'no-such-feature'),
      /no feature "no-such-feature"/,
    );
    const status = manager.status();
    assert.equal(status.jobs.completed, 1);
    assert.ok(status.store_bytes > 0);
    assert.equal(status.pool.max_workers, 2);
  });

  it('delivers device changes in batches, and the last one before the job completes', () => {
    const jobId = events.jobEvents[0].job.job_id;
    const batches = events.deviceEvents.filter((e) => e.event.job.job_id === jobId);
    const finished = new Set(
      batches.flatMap((b) => b.event.devices.filter((d) => d.status === 'success').map((d) => d.device_id)),
    );
    assert.equal(finished.size, 6);
    const completedAt = events.jobEvents.findIndex(
      (e) => e.job.job_id === jobId && e.job.status === 'completed',
    );
    assert.ok(completedAt >= 0);
  });

  it('lists jobs newest first, filtered by status and folder, with pagination', async () => {
    const second = await manager.startJob({ targets: [path.join(EXAMPLE_FLEET, 'netremediate.json')] });
    await manager.waitForJob(second.job_id);
    const all = manager.listJobs();
    assert.equal(all.total, 2);
    assert.equal(all.jobs[0].job_id, second.job_id);
    assert.equal(manager.listJobs({ limit: 1, offset: 1 }).jobs[0].job_id, events.jobEvents[0].job.job_id);
    assert.equal(manager.listJobs({ status: 'running' }).total, 0);
    assert.equal(manager.listJobs({ status: ['completed', 'failed'], folder: EXAMPLE_FLEET }).total, 2);
    assert.equal(manager.listJobs({ folder: tmp.dir }).total, 0);
    manager.deleteJob(second.job_id);
    assert.equal(manager.getJob(second.job_id), undefined);
    assert.equal(fs.existsSync(manager.store.journalPath(second.job_id)), false);
    assert.equal(events.jobEvents.at(-1)?.type, 'deleted');
  });
});

describe('job manager: failures, retry, locks, unsaved text', () => {
  const tmp = tempDir('jobs-retry');
  let manager: JobManager;
  let events: Recorded;
  before(async () => {
    manager = await openManager(path.join(tmp.dir, 'store'), { maxWorkers: 1 });
    events = record(manager);
  });
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('a device that fails leaves the job completed; retry runs only the failed devices as a new job', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'site-a'), { devices: 5 });
    fs.rmSync(path.join(fleet.folder, 'running', 'r2.cfg')); // intended only: skipped, not a device
    // r4 breaks at run time: a banner that never ends is a parse error.
    fs.writeFileSync(path.join(fleet.folder, 'running', 'r4.cfg'), 'hostname R4\nbanner motd ^C\nno end\n');
    const first = await manager.waitForJob((await manager.startJob({ targets: [fleet.folder] })).job_id);
    assert.equal(first.status, 'completed');
    assert.equal(first.total_devices, 4);
    assert.equal(first.failed_devices, 1);
    const [failed] = manager.getDeviceResults(first.job_id, { status: 'failed' }).devices;
    assert.equal(failed.device_id, 'r4');
    assert.match(failed.error ?? '', /^running\/r4\.cfg:2: This banner is never closed/);

    fs.copyFileSync(
      path.join(fleet.folder, 'running', 'r1.cfg'),
      path.join(fleet.folder, 'running', 'r4.cfg'),
    );
    const retry = await manager.retryFailed(first.job_id);
    assert.equal(retry.retry_of, first.job_id);
    const done = await manager.waitForJob(retry.job_id);
    assert.equal(done.total_devices, 1);
    assert.equal(done.completed_devices, 1);
    await assert.rejects(manager.retryFailed(retry.job_id), /has no failed devices/);
  });

  it('a second job on the same devices waits pending, names the job holding them, and runs after it', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'site-b'), { devices: 30 });
    const first = await manager.startJob({ targets: [fleet.folder], testDelayMs: 20 });
    const second = await manager.startJob({ targets: [fleet.folder] });
    assert.equal(second.status, 'pending');
    assert.deepEqual(second.blocked_by, [{ job_id: first.job_id, devices: 30, example: 'site-b/r01' }]);
    const other = writeFleet(path.join(tmp.dir, 'site-c'), { devices: 2 });
    const third = await manager.startJob({ targets: [other.folder] });
    assert.equal(third.status, 'running', 'a job on other devices does not wait');
    const done = await manager.waitForJob(second.job_id);
    assert.equal(done.status, 'completed');
    const firstDone = manager.getJob(first.job_id);
    assert.ok(firstDone?.finished_at !== undefined && done.started_at !== undefined);
    assert.ok(done.started_at >= firstDone.finished_at, 'ran after the holder finished');
    assert.ok((done.queue_time ?? 0) > 0);
    await manager.waitForJob(third.job_id);
  });

  it('uses the unsaved text of an open document instead of the file on disk', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'site-d'), { devices: 2, changedEvery: 1000 });
    const intended = path.join(fleet.folder, 'intended', 'r2.cfg');
    const text = `${fs.readFileSync(intended, 'utf8')}\nsnmp-server location unsaved-edit\n`;
    const job = await manager.waitForJob(
      (await manager.startJob({ targets: [fleet.folder], unsaved: new Map([[intended, text]]) })).job_id,
    );
    const [r1, r2] = manager.getDeviceResults(job.job_id, { include_texts: true }).devices;
    assert.notEqual(r1.remediation, '');
    assert.equal(r2.remediation, 'snmp-server location unsaved-edit\n');
    assert.equal(r2.intended.unsaved, true);
    assert.equal(r1.intended.unsaved, undefined);
  });

  it('a job whose discovery finds problems fails at once, saying why', async () => {
    const empty = path.join(tmp.dir, 'empty');
    fs.mkdirSync(empty);
    const job = await manager.startJob({ targets: [empty] });
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /no devices/);
    assert.deepEqual(events.statuses(job.job_id), ['pending', 'failed']);
    await assert.rejects(manager.resumeJob(job.job_id), /only an interrupted job can be resumed/);
  });
});

describe('job manager: history limit and a clean shutdown', () => {
  const tmp = tempDir('jobs-history');
  const storeDir = path.join(tmp.dir, 'store');
  let manager: JobManager;
  after(async () => {
    await manager.close();
    tmp.remove();
  });

  it('keeps at most jobHistoryLimit finished jobs, deleting the oldest with their journals', async () => {
    manager = await openManager(storeDir, { jobHistoryLimit: 2 });
    const events = record(manager);
    const fleet = writeFleet(path.join(tmp.dir, 'site'), { devices: 2, interfaces: 1 });
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) {
      ids.push(
        (await manager.waitForJob((await manager.startJob({ targets: [fleet.folder] })).job_id)).job_id,
      );
    }
    assert.deepEqual(
      manager.listJobs().jobs.map((j) => j.job_id),
      [ids[2], ids[1]],
    );
    assert.equal(fs.existsSync(manager.store.journalPath(ids[0])), false);
    assert.deepEqual(
      events.jobEvents.filter((e) => e.type === 'deleted').map((e) => e.job.job_id),
      [ids[0]],
    );
  });

  it('close() leaves a running job interrupted; reopened, it resumes', async () => {
    const fleet = writeFleet(path.join(tmp.dir, 'slow'), { devices: 40, interfaces: 1 });
    const started = await manager.startJob({ targets: [fleet.folder], testDelayMs: 10 });
    await new Promise((r) => setTimeout(r, 150));
    await manager.close();
    assert.equal(manager.getJob(started.job_id)?.status, 'interrupted');
    await assert.rejects(manager.startJob({ targets: [fleet.folder] }), /the job manager is closed/);
    manager = await openManager(storeDir, { jobHistoryLimit: 2 });
    const reopened = manager.getJob(started.job_id);
    assert.equal(reopened?.status, 'interrupted');
    const done = await manager.waitForJob((await manager.resumeJob(started.job_id)).job_id);
    assert.equal(done.completed_devices, 40);
    assert.equal(manager.poolStats().tasks_done, 40 - (reopened?.completed_devices ?? 0));
  });
});
