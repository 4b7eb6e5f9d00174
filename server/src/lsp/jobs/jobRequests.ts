import { ResponseError, ErrorCodes, type Connection } from 'vscode-languageserver/node';
import { FRAME_KINDS, type FrameKind } from '../../engine';
import { JobError, parseShard, type JobManager } from '../../jobs';
import {
  CancelJobRequest,
  DeleteJobRequest,
  DeviceResultsRequest,
  GetJobRequest,
  ListJobsRequest,
  ListWorkersRequest,
  ResumeJobRequest,
  RetryFailedRequest,
  ReviewDocumentsRequest,
  ServerStatusRequest,
  StartJobRequest,
  StopWorkerRequest,
  type ServerStatus,
} from '../../protocol';
import { VERSION } from '../../version';
import type { JobService } from './jobService';

/**
 * Answers a request with the manager, turning the job layer's errors into JSON-RPC errors a client
 * can show: an unknown job or a wrong state is InvalidParams with the layer's message, anything else
 * an InternalError naming what failed.
 */
export function withManager<P, R>(
  jobs: JobService,
  handle: (manager: JobManager, params: P) => R | Promise<R>,
) {
  return async (params: P): Promise<R> => {
    try {
      return await handle(await jobs.get(), params);
    } catch (error) {
      if (error instanceof JobError)
        throw new ResponseError(ErrorCodes.InvalidParams, error.message, { code: error.code });
      if (error instanceof ResponseError) throw error;
      throw new ResponseError(ErrorCodes.InternalError, `NetRemediate jobs: ${(error as Error).message}`);
    }
  };
}

function shardOrThrow(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return parseShard(text);
  } catch (error) {
    throw new ResponseError(ErrorCodes.InvalidParams, (error as Error).message);
  }
}

/** A frame a client named: one of FRAME_KINDS, else InvalidParams. */
function frameOrThrow(frame: string): FrameKind {
  if (!(FRAME_KINDS as readonly string[]).includes(frame)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `frame ${frame}: expected one of ${FRAME_KINDS.join(', ')}`,
    );
  }
  return frame as FrameKind;
}

export function registerJobRequests(connection: Connection, jobs: JobService): void {
  connection.onRequest(
    StartJobRequest,
    withManager(jobs, (manager, params) => {
      if (!params.folders?.length && !params.files?.length) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'a job needs folders or files');
      }
      return manager.startJob({
        targets: params.folders,
        devices: params.files,
        comment: params.comment,
        ticket_ref: params.ticket_ref,
        shard: shardOrThrow(params.shard),
        ...jobs.openDocuments(),
      });
    }),
  );
  connection.onRequest(
    CancelJobRequest,
    withManager(jobs, (manager, { job_id }) => manager.cancelJob(job_id)),
  );
  connection.onRequest(
    RetryFailedRequest,
    withManager(jobs, (manager, { job_id, comment, ticket_ref }) =>
      manager.retryFailed(job_id, { comment, ticket_ref, unsaved: jobs.openDocuments().unsaved }),
    ),
  );
  connection.onRequest(
    ResumeJobRequest,
    withManager(jobs, (manager, { job_id }) =>
      manager.resumeJob(job_id, { unsaved: jobs.openDocuments().unsaved }),
    ),
  );
  connection.onRequest(
    DeleteJobRequest,
    withManager(jobs, (manager, { job_id }) => manager.deleteJob(job_id)),
  );
  connection.onRequest(
    ListJobsRequest,
    withManager(jobs, (manager, params) => manager.listJobs(params)),
  );
  connection.onRequest(
    GetJobRequest,
    withManager(jobs, (manager, { job_id }) => manager.getJob(job_id) ?? null),
  );
  connection.onRequest(
    DeviceResultsRequest,
    withManager(jobs, (manager, { job_id, ...query }) => {
      if (query.frame !== undefined) frameOrThrow(query.frame);
      return manager.getDeviceResults(job_id, query);
    }),
  );
  connection.onRequest(
    ReviewDocumentsRequest,
    withManager(jobs, async (manager, { job_id, folder, device_id, frame, frame_tag, feature }) => {
      // The review's scripts are for reading and copying: without a frame, `none` (prompting lines withheld).
      const framing = { frame: frameOrThrow(frame ?? 'none'), tag: frame_tag };
      const review = await manager.reviewDocuments(
        job_id,
        folder,
        device_id,
        jobs.openDocuments().unsaved,
        framing,
        feature,
      );
      if (!review) return null;
      return {
        ...review,
        running: review.running ?? null,
        intended: review.intended ?? null,
        running_rendered: review.running_rendered ?? null,
        after_rollback: review.after_rollback ?? null,
      };
    }),
  );
  connection.onRequest(
    ListWorkersRequest,
    withManager(jobs, (manager) => manager.poolStats()),
  );
  connection.onRequest(
    StopWorkerRequest,
    withManager(jobs, (manager, { thread_id }) => manager.stopWorker(thread_id)),
  );
  connection.onRequest(
    ServerStatusRequest,
    withManager(jobs, (manager): ServerStatus => {
      const status = manager.status();
      return { version: VERSION, ...status };
    }),
  );
}
