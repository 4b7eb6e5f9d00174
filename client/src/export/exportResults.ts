/**
 * Export Results…: writes a job's scripts and report into a folder of the workspace —
 * `remediation/<device>.cfg` and `rollback/<device>.cfg` (`remediation/<folder>/<device>.cfg` when the
 * job spans several folders) and `report.json` in the batch results format. The server has no export
 * request: the texts come page by page from DeviceResultsRequest with `include_texts`, and the files
 * are written with vscode.workspace.fs. Names are sanitised; a target outside the folder is refused.
 * Scripts are written in the `netremediate.frame` safe-apply frame (the server frames them); a device
 * whose platform has no such frame gets no script files, and its `frame_error` is in the report.
 */
import * as vscode from 'vscode';
import { DeviceResultsRequest, type DeviceResult, type JobSummary } from '../../../server/src/protocol';
import { batchResultsDocument } from '../../../server/src/protocol/exportFormat';
import { frameSetting } from '../frameSetting';
import { folderName } from '../jobs/jobFormat';
import type { ServerConnection } from '../serverConnection';
import { isInside, sanitizeFileName, UniqueNames } from './safeFileNames';

const PAGE = 100;

export interface ExportSummary {
  readonly dir: vscode.Uri;
  /** Script files written (two per computed device). */
  readonly scripts: number;
  readonly report: vscode.Uri;
  readonly devices: number;
  /** The user cancelled: the report was not written. */
  readonly cancelled: boolean;
  /** Devices without script files: their platform has no such frame. */
  readonly unframed: number;
}

function inside(root: vscode.Uri, ...segments: string[]): vscode.Uri {
  const target = vscode.Uri.joinPath(root, ...segments);
  if (!isInside(root.path, target.path)) {
    throw new Error(`refusing to write ${segments.join('/')}: it is outside ${root.fsPath}`);
  }
  return target;
}

export async function exportJobResults(
  server: ServerConnection,
  job: JobSummary,
  root: vscode.Uri,
  progress?: vscode.Progress<{ message?: string; increment?: number }>,
  token?: vscode.CancellationToken,
): Promise<ExportSummary> {
  const encoder = new TextEncoder();
  const names = new UniqueNames();
  const createdDirs = new Set<string>();
  const devices: DeviceResult[] = [];
  let severalFolders = job.folders.length > 1;
  let scripts = 0;
  let total = job.total_devices;
  let unframed = 0;
  const frame = frameSetting();
  await vscode.workspace.fs.createDirectory(root);

  for (let offset = 0; offset < total; offset += PAGE) {
    if (token?.isCancellationRequested) break;
    const page = await server.request(DeviceResultsRequest, {
      job_id: job.job_id,
      offset,
      limit: PAGE,
      include_texts: true,
      frame,
    });
    total = page.total;
    if (offset === 0 && !severalFolders) {
      severalFolders = new Set(page.devices.map((d) => d.folder)).size > 1;
    }
    for (const device of page.devices) {
      devices.push(device);
      if (device.status !== 'success') continue;
      if (device.frame_error !== undefined) {
        unframed++;
        continue;
      }
      const sub = severalFolders ? [sanitizeFileName(folderName(device.folder))] : [];
      const base = sanitizeFileName(device.device_id);
      // One name per device for both scripts, unique within its directory.
      const name = names.take(sub.join('/'), base);
      for (const kind of ['remediation', 'rollback'] as const) {
        const dir = inside(root, kind, ...sub);
        if (!createdDirs.has(dir.path)) {
          await vscode.workspace.fs.createDirectory(dir);
          createdDirs.add(dir.path);
        }
        const file = inside(root, kind, ...sub, `${name}.cfg`);
        await vscode.workspace.fs.writeFile(file, encoder.encode(device[kind] ?? ''));
        scripts++;
      }
    }
    progress?.report({
      increment: total === 0 ? 100 : (page.devices.length / total) * 100,
      message: `${Math.min(offset + PAGE, total)}/${total} devices`,
    });
    if (page.devices.length === 0) break;
  }
  const report = inside(root, 'report.json');
  const cancelled = token?.isCancellationRequested === true;
  if (!cancelled) {
    const text = `${JSON.stringify(batchResultsDocument(job, devices, frame), null, 2)}\n`;
    await vscode.workspace.fs.writeFile(report, encoder.encode(text));
  }
  return { dir: root, scripts, report, devices: devices.length, cancelled, unframed };
}
