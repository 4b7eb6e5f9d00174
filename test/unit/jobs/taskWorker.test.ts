import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from '../../../server/src/jobs/workerProtocol';
import { DIST, fixturePath } from '../../support/paths';

describe('task worker (dist/taskWorker.js in a real worker thread)', () => {
  let worker: Worker;
  before(() => {
    worker = new Worker(path.join(DIST, 'taskWorker.js'));
  });
  after(async () => {
    await worker.terminate();
  });

  function ask(request: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(request);
    });
  }

  it('parses a file it reads itself', async () => {
    const file = fixturePath('workspace', 'branch-router.ios');
    const reply = await ask({ type: 'parse', taskId: 1, platform: 'cisco_ios', source: { path: file } });
    assert.equal(reply.type, 'parsed', JSON.stringify(reply));
    assert.equal(reply.taskId, 1);
    if (reply.type === 'parsed') {
      assert.ok(reply.summary.nodeCount > 40, `nodes: ${reply.summary.nodeCount}`);
      assert.equal(reply.summary.errors, 0);
    }
  });

  it('parses text it is given (an unsaved document)', async () => {
    const reply = await ask({
      type: 'parse',
      taskId: 2,
      platform: 'cisco_nxos',
      source: { text: 'feature bgp\ninterface Ethernet1/1\n  mtu 9216\n' },
    });
    assert.deepEqual(reply.type === 'parsed' && [reply.summary.lineCount, reply.summary.nodeCount], [4, 3]);
  });

  it('fails only the task whose file cannot be read, naming the file, and keeps working', async () => {
    const missing = fixturePath('workspace', 'no-such-device.cfg');
    const reply = await ask({ type: 'parse', taskId: 3, platform: 'cisco_ios', source: { path: missing } });
    assert.equal(reply.type, 'failed');
    assert.match(
      reply.type === 'failed' ? reply.error : '',
      /no-such-device\.cfg.*ENOENT|ENOENT.*no-such-device\.cfg/,
    );
    const next = await ask({
      type: 'parse',
      taskId: 4,
      platform: 'cisco_ios',
      source: { text: 'hostname r1\n' },
    });
    assert.equal(next.type, 'parsed');
  });
});
