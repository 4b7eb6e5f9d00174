import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { after, describe, it } from 'node:test';
import type { JobManager } from '../../../server/src/jobs';
import { tempDir, writeFleet } from '../../support/fleetGenerator';
import { openManager, record } from '../../support/fleetHarness';

/**
 * Crash safety. The kill -9 test runs this very file as a child process (CHILD set): the child runs a
 * slow job and prints each device as its result is reported, the parent kills it with SIGKILL mid-job
 * and reopens the store.
 */
const CHILD = 'NETREMEDIATE_JOBS_CHILD';

async function runChild(args: { storeDir: string; folder: string }): Promise<void> {
  const manager = await openManager(args.storeDir, { maxWorkers: 2 });
  manager.on('devices', (e) => {
    for (const d of e.devices) if (d.status === 'success') process.stdout.write(`done ${d.device_id}\n`);
  });
  const job = await manager.startJob({ targets: [args.folder], testDelayMs: 15 });
  process.stdout.write(`job ${job.job_id}\n`);
}

if (process.env[CHILD] !== undefined) {
  void runChild(JSON.parse(process.env[CHILD]) as { storeDir: string; folder: string });
} else {
  describe('crash safety', () => {
    const tmp = tempDir('jobs-resume');
    const managers: JobManager[] = [];
    after(async () => {
      for (const m of managers) await m.close();
      tmp.remove();
    });

    it('after a kill -9 mid-job: finished results all there, the job interrupted, resume runs only the rest', async () => {
      const fleet = writeFleet(path.join(tmp.dir, 'site'), { devices: 200, interfaces: 2 });
      const storeDir = path.join(tmp.dir, 'store-kill');
      const child = spawn(process.execPath, [__filename], {
        env: {
          ...process.env,
          [CHILD]: JSON.stringify({ storeDir, folder: fleet.folder }),
          NETREMEDIATE_TEST_FAULTS: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const reported = new Set<string>();
      let jobId = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      for await (const line of readline.createInterface({ input: child.stdout })) {
        if (line.startsWith('job ')) jobId = line.slice(4);
        if (line.startsWith('done ')) reported.add(line.slice(5));
        if (reported.size >= 40 && jobId !== '') {
          child.kill('SIGKILL');
          break;
        }
      }
      assert.equal(await exited, 'SIGKILL');

      const manager = await openManager(storeDir, { maxWorkers: 2 });
      managers.push(manager);
      const events = record(manager);
      const job = manager.getJob(jobId);
      assert.equal(job?.status, 'interrupted');
      assert.equal(job?.total_devices, 200);
      const done = manager
        .getDeviceResults(jobId, { status: 'success', limit: 200 })
        .devices.map((d) => d.device_id);
      for (const id of reported)
        assert.ok(done.includes(id), `${id} was reported finished and must be in the store`);
      assert.ok(done.length < 200, `finished before the kill: ${done.length}`);
      assert.equal(manager.getDeviceResults(jobId, { status: 'running', limit: 0 }).total, 0);

      const resumed = await manager.resumeJob(jobId);
      assert.equal(resumed.status, 'running', 'an interrupted job holds no locks: it runs at once');
      const finished = await manager.waitForJob(jobId);
      assert.equal(finished.status, 'completed');
      assert.equal(finished.completed_devices, 200);
      assert.equal(finished.started_at, job?.started_at);
      assert.equal(manager.poolStats().tasks_done, 200 - done.length, 'only the unfinished devices ran');
      assert.deepEqual(events.statuses(jobId), ['pending', 'running', 'completed']);
      const r001 = manager.getDeviceResult(jobId, fleet.folder, 'r001');
      assert.ok((r001?.remediation ?? '').length > 0);
    });

    it('a corrupted or torn journal tail is skipped with a warning, never fatal', async () => {
      const fleet = writeFleet(path.join(tmp.dir, 'small'), { devices: 10 });
      const storeDir = path.join(tmp.dir, 'store-corrupt');
      const first = await openManager(storeDir);
      const jobId = (await first.startJob({ targets: [fleet.folder] })).job_id;
      await first.waitForJob(jobId);
      await first.close();
      const journal = first.store.journalPath(jobId);

      // Flip a byte in the last record (the `completed` status) and lose the index (the crash case).
      const bytes = fs.readFileSync(journal);
      bytes[bytes.length - 3] ^= 0xff;
      fs.writeFileSync(journal, bytes);
      fs.rmSync(path.join(storeDir, 'index.json'));
      const warnings: string[] = [];
      const second = await openManager(storeDir, { onWarning: (m) => warnings.push(m) });
      managers.push(second);
      assert.equal(warnings.length, 2, warnings.join('\n'));
      assert.match(warnings[0], /index .* missing or unreadable/);
      assert.match(
        warnings[1],
        new RegExp(`job ${jobId}: its journal ends with a record that fails its checksum`),
      );
      const job = second.getJob(jobId);
      assert.equal(job?.status, 'interrupted');
      assert.equal(job?.completed_devices, 10, 'every device record before the damage is kept');
      const resumed = await second.waitForJob((await second.resumeJob(jobId)).job_id);
      assert.equal(resumed.status, 'completed');
      assert.equal(second.poolStats().tasks_done, 0);
      await second.close();

      // A torn tail: half a record header appended.
      fs.appendFileSync(journal, Buffer.from([0x4e, 0x52, 0x4a, 0x31, 9, 9]));
      const third = await openManager(storeDir, { onWarning: (m) => warnings.push(m) });
      managers.push(third);
      assert.equal(third.getJob(jobId)?.status, 'completed', 'the index is trusted for a completed job');
      assert.equal(third.getDeviceResults(jobId).devices.length, 10);
      assert.match(warnings.at(-1) ?? '', /a torn record header \(6 bytes\)/);
    });
  });
}
