/**
 * How commands find the job or device they act on: the argument a menu, a keybinding or a test passes
 * (a tree node, `{ job_id }`, `{ job_id, folder, device_id }`, a job id), else the current review, else
 * a quick pick.
 */
import * as vscode from 'vscode';
import type { DeviceSummary, JobSummary } from '../../../server/src/protocol';
import { deviceDescription, folderName, formatTime, jobDescription, jobLabel } from '../jobs/jobFormat';
import type { DeviceRef } from '../review/reviewUris';
import type { CommandContext } from './commandContext';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A job id from a tree node (`jobId`), a summary or ref (`job_id`), or a string. */
export function jobIdFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.length > 0) return arg;
  if (!isObject(arg)) return undefined;
  if (typeof arg.jobId === 'string') return arg.jobId;
  if (typeof arg.job_id === 'string') return arg.job_id;
  return undefined;
}

/** A device from a device tree node or a `{ job_id, folder, device_id }` ref. */
export function deviceRefFrom(arg: unknown): DeviceRef | undefined {
  if (!isObject(arg)) return undefined;
  if (arg.kind === 'device' && typeof arg.jobId === 'string') {
    return { job_id: arg.jobId, folder: String(arg.folder), device_id: String(arg.deviceId) };
  }
  if (typeof arg.job_id === 'string' && typeof arg.folder === 'string' && typeof arg.device_id === 'string') {
    return { job_id: arg.job_id, folder: arg.folder, device_id: arg.device_id };
  }
  return undefined;
}

interface JobPick extends vscode.QuickPickItem {
  readonly job: JobSummary;
}

export function jobPickItem(job: JobSummary): JobPick {
  return {
    label: jobLabel(job),
    description: jobDescription(job),
    detail: `${job.job_id} · ${job.status} · created ${formatTime(job.created_at)}${job.ticket_ref ? ` · ${job.ticket_ref}` : ''}`,
    job,
  };
}

/**
 * The job named by `arg`, or one the user picks among those `accept` allows (newest first). Says so
 * and returns undefined when there is none to pick.
 */
export async function pickJob(
  ctx: CommandContext,
  arg: unknown,
  options: { title: string; accept?: (job: JobSummary) => boolean; none: string },
): Promise<JobSummary | undefined> {
  await ctx.model.ensureLoaded();
  const id = jobIdFrom(arg);
  if (id !== undefined) {
    const job = ctx.model.job(id);
    if (job === undefined) throw new Error(`there is no job ${id}`);
    return job;
  }
  const jobs = ctx.model.jobs().filter(options.accept ?? (() => true));
  if (jobs.length === 0) {
    void vscode.window.showInformationMessage(`NetRemediate: ${options.none}`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(jobs.map(jobPickItem), {
    title: options.title,
    placeHolder: 'Pick a job (newest first)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.job;
}

interface DevicePick extends vscode.QuickPickItem {
  readonly device: DeviceSummary;
}

/** Devices of a job in the Jobs view's order, for a quick pick. */
export async function pickDevice(
  ctx: CommandContext,
  job: JobSummary,
  options: { title: string; accept: (device: DeviceSummary) => boolean; none: string },
): Promise<DeviceSummary | undefined> {
  const list = await ctx.model.devices(job.job_id);
  const devices = (list?.sorted() ?? []).filter(options.accept);
  if (devices.length === 0) {
    void vscode.window.showInformationMessage(`NetRemediate: ${options.none}`);
    return undefined;
  }
  const several = job.folders.length > 1;
  const picked = await vscode.window.showQuickPick(
    devices.map((device): DevicePick => ({
      label: device.device_id,
      description: `${deviceDescription(device)}${several ? ` · ${folderName(device.folder)}` : ''}`,
      device,
    })),
    { title: options.title, placeHolder: 'Pick a device (type to filter)', matchOnDescription: true },
  );
  return picked?.device;
}

/**
 * The device a review command acts on: its argument; else, with no argument, the device under
 * review in the active editor; else a job (argument or pick) and then one of its computed devices.
 */
export async function resolveDevice(
  ctx: CommandContext,
  arg: unknown,
  title: string,
): Promise<DeviceRef | undefined> {
  const direct = deviceRefFrom(arg);
  if (direct) return direct;
  if (arg === undefined && ctx.review.current) return ctx.review.current.ref;
  const job = await pickJob(ctx, arg, {
    title: `${title}: Pick a Job`,
    accept: (j) => j.completed_devices > 0,
    none: 'no job has computed devices to review yet.',
  });
  if (job === undefined) return undefined;
  if (arg !== undefined && jobIdFrom(arg) !== undefined) {
    // A job given (the summary notification's Review): its first device worth a look.
    const first = (await ctx.review.reviewOrder(job.job_id))[0];
    if (first) return { job_id: job.job_id, folder: first.folder, device_id: first.device_id };
  }
  const device = await pickDevice(ctx, job, {
    title: `${title}: Pick a Device`,
    accept: (d) => d.status === 'success',
    none: `job ${job.job_id} has no computed device.`,
  });
  return device && { job_id: job.job_id, folder: device.folder, device_id: device.device_id };
}
