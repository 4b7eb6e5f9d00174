// Placeholder until the parser lands (replaced in this session).
import { parentPort } from 'node:worker_threads';
parentPort?.on('message', (m: unknown) => parentPort?.postMessage(m));
