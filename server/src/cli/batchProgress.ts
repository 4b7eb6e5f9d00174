import { SingleBar } from 'cli-progress';
import type { JobManager, JobSummary } from '../jobs';

/**
 * A progress bar on stderr while a job runs, when stderr is a terminal (pipelines and logs get the
 * summary only). Fed by the manager's coalesced device events, so it costs nothing per device.
 */
export function showProgress(manager: JobManager, jobId: string): () => void {
  if (!process.stderr.isTTY) return () => undefined;
  const bar = new SingleBar({
    stream: process.stderr,
    format:
      ' {bar} {percentage}% | {value}/{total} devices | {failed} failed | {rate} devices/s | ETA {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 10,
  });
  const t0 = Date.now();
  let started = false;
  const update = (job: JobSummary): void => {
    if (job.job_id !== jobId) return;
    const done = job.completed_devices + job.failed_devices;
    const payload = {
      failed: job.failed_devices,
      rate: Math.round(done / Math.max(0.001, (Date.now() - t0) / 1000)),
    };
    if (!started) {
      bar.start(job.total_devices, done, payload);
      started = true;
    } else {
      bar.update(done, payload);
    }
  };
  const onDevices = ({ job }: { job: JobSummary }) => update(job);
  const onJob = ({ job }: { job: JobSummary }) => update(job);
  manager.on('devices', onDevices);
  manager.on('job', onJob);
  return () => {
    manager.off('devices', onDevices);
    manager.off('job', onJob);
    if (started) bar.stop();
  };
}
