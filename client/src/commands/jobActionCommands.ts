/**
 * Commands on existing jobs: cancel (one, all), retry failed devices, resume an interrupted job,
 * delete (one, all finished), show the failed devices, and the Jobs view's own actions (filter,
 * refresh, show more, copy id). From the view they get the tree node; from the palette they ask
 * with a quick pick; from code and tests they take `{ job_id }` (and options such as `{ confirm: false }`).
 */
import * as vscode from 'vscode';
import {
  CancelJobRequest,
  DeleteJobRequest,
  ResumeJobRequest,
  RetryFailedRequest,
  type DeviceSummary,
  type JobSummary,
} from '../../../server/src/protocol';
import { jobLabel } from '../jobs/jobFormat';
import { isActive, isFinished } from '../jobs/jobModel';
import type { MoreNode } from '../jobs/jobsTreeItems';
import { filterNamed } from '../jobs/jobsView';
import { requireTrust, type CommandContext, type CommandFactory } from './commandContext';
import { jobNotes, type StartOptions } from './jobNotes';
import { deviceRefFrom, pickDevice, pickJob } from './pickers';

function confirmWanted(options: unknown): boolean {
  return !(
    typeof options === 'object' &&
    options !== null &&
    'confirm' in options &&
    options.confirm === false
  );
}

async function confirm(message: string, action: string, options: unknown): Promise<boolean> {
  if (!confirmWanted(options)) return true;
  return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
}

const cancelJob: CommandFactory = (ctx) => async (arg?: unknown) => {
  const job = await pickJob(ctx, arg, {
    title: 'Cancel Job',
    accept: isActive,
    none: 'no job is pending or running.',
  });
  if (job === undefined) return undefined;
  if (!isActive(job)) return job;
  return ctx.server.request(CancelJobRequest, { job_id: job.job_id });
};

const cancelAll: CommandFactory = (ctx) => async () => {
  await ctx.model.ensureLoaded();
  const active = ctx.model.activeJobs();
  const results = await Promise.allSettled(
    active.map((job) => ctx.server.request(CancelJobRequest, { job_id: job.job_id })),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0)
    void vscode.window.showErrorMessage(`NetRemediate: ${failed} job(s) could not be cancelled.`);
  return active.length - failed;
};

function track(ctx: CommandContext, job: JobSummary, title: string): JobSummary {
  ctx.model.accept(job);
  void ctx.progress.track(job, title);
  return job;
}

const retryFailed: CommandFactory = (ctx) => async (arg?: unknown, options?: StartOptions) => {
  if (!(await requireTrust('Retrying failed devices'))) return undefined;
  const job = await pickJob(ctx, arg, {
    title: 'Retry Failed Devices',
    accept: (j) => isFinished(j) && j.failed_devices > 0,
    none: 'no finished job has failed devices.',
  });
  if (job === undefined) return undefined;
  // The retry keeps the job's comment and ticket unless new ones are given.
  const notes = options === undefined ? {} : await jobNotes('Retry Failed Devices', options);
  const retry = await ctx.server.request(RetryFailedRequest, { job_id: job.job_id, ...notes });
  return track(ctx, retry, `Retry of ${job.failed_devices} failed device(s) of ${jobLabel(job)}`);
};

const resumeJob: CommandFactory = (ctx) => async (arg?: unknown) => {
  if (!(await requireTrust('Resuming a job'))) return undefined;
  const job = await pickJob(ctx, arg, {
    title: 'Resume Job',
    accept: (j) => j.status === 'interrupted',
    none: 'no job was interrupted.',
  });
  if (job === undefined) return undefined;
  const resumed = await ctx.server.request(ResumeJobRequest, { job_id: job.job_id });
  return track(ctx, resumed, `Remediation of ${jobLabel(job)} (resumed)`);
};

const deleteJob: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const job = await pickJob(ctx, arg, { title: 'Delete Job', none: 'there are no jobs.' });
  if (job === undefined) return false;
  if (
    isActive(job) &&
    !(await confirm(`Job "${jobLabel(job)}" is ${job.status}. Cancel and delete it?`, 'Delete', options))
  ) {
    return false;
  }
  await ctx.server.request(DeleteJobRequest, { job_id: job.job_id });
  return true;
};

const clearFinished: CommandFactory = (ctx) => async (options?: unknown) => {
  await ctx.model.ensureLoaded();
  const finished = ctx.model.jobs().filter(isFinished);
  if (finished.length === 0) {
    void vscode.window.showInformationMessage('NetRemediate: there are no finished jobs.');
    return 0;
  }
  const message = `Delete ${finished.length} finished job${finished.length === 1 ? '' : 's'} and their results?`;
  if (!(await confirm(message, 'Delete', options))) return 0;
  let deleted = 0;
  for (const job of finished) {
    try {
      await ctx.server.request(DeleteJobRequest, { job_id: job.job_id });
      deleted++;
    } catch (error) {
      ctx.log.warn(`Could not delete job ${job.job_id}: ${String(error)}`);
    }
  }
  return deleted;
};

/** `running/r1.cfg:120: ...` → the file and line the error names, when it is one of the device's inputs. */
function errorLocation(device: DeviceSummary): { file: string; line: number } | undefined {
  const inputs = [device.running.path, device.intended.path];
  const match = /(?:^|\s)([^\s:][^:]*?):(\d+):/.exec(device.error ?? '');
  if (match) {
    const file = inputs.find(
      (input) => input === match[1] || input.endsWith(`/${match[1]}`) || input.endsWith(`\\${match[1]}`),
    );
    if (file) return { file, line: Number(match[2]) };
  }
  const named = inputs.find((input) => device.error?.includes(input));
  return named ? { file: named, line: 1 } : undefined;
}

async function openFailure(device: DeviceSummary): Promise<void> {
  const where = errorLocation(device) ?? { file: device.running.path, line: 1 };
  const line = Math.max(0, where.line - 1);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(where.file), {
    selection: new vscode.Range(line, 0, line, 0),
    preview: true,
  });
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  if (device.error) void vscode.window.showErrorMessage(`NetRemediate: ${device.device_id}: ${device.error}`);
}

const openFailureCommand: CommandFactory = (ctx) => async (arg?: unknown) => {
  const ref = deviceRefFrom(arg);
  if (ref === undefined) return undefined;
  const list = await ctx.model.devices(ref.job_id);
  const device = list?.get(ref.folder, ref.device_id);
  if (device) await openFailure(device);
  return device;
};

const showFailed: CommandFactory = (ctx) => async (arg?: unknown) => {
  const job = await pickJob(ctx, arg, {
    title: 'Show Failed Devices',
    accept: (j) => j.failed_devices > 0,
    none: 'no job has failed devices.',
  });
  if (job === undefined) return undefined;
  const node = ctx.jobsView.tree.jobNode(job.job_id);
  void ctx.jobsView.reveal(node, true).catch(() => undefined);
  const device = await pickDevice(ctx, job, {
    title: `Failed Devices of ${jobLabel(job)}`,
    accept: (d) => d.status === 'failed',
    none: `job ${job.job_id} has no failed device.`,
  });
  if (device) await openFailure(device);
  return device;
};

const filterJobs: CommandFactory = (ctx) => async (name?: unknown) => {
  if (typeof name === 'string') ctx.jobsView.setFilter(filterNamed(name));
  else await ctx.jobsView.pickFilter();
  return ctx.jobsView.tree.filter?.label;
};

export const jobActionCommands: Readonly<Record<string, CommandFactory>> = {
  'netremediate.cancelJob': cancelJob,
  'netremediate.cancelAllJobs': cancelAll,
  'netremediate.retryFailed': retryFailed,
  'netremediate.resumeJob': resumeJob,
  'netremediate.deleteJob': deleteJob,
  'netremediate.clearFinishedJobs': clearFinished,
  'netremediate.jobs.showFailed': showFailed,
  'netremediate.jobs.openFailure': openFailureCommand,
  'netremediate.jobs.filter': filterJobs,
  'netremediate.jobs.clearFilter': (ctx) => () => ctx.jobsView.setFilter(undefined),
  'netremediate.jobs.refresh': (ctx) => () => ctx.model.reload(),
  'netremediate.jobs.showMore': (ctx) => (node?: MoreNode) => {
    if (node?.kind === 'more') ctx.jobsView.tree.showMore(node);
  },
  'netremediate.jobs.copyJobId': (ctx) => async (arg?: unknown) => {
    const job = await pickJob(ctx, arg, { title: 'Copy Job ID', none: 'there are no jobs.' });
    if (job) await vscode.env.clipboard.writeText(job.job_id);
    return job?.job_id;
  },
};
