/**
 * The words the UI uses for jobs and devices (tree items, notifications, quick picks, the status bar):
 * plain functions of the protocol's data, so every surface says the same thing the same way.
 */
import * as path from 'node:path';
import type { DeviceSummary, JobStatus, JobSummary } from '../../../server/src/protocol';

/** `12 s`, `3 min 4 s`, `1 h 2 min`; under a second in ms. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

export function formatTime(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function folderName(folder: string): string {
  return path.basename(folder) || folder;
}

/** Devices finished so far (success or failed), the numerator of `progress`. */
export function finishedDevices(job: JobSummary): number {
  return job.completed_devices + job.failed_devices;
}

/** `fleet, branch — nightly drift check`: the folders' names, then the comment. */
export function jobLabel(job: JobSummary): string {
  const names = job.folders.map(folderName);
  const folders =
    names.length === 0 ? 'selected files' : names.length <= 3 ? names.join(', ') : `${names.length} folders`;
  return job.comment ? `${folders} — ${job.comment}` : folders;
}

const STATUS_WORDS: Readonly<Record<JobStatus, string>> = {
  pending: 'pending',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

export function statusWord(status: JobStatus): string {
  return STATUS_WORDS[status];
}

/**
 * `42% · 420/1000 · 3 failed`; a status word first when the numbers alone do not say it (pending,
 * cancelled, interrupted, failed); unverified devices last.
 */
export function jobDescription(job: JobSummary): string {
  if (job.status === 'failed' && job.total_devices === 0) return 'failed · could not run';
  const parts: string[] = [];
  if (job.status !== 'running' && job.status !== 'completed') parts.push(statusWord(job.status));
  if (job.status === 'pending' && (job.blocked_by?.length ?? 0) > 0) parts.push('waiting for devices');
  parts.push(`${Math.floor(job.progress)}%`, `${finishedDevices(job)}/${job.total_devices}`);
  if (job.failed_devices > 0) parts.push(`${job.failed_devices} failed`);
  if (job.summary.unverified > 0) parts.push(`${job.summary.unverified} unverified`);
  return parts.join(' · ');
}

/** `job-…: completed, 6 of 7 devices succeeded, 1 failed`: for notifications. */
export function jobOutcome(job: JobSummary): string {
  const s = job.summary;
  const counts = [`${job.completed_devices} of ${job.total_devices} devices succeeded`];
  if (job.failed_devices > 0) counts.push(`${job.failed_devices} failed`);
  if (job.cancelled_devices > 0) counts.push(`${job.cancelled_devices} cancelled`);
  if (s.unverified > 0) counts.push(`${s.unverified} unverified`);
  const changes =
    s.changed_devices > 0
      ? ` · ${s.changed_devices} to change (+${s.added} −${s.removed}${s.changed > 0 ? ` ~${s.changed}` : ''})`
      : job.completed_devices > 0
        ? ' · nothing to change'
        : '';
  return `${counts.join(', ')}${changes}`;
}

/** Markdown syntax, and `$` too: the tooltips support theme icons, where `$(name)` in a config line would draw one. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

/** The job's tooltip: status, folders, comment and ticket, timestamps, durations, counts, what it waits for. */
export function jobTooltipMarkdown(job: JobSummary): string {
  const lines: string[] = [`**${escapeMarkdown(jobLabel(job))}**`, ''];
  const row = (name: string, value: string): void => {
    lines.push(`${name}: ${value}  `);
  };
  row('Job', `\`${job.job_id}\` — ${statusWord(job.status)}`);
  if (job.ticket_ref) row('Ticket', escapeMarkdown(job.ticket_ref));
  if (job.comment) row('Comment', escapeMarkdown(job.comment));
  for (const folder of job.folders) row('Folder', escapeMarkdown(folder));
  if (job.retry_of) row('Retries the failed devices of', `\`${job.retry_of}\``);
  lines.push('');
  row('Created', formatTime(job.created_at));
  if (job.started_at) row('Started', formatTime(job.started_at));
  if (job.finished_at) row('Finished', formatTime(job.finished_at));
  if (job.queue_time !== undefined) row('Queued for', formatDuration(job.queue_time));
  if (job.duration !== undefined) row('Ran for', formatDuration(job.duration));
  lines.push('');
  const s = job.summary;
  row(
    'Devices',
    `${job.total_devices} · ${job.completed_devices} succeeded · ${job.failed_devices} failed · ${job.cancelled_devices} cancelled`,
  );
  if (s.total > 0 && (job.completed_devices > 0 || isDone(job.status))) {
    row('Changes', `${s.changed_devices} devices to change, ${s.unchanged_devices} already as intended`);
    row('Lines', `+${s.added} −${s.removed} ~${s.changed}`);
  }
  if (s.unverified > 0) row('$(warning) Unverified', `${s.unverified} (predicted ≠ intended)`);
  if (s.devices_with_risks > 0) row('$(alert) Devices with risks', String(s.devices_with_risks));
  for (const holder of job.blocked_by ?? []) {
    row(
      '$(watch) Waiting for',
      `\`${holder.job_id}\`, which holds ${holder.devices} of its devices (e.g. ${escapeMarkdown(holder.example)})`,
    );
  }
  if (job.error) {
    lines.push('');
    row('$(error) Error', escapeMarkdown(job.error));
  }
  return lines.join('\n');
}

function isDone(status: JobStatus): boolean {
  return status !== 'pending' && status !== 'running';
}

/** `+12 −3`, and `~2` for lines changed in place (otherwise a device changing only those reads `+0 −0`). */
export function changeScoreText(device: DeviceSummary): string | undefined {
  const score = device.change_score;
  if (score === undefined) return undefined;
  return `+${score.added} −${score.removed}${score.changed > 0 ? ` ~${score.changed}` : ''}`;
}

function firstLine(text: string, max = 80): string {
  const line = text.split('\n', 1)[0];
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * `+12 −3`, `+12 −3 ~1 · unverified · 2 risks`, `+2 −0 · 32 unmanaged` (sections differing outside the
 * scope: information, last); a failed device shows its error's first line.
 */
export function deviceDescription(device: DeviceSummary): string {
  switch (device.status) {
    case 'failed':
      return device.error ? firstLine(device.error) : 'failed';
    case 'success': {
      const parts = [changeScoreText(device) ?? 'done'];
      if (device.verified === false) parts.push('unverified');
      if (device.rollback_verified === false) parts.push('rollback unverified');
      const risks = device.risk_count ?? device.risks?.length ?? 0;
      if (risks > 0) parts.push(risks === 1 ? '1 risk' : `${risks} risks`);
      if ((device.unmanaged_drift ?? 0) > 0) parts.push(`${device.unmanaged_drift} unmanaged`);
      return parts.join(' · ');
    }
    default:
      return device.status;
  }
}

export function deviceTooltipMarkdown(device: DeviceSummary): string {
  const lines: string[] = [`**${escapeMarkdown(device.device_id)}** — ${device.status}  `];
  if (device.platform) lines.push(`Platform: ${device.platform}  `);
  lines.push(`Running: ${escapeMarkdown(device.running.path)}  `);
  lines.push(`Intended: ${escapeMarkdown(device.intended.path)}  `);
  if (device.running.unsaved || device.intended.unsaved)
    lines.push('Computed from unsaved editor contents  ');
  if (device.duration !== undefined) lines.push(`Took ${formatDuration(device.duration)}  `);
  const score = device.change_score;
  if (score)
    lines.push(`Changes: +${score.added} −${score.removed} ~${score.changed} (score ${score.score})  `);
  if (device.error) lines.push('', `$(error) ${escapeMarkdown(device.error)}`);
  if (device.verified === false) {
    lines.push(
      '',
      `$(warning) Unverified: the predicted config differs from the intended one${device.verify_count ? ` (${device.verify_count} differences)` : ''}.`,
    );
  }
  if (device.rollback_verified === false) {
    lines.push('', '$(warning) The rollback does not restore the running config.');
  }
  const risks = device.risks ?? [];
  if (risks.length > 0) {
    lines.push('', '**Risks**', '');
    for (const risk of risks) lines.push(`- $(alert) ${escapeMarkdown(risk.message)}`);
    const more = (device.risk_count ?? risks.length) - risks.length;
    if (more > 0) lines.push(`- … and ${more} more`);
  }
  lines.push(...unmanagedTooltipLines(device));
  return lines.join('\n');
}

const UNMANAGED_KIND: Readonly<Record<string, string>> = {
  differs: 'differs',
  'running-only': 'only in running',
  'intended-only': 'only in intended',
};

/** Sections differing outside the scope: information (the `info` icon), never a warning. */
function unmanagedTooltipLines(device: DeviceSummary): string[] {
  const count = device.unmanaged_drift ?? 0;
  if (device.status !== 'success' || count <= 0) return [];
  const sections = count === 1 ? 'top-level section differs' : 'top-level sections differ';
  const lines = [
    '',
    `$(info) Unmanaged drift: ${count} ${sections} outside the scope (not in the scripts, not drift)`,
    '',
  ];
  const preview = device.unmanaged_preview ?? [];
  for (const s of preview) {
    const how = `${UNMANAGED_KIND[s.kind] ?? s.kind}${s.reason === 'ignored' ? ', ignored' : ''}`;
    lines.push(`- ${escapeMarkdown(s.text)} — ${escapeMarkdown(how)}`);
  }
  if (count > preview.length) lines.push(`- … and ${count - preview.length} more`);
  return lines;
}
