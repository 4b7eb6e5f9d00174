/**
 * Messages between the job layer and a task worker: a typed union, separate from the LSP protocol.
 * A task carries the text it works on when the client sent an unsaved document; otherwise the worker
 * reads the file, so that big fleets do not copy every config through the main thread.
 */
import type { Platform } from '../engine';

export type TextSource =
  { readonly path: string; readonly text?: undefined } | { readonly path?: string; readonly text: string };

export interface ParseTask {
  readonly type: 'parse';
  readonly taskId: number;
  readonly platform: Platform;
  readonly source: TextSource;
}

export type WorkerRequest = ParseTask;

export interface ParseSummary {
  readonly lineCount: number;
  readonly nodeCount: number;
  readonly findings: number;
  readonly errors: number;
  readonly durationMs: number;
}

export type WorkerReply =
  | { readonly type: 'parsed'; readonly taskId: number; readonly summary: ParseSummary }
  | { readonly type: 'failed'; readonly taskId: number; readonly error: string };
