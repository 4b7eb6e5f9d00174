/**
 * The task module piscina runs in each worker thread (dist/taskWorker.js; piscina's own entry is
 * dist/worker.js). A thin shell over deviceTask.ts: it tells the pool which thread took the task (for
 * the Workers view and the per-device timeout, which counts from the start, not from the queue), runs
 * the test faults when — and only when — the environment enables them, then computes the device.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { computeDevice } from './deviceTask';
import {
  TEST_FAULTS_ENV,
  type DeviceTask,
  type DeviceTaskResult,
  type TaskStartMessage,
} from './workerProtocol';

const faultsEnabled = process.env[TEST_FAULTS_ENV] === '1';

function runTestFault(task: DeviceTask): void {
  if (!faultsEnabled) return;
  if (task.testDelayMs !== undefined && task.testDelayMs > 0) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, task.testDelayMs);
  }
  switch (task.testFault) {
    case 'exit':
      // process.exit in a worker ends only this thread: the pool sees it die mid-task.
      process.exit(3);
      break;
    case 'oom': {
      const hoard: unknown[] = [];
      for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
    }
    // falls through: unreachable, the loop above only ends when the heap limit kills the thread
    case 'hang':
      for (;;) {
        // spin: only an abort (timeout, cancel) that terminates the thread ends it
      }
    case 'throw':
      throw new Error(`test fault: ${task.deviceId} throws`);
    default:
      break;
  }
}

export default function runDeviceTask(task: DeviceTask): DeviceTaskResult {
  const start: TaskStartMessage = { type: 'netremediate/task-start', runId: task.runId, threadId };
  parentPort?.postMessage(start);
  runTestFault(task);
  return computeDevice(task, threadId);
}
