/**
 * Progress of a job started from a command: the client's own cancellable notification (cancel sends
 * CancelJobRequest), fed by the job model's events — which come from the job notifications — and, when
 * the job finishes, a summary notification with Review and Show Failed actions. Jobs started elsewhere
 * (another window, the CLI's store) only show in the view and the status bar.
 */
import * as vscode from 'vscode';
import { CancelJobRequest, type JobSummary } from '../../../server/src/protocol';
import { errorText, type ServerConnection } from '../serverConnection';
import { finishedDevices, jobLabel, jobOutcome } from './jobFormat';
import type { JobModel } from './jobModel';

function progressMessage(job: JobSummary): string {
  if (job.status === 'pending') {
    const holder = job.blocked_by?.[0];
    return holder
      ? `waiting for job ${holder.job_id}, which holds ${holder.devices} of its devices`
      : 'queued';
  }
  const failed = job.failed_devices > 0 ? ` · ${job.failed_devices} failed` : '';
  return `${finishedDevices(job)}/${job.total_devices} devices${failed}`;
}

export class JobProgress {
  private readonly tracked = new Map<string, Promise<JobSummary | undefined>>();

  constructor(
    private readonly model: JobModel,
    private readonly server: ServerConnection,
  ) {}

  /** Whether a notification follows this job (tests and the summary use it). */
  isTracked(jobId: string): boolean {
    return this.tracked.has(jobId);
  }

  /**
   * Shows the job's progress until it finishes, then its summary (not awaited: a notification waits for
   * the user). Resolves with the finished job, or undefined when it was deleted.
   */
  track(job: JobSummary, title = `Remediation of ${jobLabel(job)}`): Promise<JobSummary | undefined> {
    const existing = this.tracked.get(job.job_id);
    if (existing) return existing;
    const finished = Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `NetRemediate: ${title}`,
          cancellable: true,
        },
        async (progress, token) => {
          let reported = 0;
          const report = (now: JobSummary): void => {
            const increment = Math.max(0, now.progress - reported);
            reported = Math.max(reported, now.progress);
            progress.report({ increment, message: progressMessage(now) });
          };
          report(this.model.job(job.job_id) ?? job);
          const subscription = this.model.onDidChange((change) => {
            if (change.kind === 'updated' || change.kind === 'devices' || change.kind === 'added') {
              if (change.job.job_id === job.job_id) report(change.job);
            }
          });
          const cancelled = token.onCancellationRequested(() => void this.cancel(job.job_id));
          try {
            return await this.model.whenFinished(job.job_id);
          } finally {
            subscription.dispose();
            cancelled.dispose();
          }
        },
      ),
    );
    this.tracked.set(job.job_id, finished);
    void finished.then((done) => {
      this.tracked.delete(job.job_id);
      if (done) void this.summarize(done, title);
    });
    return finished;
  }

  private async cancel(jobId: string): Promise<void> {
    try {
      await this.server.request(CancelJobRequest, { job_id: jobId });
    } catch (error) {
      void vscode.window.showErrorMessage(`NetRemediate: could not cancel job ${jobId}: ${errorText(error)}`);
    }
  }

  private async summarize(job: JobSummary, title: string): Promise<void> {
    const ref = { job_id: job.job_id };
    const actions: string[] = [];
    let show: (message: string, ...items: string[]) => Thenable<string | undefined> =
      vscode.window.showInformationMessage;
    let message: string;
    switch (job.status) {
      case 'failed':
        show = vscode.window.showErrorMessage;
        message = `${title} could not run: ${job.error ?? 'see the log'}`;
        actions.push('Show Log');
        break;
      case 'interrupted':
        show = vscode.window.showWarningMessage;
        message = `${title} was interrupted (the language server stopped): ${jobOutcome(job)}.`;
        actions.push('Resume');
        break;
      case 'cancelled':
        message = `${title} cancelled: ${jobOutcome(job)}.`;
        if (job.completed_devices > 0) actions.push('Review');
        if (job.failed_devices > 0) actions.push('Show Failed');
        break;
      default:
        if (job.failed_devices > 0 || job.summary.unverified > 0) show = vscode.window.showWarningMessage;
        message = `${title} finished: ${jobOutcome(job)}.`;
        if (job.summary.changed_devices > 0 || job.completed_devices > 0) actions.push('Review');
        if (job.failed_devices > 0) actions.push('Show Failed');
    }
    const choice = await show(`NetRemediate: ${message}`, ...actions);
    switch (choice) {
      case 'Review':
        await vscode.commands.executeCommand('netremediate.reviewRemediation', ref);
        break;
      case 'Show Failed':
        await vscode.commands.executeCommand('netremediate.jobs.showFailed', ref);
        break;
      case 'Resume':
        await vscode.commands.executeCommand('netremediate.resumeJob', ref);
        break;
      case 'Show Log':
        await vscode.commands.executeCommand('netremediate.showLog');
        break;
    }
  }
}
