/**
 * Worker-thread entry (dist/taskWorker.js): a thin shell over the pure engine. It answers each
 * WorkerRequest with exactly one WorkerReply; an error fails that task only, never the worker.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createEngine } from '../engine';
import type { TextSource, WorkerReply, WorkerRequest } from './workerProtocol';

const engine = createEngine();

function readSource(source: TextSource): string {
  return source.text ?? fs.readFileSync(source.path, 'utf8');
}

function handle(request: WorkerRequest): WorkerReply {
  try {
    switch (request.type) {
      case 'parse': {
        const t0 = performance.now();
        const parsed = engine.parse(readSource(request.source), { platform: request.platform });
        return {
          type: 'parsed',
          taskId: request.taskId,
          summary: {
            lineCount: parsed.lineCount,
            nodeCount: parsed.nodeCount,
            findings: parsed.findings.length,
            errors: parsed.findings.filter((f) => f.severity === 'error').length,
            durationMs: performance.now() - t0,
          },
        };
      }
    }
  } catch (error) {
    const where = request.source.path ? `${request.source.path}: ` : '';
    return { type: 'failed', taskId: request.taskId, error: `${where}${(error as Error).message}` };
  }
}

if (!parentPort) throw new Error('taskWorker.js runs only as a worker thread');
const port = parentPort;
port.on('message', (request: WorkerRequest) => port.postMessage(handle(request)));
