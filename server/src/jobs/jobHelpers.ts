/**
 * The job manager's small pure helpers: its error type, explicit devices, a task's outcome as a device
 * summary, and a page of device results with their texts read lazily from the journal.
 */
import path from 'node:path';
import type { DeviceSpec, DiscoveryProblem } from './discovery';
import { withoutExtension } from './discovery';
import type { ExplicitDevice, DeviceQuery } from './jobOptions';
import type { JobState } from './jobState';
import { expandFeatures } from './featureTexts';
import { JournalReader } from './journal';
import type { DeviceResult, DeviceSummary, DeviceTexts } from './types';
import { TaskFailure } from './workerPool';
import type { DeviceTaskResult } from './workerProtocol';

export type JobErrorCode = 'not-found' | 'invalid-state';

/** A request the manager refuses; `code` lets adapters map it (LSP error, CLI exit code). */
export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function explicitSpecs(devices: readonly ExplicitDevice[]): {
  devices: DeviceSpec[];
  errors: DiscoveryProblem[];
} {
  const specs: DeviceSpec[] = [];
  const errors: DiscoveryProblem[] = [];
  for (const d of devices) {
    const running = path.resolve(d.running);
    const folder = path.resolve(d.folder ?? path.dirname(running));
    const deviceId = d.device_id ?? withoutExtension(path.basename(running));
    if (deviceId.trim() === '') {
      errors.push({ folder, file: running, message: 'a device needs a non-empty device_id' });
      continue;
    }
    specs.push({
      device_id: deviceId,
      folder,
      ...(d.platform === undefined ? {} : { platform: d.platform, platform_source: 'manifest' as const }),
      running,
      intended: path.resolve(d.intended),
    });
  }
  return { devices: specs, errors };
}

export function toDeviceSummary(
  job: JobState,
  i: number,
  outcome: DeviceTaskResult | TaskFailure,
): DeviceSummary {
  const spec = job.specs[i];
  const unsaved = job.inputs.unsaved;
  const finished_at = new Date().toISOString();
  const input = (file: string, sha256?: string) => ({
    path: file,
    ...(sha256 === undefined ? {} : { sha256 }),
    ...(unsaved?.has(file) ? { unsaved: true } : {}),
  });
  if (outcome instanceof TaskFailure) {
    return {
      device_id: spec.device_id,
      folder: spec.folder,
      ...(spec.platform === undefined
        ? {}
        : { platform: spec.platform, platform_source: spec.platform_source }),
      status: 'failed',
      error: outcome.message,
      running: input(spec.running),
      intended: input(spec.intended),
      finished_at,
      ...(outcome.threadId === undefined ? {} : { worker: outcome.threadId }),
    };
  }
  const { running_sha256, intended_sha256, ...o } = outcome.outcome;
  return {
    device_id: spec.device_id,
    folder: spec.folder,
    ...o,
    running: input(spec.running, running_sha256),
    intended: input(spec.intended, intended_sha256),
    finished_at,
    worker: outcome.threadId,
  };
}

/** Devices of a loaded job in job order (or `only` those), filtered and paged; texts on request. */
export function readDevicePage(
  job: JobState,
  journal: string,
  query: DeviceQuery,
  warn: (message: string) => void,
  only?: readonly number[],
): { total: number; devices: DeviceResult[] } {
  const all = only ?? (query.status === undefined ? undefined : job.indicesWith(query.status));
  const total = all?.length ?? job.specs.length;
  const offset = Math.max(0, query.offset ?? 0);
  const end = Math.min(total, offset + Math.max(0, query.limit ?? 100));
  const page: number[] = [];
  for (let k = offset; k < end; k++) page.push(all === undefined ? k : all[k]);
  let reader: JournalReader | undefined;
  try {
    const devices = page.map((i): DeviceResult => {
      const summary = job.device(i);
      const body = query.include_texts === true ? job.body(i) : undefined;
      if (body === undefined) return summary;
      reader ??= new JournalReader(journal);
      try {
        const texts = reader.readJson(body) as DeviceTexts;
        const features = texts.feature_compliance;
        return {
          ...summary,
          ...texts,
          ...(features === undefined ? {} : { feature_compliance: expandFeatures(features, texts) }),
        };
      } catch (error) {
        warn(`job ${job.id}, device ${summary.device_id}: ${(error as Error).message}`);
        return summary;
      }
    });
    return { total, devices };
  } finally {
    (reader as JournalReader | undefined)?.close();
  }
}
