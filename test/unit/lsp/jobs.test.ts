import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type ProgressToken,
} from 'vscode-languageserver-protocol/node';
import {
  CancelJobRequest,
  DeviceResultsRequest,
  JobChangedNotification,
  JobDevicesChangedNotification,
  ListJobsRequest,
  ListWorkersRequest,
  ResumeJobRequest,
  ReviewDocumentsRequest,
  ServerStatusRequest,
  StartJobRequest,
  type DevicesEvent,
  type JobEvent,
  type JobSummary,
} from '../../../server/src/protocol';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { startLspSession, type LspSession } from '../../support/lspClient';
import { REPO_ROOT } from '../../support/paths';

const FLEET = path.join(REPO_ROOT, 'examples', 'fleet');
const BRANCH = path.join(REPO_ROOT, 'examples', 'branch');

function recordEvents(session: LspSession): {
  jobs: JobEvent[];
  devices: DevicesEvent[];
  until(p: (e: JobEvent) => boolean): Promise<JobEvent>;
} {
  const jobs: JobEvent[] = [];
  const devices: DevicesEvent[] = [];
  const waiters: { p: (e: JobEvent) => boolean; resolve: (e: JobEvent) => void }[] = [];
  session.connection.onNotification(JobChangedNotification, (event) => {
    jobs.push(event);
    for (const w of waiters.filter((w) => w.p(event))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  session.connection.onNotification(JobDevicesChangedNotification, (event) => {
    devices.push(event);
  });
  return {
    jobs,
    devices,
    until: (p) => {
      const seen = jobs.find(p);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ p, resolve }));
    },
  };
}

const finished = (id: string) => (e: JobEvent) =>
  e.job.job_id === id && e.type === 'status' && ['completed', 'failed', 'cancelled'].includes(e.job.status);

describe('job protocol over a real JSON-RPC connection', () => {
  const store = tempDir('nr-lsp-jobs');
  let session: LspSession;
  let events: ReturnType<typeof recordEvents>;
  before(async () => {
    session = await startLspSession(REPO_ROOT, { initializationOptions: { storagePath: store.dir } });
    events = recordEvents(session);
  });
  after(async () => {
    await session.close();
    store.remove();
  });

  it('runs a job over two folders, notifying every transition, and serves its results', async () => {
    const started = await session.connection.sendRequest(StartJobRequest, {
      folders: [FLEET, BRANCH],
      comment: 'nightly compliance',
      ticket_ref: 'CHG-1234',
    });
    assert.equal(started.total_devices, 13);
    const done = await events.until(finished(started.job_id));
    assert.equal(done.job.status, 'completed');
    assert.equal(done.job.failed_devices, 1);
    const transitions = events.jobs
      .filter((e) => e.job.job_id === started.job_id && e.type !== 'updated')
      .map((e) => `${e.type}:${e.job.status}`);
    assert.deepEqual(transitions, ['created:pending', 'status:running', 'status:completed']);
    assert.ok(
      events.devices.some((e) => e.job.job_id === started.job_id),
      'device changes were notified',
    );

    const list = await session.connection.sendRequest(ListJobsRequest, { status: 'completed' });
    assert.ok(list.jobs.some((j) => j.job_id === started.job_id && j.ticket_ref === 'CHG-1234'));
    const failed = await session.connection.sendRequest(DeviceResultsRequest, {
      job_id: started.job_id,
      status: 'failed',
    });
    assert.equal(failed.total, 1);
    assert.match(failed.devices[0].error ?? '', /branch-rtr-07\.cfg:120/);
    const page = await session.connection.sendRequest(DeviceResultsRequest, {
      job_id: started.job_id,
      limit: 5,
      include_texts: true,
    });
    assert.equal(page.total, 13);
    assert.equal(page.devices.length, 5);
    assert.ok(page.devices.every((d) => d.status !== 'success' || typeof d.remediation === 'string'));

    const review = await session.connection.sendRequest(ReviewDocumentsRequest, {
      job_id: started.job_id,
      folder: FLEET,
      device_id: 'core-rtr-01',
    });
    assert.ok(review);
    assert.equal(review.running_changed, false);
    assert.match(review.device.remediation ?? '', /ntp server 10\.0\.6\.2/);
    assert.match(review.device.predicted ?? '', /ntp server 10\.0\.6\.2/);

    // Safe-apply frames (netremediate.frame): the scripts framed, the predicted config as it was.
    const framed = await session.connection.sendRequest(ReviewDocumentsRequest, {
      job_id: started.job_id,
      folder: FLEET,
      device_id: 'core-rtr-01',
      frame: 'replace',
      frame_tag: 'CHG-1234',
    });
    assert.match(framed?.device.remediation ?? '', /^configure terminal revert timer 10$/m);
    assert.match(
      framed?.device.rollback ?? '',
      /^configure replace flash:netremediate-core-rtr-01-CHG-1234-pre\.cfg force$/m,
    );
    assert.equal(framed?.device.predicted, review.device.predicted);
    const checkpoint = await session.connection.sendRequest(DeviceResultsRequest, {
      job_id: started.job_id,
      include_texts: true,
      frame: 'checkpoint',
    });
    const byId = new Map(checkpoint.devices.map((d) => [d.device_id, d]));
    assert.match(byId.get('core-rtr-01')?.frame_error ?? '', /NX-OS/);
    assert.match(byId.get('leaf-101')?.remediation ?? '', /^checkpoint netremediate-leaf-101$/m);
    await assert.rejects(
      session.connection.sendRequest(DeviceResultsRequest, {
        job_id: started.job_id,
        include_texts: true,
        frame: 'commit' as never,
      }),
      /frame commit: expected one of none, terminal, replace, checkpoint/,
    );

    const status = await session.connection.sendRequest(ServerStatusRequest);
    assert.equal(status.store_dir, path.join(store.dir, 'jobs'));
    assert.ok(status.store_bytes > 0);
    const workers = await session.connection.sendRequest(ListWorkersRequest);
    assert.ok(workers.max_workers >= 1);
    assert.ok(workers.tasks_done >= 13);
  });

  it('uses an open document’s unsaved text instead of the file', async () => {
    const running = path.join(FLEET, 'running', 'edge-rtr-02.cfg');
    const text = `${fs.readFileSync(running, 'utf8')}\nsnmp-server contact noc@example.net\n`;
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `file://${running}`, languageId: 'cisco-ios', version: 1, text },
    });
    const started = await session.connection.sendRequest(StartJobRequest, { folders: [FLEET] });
    await events.until(finished(started.job_id));
    const { devices } = await session.connection.sendRequest(DeviceResultsRequest, {
      job_id: started.job_id,
      include_texts: true,
    });
    const edge = devices.find((d) => d.device_id === 'edge-rtr-02');
    assert.equal(edge?.running.sha256, crypto.createHash('sha256').update(text).digest('hex'));
    assert.match(edge?.remediation ?? '', /^no snmp-server contact noc@example\.net$/m);
    await session.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: `file://${running}` },
    });
  });

  it('cancels a running job fast and rejects requests about unknown jobs', async () => {
    const fleet = tempDir('nr-lsp-cancel');
    try {
      writeFleet(fleet.dir, { devices: 2000, interfaces: 10 });
      const started = await session.connection.sendRequest(StartJobRequest, { folders: [fleet.dir] });
      await events.until((e) => e.job.job_id === started.job_id && e.job.status === 'running');
      const t0 = performance.now();
      const cancelled: JobSummary = await session.connection.sendRequest(CancelJobRequest, {
        job_id: started.job_id,
      });
      assert.ok(performance.now() - t0 < 500, 'cancelled well under a second');
      assert.equal(cancelled.status, 'cancelled');
      assert.ok(cancelled.cancelled_devices > 0);
      await assert.rejects(
        session.connection.sendRequest(CancelJobRequest, { job_id: 'job-nope' }),
        /job-nope/,
      );
    } finally {
      fleet.remove();
    }
  });
});

describe('jobs across a server restart, and work-done progress', () => {
  const store = tempDir('nr-lsp-restart');
  const fleet = tempDir('nr-lsp-restart-fleet');
  before(() => writeFleet(fleet.dir, { devices: 1500, interfaces: 10 }));
  after(() => {
    store.remove();
    fleet.remove();
  });

  it('reports a job as work-done progress whose cancel cancels the job', async () => {
    const session = await startLspSession(REPO_ROOT, {
      initializationOptions: { storagePath: store.dir },
      capabilities: { window: { workDoneProgress: true } },
    });
    try {
      const events = recordEvents(session);
      const tokens: ProgressToken[] = [];
      session.connection.onRequest(
        WorkDoneProgressCreateRequest.type,
        ({ token }) => void tokens.push(token),
      );
      const kinds: string[] = [];
      session.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
        kinds.push(p.value.kind);
      });
      const started = await session.connection.sendRequest(StartJobRequest, { folders: [fleet.dir] });
      await events.until((e) => e.job.job_id === started.job_id && e.job.status === 'running');
      for (let i = 0; i < 100 && !kinds.includes('report'); i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(tokens.length, 1);
      assert.deepEqual([...new Set(kinds)].slice(0, 2), ['begin', 'report']);
      await session.connection.sendNotification(WorkDoneProgressCancelNotification.type, {
        token: tokens[0],
      });
      const end = await events.until(finished(started.job_id));
      assert.equal(end.job.status, 'cancelled');
    } finally {
      await session.close();
    }
  });

  it('loses no finished device when the server process is killed with SIGKILL mid-job', async () => {
    const killStore = tempDir('nr-lsp-kill9');
    try {
      const first = await startLspSession(REPO_ROOT, {
        initializationOptions: { storagePath: killStore.dir },
      });
      const firstEvents = recordEvents(first);
      const started = await first.connection.sendRequest(StartJobRequest, { folders: [fleet.dir] });
      let reported = 0;
      first.connection.onNotification(JobDevicesChangedNotification, (e) => {
        if (e.job.job_id === started.job_id) reported = Math.max(reported, e.job.completed_devices);
      });
      await firstEvents.until((e) => e.job.job_id === started.job_id && e.job.status === 'running');
      for (let i = 0; i < 200 && reported < 50; i++) await new Promise((r) => setTimeout(r, 25));
      assert.ok(reported >= 50, `devices finished before the kill: ${reported}`);
      const exited = new Promise((resolve) => first.server.once('exit', resolve));
      first.server.kill('SIGKILL');
      await exited;
      first.connection.dispose();

      const second = await startLspSession(REPO_ROOT, {
        initializationOptions: { storagePath: killStore.dir },
      });
      try {
        const events = recordEvents(second);
        const { jobs } = await second.connection.sendRequest(ListJobsRequest, { status: 'interrupted' });
        const interrupted = jobs.find((j) => j.job_id === started.job_id);
        assert.ok(interrupted, 'the killed job is listed as interrupted');
        assert.ok(
          interrupted.completed_devices >= reported,
          `${interrupted.completed_devices} kept of ${reported} reported`,
        );
        const resumed = await second.connection.sendRequest(ResumeJobRequest, { job_id: started.job_id });
        const done = await events.until(finished(resumed.job_id));
        assert.equal(done.job.status, 'completed');
        assert.equal(done.job.completed_devices, 1500);
      } finally {
        await second.close();
      }
    } finally {
      killStore.remove();
    }
  });

  it('lists a job that was running when the server shut down as interrupted, and resumes it', async () => {
    const first = await startLspSession(REPO_ROOT, { initializationOptions: { storagePath: store.dir } });
    const firstEvents = recordEvents(first);
    const started = await first.connection.sendRequest(StartJobRequest, { folders: [fleet.dir] });
    await firstEvents.until((e) => e.job.job_id === started.job_id && e.job.status === 'running');
    await first.close();

    const second = await startLspSession(REPO_ROOT, { initializationOptions: { storagePath: store.dir } });
    try {
      const events = recordEvents(second);
      const { jobs } = await second.connection.sendRequest(ListJobsRequest, { status: 'interrupted' });
      const interrupted = jobs.find((j) => j.job_id === started.job_id);
      assert.ok(interrupted, 'the job is listed after the restart');
      const resumed = await second.connection.sendRequest(ResumeJobRequest, { job_id: started.job_id });
      const done = await events.until(finished(resumed.job_id));
      assert.equal(done.job.status, 'completed');
      assert.equal(done.job.completed_devices, 1500);
    } finally {
      await second.close();
    }
  });
});
