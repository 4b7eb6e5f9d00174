/**
 * The batch job layer (Node, no LSP, no vscode): device discovery, the job manager (queue, states,
 * locks, cancel, retry, resume), the worker-thread pool and the job store. The LSP requests and
 * `netremediate batch` are thin adapters over JobManager; see jobManager.ts for a usage sketch.
 */
export { JobManager } from './jobManager';
export type { JobManagerEvents, ManagerStatus } from './jobManager';
export type { ReviewDocuments } from './reviewDocuments';
export type { FrameRequest } from './frameResults';
export { JobError } from './jobHelpers';
export type { JobErrorCode } from './jobHelpers';
export type {
  DeviceQuery,
  ExplicitDevice,
  JobListFilter,
  JobManagerOptions,
  JobStatusFilter,
  RetryRequest,
  StartJobRequest,
} from './jobOptions';
export type { RunInputs } from './jobState';
export {
  DEFAULT_INTENDED_GLOB,
  DEFAULT_RUNNING_GLOB,
  discoverFolder,
  discoverTargets,
  formatProblem,
} from './discovery';
export type { DeviceSpec, Discovery, DiscoveryOptions, DiscoveryProblem, FolderDiscovery } from './discovery';
export { MANIFEST_FILE, validateManifest } from './manifest';
export type { ManifestEntry, ManifestProblem } from './manifest';
export { fnv1a32, inShard, parseShard, shardKey, shardOf } from './shard';
export type { Shard } from './shard';
export { FINAL_JOB_STATUSES, isFinalStatus } from './types';
export type * from './types';
export { TEST_FAULTS_ENV } from './workerProtocol';
export type { TestFault } from './workerProtocol';
