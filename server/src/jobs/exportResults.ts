/**
 * Writes a finished job's results as files: `remediation/<device>.cfg` and `rollback/<device>.cfg`
 * (`remediation/<folder>/<device>.cfg` when the job spans several folders) and `report.json` in the batch
 * results format. Names are sanitised and every path is checked to stay inside the chosen folder.
 */
import fs from 'node:fs';
import path from 'node:path';
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
): Generator<DeviceResult> {
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = manager.getDeviceResults(jobId, { offset, limit, include_texts: includeTexts });
    yield* page.devices;
    if (offset + limit >= page.total) return;
  }
}

export interface ExportSummary {
  readonly dir: string;
  readonly scripts: number;
  readonly report: string;
}

export function exportJobResults(manager: JobManager, jobId: string, outDir: string): ExportSummary {
  const job = manager.getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  const root = path.resolve(outDir);
  const severalFolders = job.folders.length > 1;
  const devices = [...allDeviceResults(manager, jobId, true)];
  let scripts = 0;
  const names = new UniqueNames();
  for (const device of devices) {
    if (device.status !== 'success') continue;
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
  fs.writeFileSync(report, `${JSON.stringify(batchResultsDocument(job, devices), null, 2)}\n`);
  return { dir: root, scripts, report };
}
