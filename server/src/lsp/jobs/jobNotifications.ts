import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { isFinalStatus, type JobManager, type JobSummary } from '../../jobs';
import { JobChangedNotification, JobDevicesChangedNotification } from '../../protocol';

function progressMessage(job: JobSummary): string {
  const done = job.completed_devices + job.failed_devices;
  const failed = job.failed_devices > 0 ? ` · ${job.failed_devices} failed` : '';
  return `${done}/${job.total_devices} devices${failed}`;
}

/**
 * Forwards the manager's events to the client: every job state transition as it happens, and the
 * device changes the manager already coalesces to ≤ 10 a second per job. With `workDoneProgress`, each
 * job is also LSP work-done progress (for editors that show it), whose cancel cancels the job.
 */
export function forwardJobEvents(
  connection: Connection,
  manager: JobManager,
  workDoneProgress: () => boolean,
): void {
  const reporters = new Map<string, WorkDoneProgressServerReporter>();

  const startProgress = async (job: JobSummary): Promise<void> => {
    try {
      const reporter = await connection.window.createWorkDoneProgress();
      if (isFinalStatus(manager.getJob(job.job_id)?.status ?? 'completed')) {
        reporter.done();
        return;
      }
      reporters.set(job.job_id, reporter);
      reporter.begin(
        `NetRemediate: remediation of ${job.total_devices} devices`,
        0,
        progressMessage(job),
        true,
      );
      reporter.token.onCancellationRequested(() => {
        try {
          manager.cancelJob(job.job_id);
        } catch {
          // already finished or deleted: nothing to cancel
        }
      });
    } catch (error) {
      connection.console.warn(`work-done progress unavailable: ${String(error)}`);
    }
  };

  manager.on('job', (event) => {
    void connection.sendNotification(JobChangedNotification, event);
    const job = event.job;
    if (event.type === 'status' && job.status === 'running' && workDoneProgress()) void startProgress(job);
    if (isFinalStatus(job.status) || event.type === 'deleted') {
      reporters.get(job.job_id)?.done();
      reporters.delete(job.job_id);
    }
  });
  manager.on('devices', (event) => {
    void connection.sendNotification(JobDevicesChangedNotification, event);
    reporters.get(event.job.job_id)?.report(event.job.progress, progressMessage(event.job));
  });
}
