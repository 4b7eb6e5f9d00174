/**
 * Writes a finished job's results as files: `remediation/<device>.cfg` and `rollback/<device>.cfg`
 * (`remediation/<folder>/<device>.cfg` when the job spans several folders) and `report.json` in the batch
 * results format. Names are sanitised and every path is checked to stay inside the chosen folder. With a
 * frame, the scripts are written framed (docs/safe-apply.md); a device whose platform has no such frame
 * gets no script files (its `frame_error` is in the report) rather than bare ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameRequest } from './frameResults';
import type { JobManager } from './jobManager';
import { batchResultsDocument, sanitizeFileName, UniqueNames } from '../protocol/exportFormat';
import type { DeviceResult } from './types';

export { batchResultsDocument, sanitizeFileName };

function insideOrThrow(root: string, file: string): string {
  const resolved = path.resolve(root, file);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) {
    throw new Error(`refusing to write ${file}: it is outside ${root}`);
  }
  return resolved;
}

/** Every device of a job, page by page, with its texts (the store reads them lazily from the journal). */
export function* allDeviceResults(
  manager: JobManager,
  jobId: string,
  includeTexts: boolean,
  frame?: FrameRequest,
): Generator<DeviceResult> {
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = manager.getDeviceResults(jobId, {
      offset,
      limit,
      include_texts: includeTexts,
      frame: frame?.frame,
      frame_tag: frame?.tag,
    });
    yield* page.devices;
    if (offset + limit >= page.total) return;
  }
}

export interface ExportSummary {
  readonly dir: string;
  readonly scripts: number;
  readonly report: string;
  /** Devices whose scripts were not written: their platform has no such frame. */
  readonly unframed: readonly { readonly device_id: string; readonly error: string }[];
}

export function exportJobResults(
  manager: JobManager,
  jobId: string,
  outDir: string,
  frame?: FrameRequest,
): ExportSummary {
  const job = manager.getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  const root = path.resolve(outDir);
  const severalFolders = job.folders.length > 1;
  const devices = [...allDeviceResults(manager, jobId, true, frame)];
  let scripts = 0;
  const unframed: { device_id: string; error: string }[] = [];
  const names = new UniqueNames();
  for (const device of devices) {
    if (device.status !== 'success') continue;
    if (device.frame_error !== undefined) {
      unframed.push({ device_id: device.device_id, error: device.frame_error });
      continue;
    }
    const sub = severalFolders ? [sanitizeFileName(path.basename(device.folder))] : [];
    const name = names.take(sub.join('/'), sanitizeFileName(device.device_id));
    for (const [kind, text] of [
      ['remediation', device.remediation],
      ['rollback', device.rollback],
    ] as const) {
      const file = insideOrThrow(root, path.join(kind, ...sub, `${name}.cfg`));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text ?? '');
      scripts++;
    }
  }
  const report = insideOrThrow(root, 'report.json');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(report, `${JSON.stringify(batchResultsDocument(job, devices, frame?.frame), null, 2)}\n`);
  return { dir: root, scripts, report, unframed };
}
