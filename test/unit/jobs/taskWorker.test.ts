import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkerPool } from '../../../server/src/jobs/workerPool';
import type { DeviceTask, DeviceTaskResult } from '../../../server/src/jobs/workerProtocol';
import type { DeviceTexts } from '../../../server/src/jobs';
import { TASK_WORKER } from '../../support/fleetHarness';
import { REPO_ROOT } from '../../support/paths';

const FLEET = path.join(REPO_ROOT, 'examples', 'fleet');

function task(overrides: Partial<Omit<DeviceTask, 'runId'>>): Omit<DeviceTask, 'runId'> {
  return {
    deviceId: 'core-rtr-01',
    folder: FLEET,
    defaultPlatform: 'cisco_ios',
    running: { path: path.join(FLEET, 'running', 'core-rtr-01.cfg') },
    intended: { path: path.join(FLEET, 'intended', 'core-rtr-01.cfg') },
    includePredicted: true,
    compliance: true,
    ...overrides,
  };
}

function texts(result: DeviceTaskResult): DeviceTexts {
  assert.ok(result.body, 'a success carries its texts');
  return JSON.parse(Buffer.from(result.body).toString('utf8')) as DeviceTexts;
}

describe('task worker (dist/taskWorker.js in real worker threads, through piscina)', () => {
  let pool: WorkerPool;
  before(() => {
    // No NETREMEDIATE_TEST_FAULTS here: the faults a task asks for must be ignored.
    delete process.env.NETREMEDIATE_TEST_FAULTS;
    pool = new WorkerPool({ filename: TASK_WORKER, maxWorkers: 1, maxOldGenerationSizeMb: 256 });
  });
  after(() => pool.close());

  it('reads both files, hashes them, and returns the remediation, rollback and predicted config', async () => {
    let startedOn: number | undefined;
    const result = await pool.run(task({}), { onStart: (threadId) => (startedOn = threadId) });
    assert.equal(result.outcome.status, 'success', result.outcome.error);
    assert.equal(startedOn, result.threadId);
    const running = fs.readFileSync(path.join(FLEET, 'running', 'core-rtr-01.cfg'), 'utf8');
    assert.equal(result.outcome.running_sha256, crypto.createHash('sha256').update(running).digest('hex'));
    assert.equal(result.outcome.platform, 'cisco_ios');
    assert.equal(result.outcome.platform_source, 'content');
    assert.equal(result.outcome.verified, true);
    assert.ok((result.outcome.change_score?.added ?? 0) > 0);
    const t = texts(result);
    assert.match(t.remediation, /^router bgp/m);
    assert.match(t.remediation, /exit-address-family|^ exit$/m, 'exits on');
    assert.ok(t.rollback.length > 0);
    assert.match(t.predicted ?? '', /^hostname /m);
    assert.deepEqual(t.verify, []);
  });

  it('uses the text it is given (an unsaved document) and hashes that text', async () => {
    const text = 'hostname r1\ninterface Loopback0\n ip address 10.0.0.1 255.255.255.255\n';
    const result = await pool.run(
      task({
        platform: 'cisco_ios',
        platformSource: 'language',
        running: { path: '/nowhere/r1.cfg', text: 'hostname r1\n' },
        intended: { path: '/nowhere/r1-intended.cfg', text },
      }),
    );
    assert.equal(result.outcome.status, 'success', result.outcome.error);
    assert.equal(result.outcome.platform_source, 'language');
    assert.equal(result.outcome.intended_sha256, crypto.createHash('sha256').update(text).digest('hex'));
    assert.equal(
      texts(result).remediation,
      'interface Loopback0\n ip address 10.0.0.1 255.255.255.255\n exit\n',
    );
  });

  it('detects NX-OS from the content and indents its remediation by two spaces', async () => {
    const result = await pool.run(
      task({
        deviceId: 'leaf-101',
        running: { path: path.join(FLEET, 'running', 'leaf-101.nxos') },
        intended: { path: path.join(FLEET, 'intended', 'leaf-101.nxos') },
        includePredicted: false,
      }),
    );
    assert.equal(result.outcome.platform, 'cisco_nxos');
    assert.match(texts(result).remediation, /^ {2}\S/m);
    assert.equal(texts(result).predicted, undefined);
  });

  it('fails the device, not the worker, when a file cannot be read, naming the file', async () => {
    const result = await pool.run(task({ running: { path: path.join(FLEET, 'running', 'no-such.cfg') } }));
    assert.equal(result.outcome.status, 'failed');
    assert.equal(result.outcome.error, 'running/no-such.cfg: cannot read (no such file)');
    assert.equal((await pool.run(task({}))).outcome.status, 'success');
  });

  it('fails a device whose config has a parse error, naming the file and line', async () => {
    const broken = 'hostname r1\nbanner motd ^C\nWelcome\ninterface Loopback0\n';
    const result = await pool.run(
      task({
        platform: 'cisco_ios',
        intended: { path: path.join(FLEET, 'intended', 'x.cfg'), text: broken },
      }),
    );
    assert.equal(result.outcome.status, 'failed');
    assert.match(result.outcome.error ?? '', /^intended\/x\.cfg:2: This banner is never closed/);
    assert.deepEqual(
      result.outcome.parse_errors?.map((e) => [e.file, e.line, e.code]),
      [['intended/x.cfg', 2, 'unterminated-banner']],
    );
  });

  it('ignores test faults unless NETREMEDIATE_TEST_FAULTS=1 is set in its environment', async () => {
    const result = await pool.run(task({ testFault: 'exit' }));
    assert.equal(result.outcome.status, 'success');
    assert.equal(pool.stats().workers_replaced, 0);
  });
});
