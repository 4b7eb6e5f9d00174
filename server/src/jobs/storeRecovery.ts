/**
 * Opening the store after any kind of stop: jobs the index shows completed, failed or cancelled are
 * taken from the index (their devices are replayed only when asked for); every other journal is
 * replayed — a job found pending or running comes back `interrupted` (holding no locks), and a torn
 * or damaged tail is cut with a warning, never fatal.
 */
import path from 'node:path';
import type { JobHeader, JobStore } from './jobStore';
import { JobState } from './jobState';
import type { JobSummary } from './types';

/** Statuses after which a journal never changes: their index entry can be trusted. */
const SETTLED = new Set(['completed', 'failed', 'cancelled']);

export function recoverJobs(store: JobStore, warn: (message: string) => void): JobState[] {
  const index = store.readIndex();
  if (index === undefined && store.journalIds().length > 0) {
    warn(`the job index in ${store.dir} is missing or unreadable: rebuilt from the journals`);
  }
  const indexed = new Map((index ?? []).map((s) => [s.job_id, s]));
  const jobs: JobState[] = [];
  for (const id of store.journalIds()) {
    const entry = indexed.get(id);
    indexed.delete(id);
    if (entry !== undefined && SETTLED.has(entry.status)) {
      jobs.push(JobState.fromIndex(entry, headerOf(entry)));
      continue;
    }
    try {
      jobs.push(recoverJournal(store, id, warn));
    } catch (error) {
      warn(`job ${id}: its journal cannot be read (${(error as Error).message}); left out`);
    }
  }
  for (const id of indexed.keys()) warn(`job ${id}: its journal is gone; dropped from the index`);
  return jobs;
}

function recoverJournal(store: JobStore, id: string, warn: (message: string) => void): JobState {
  const replayed = store.replay(id);
  const job = JobState.fromReplay(replayed);
  if (replayed.problem !== undefined) {
    warn(
      `job ${id}: its journal ends with ${replayed.problem} at byte ${replayed.validBytes}: skipped ` +
        `(${replayed.results.size} device results before it are kept)`,
    );
  }
  if (job.status === 'pending' || job.status === 'running' || replayed.problem !== undefined) {
    // Cut the torn tail now, so that whatever is appended later (interrupted, a resume) can be read back.
    const writer = store.reopenJournal(id, replayed.validBytes);
    try {
      if (job.status === 'pending' || job.status === 'running') {
        job.status = 'interrupted';
        writer.append({ t: 'status', status: 'interrupted', at: new Date().toISOString() });
      }
    } finally {
      writer.close();
    }
    job.validBytes = store.journalSize(id);
  }
  return job;
}

/** Enough of a header to list a job; the whole one is read from the journal when the job is loaded. */
function headerOf(summary: JobSummary): JobHeader {
  return {
    job_id: summary.job_id,
    created_at: summary.created_at,
    folders: summary.folders.map((f) => path.resolve(f)),
    ...(summary.comment === undefined ? {} : { comment: summary.comment }),
    ...(summary.ticket_ref === undefined ? {} : { ticket_ref: summary.ticket_ref }),
    ...(summary.retry_of === undefined ? {} : { retry_of: summary.retry_of }),
    include_predicted: true,
    default_platform: 'cisco_ios',
  };
}
