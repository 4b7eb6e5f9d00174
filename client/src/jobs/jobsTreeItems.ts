/**
 * The Jobs view's nodes and how each looks: icon, label, description, tooltip, and the `contextValue`
 * the `when` clauses of package.json match to choose the inline actions. A contextValue is a list of
 * words (`job running active`, `job completed finished retryable`, `device success reviewable`) so a
 * menu entry matches one word with a regex such as `viewItem =~ /\bretryable\b/`.
 */
import * as vscode from 'vscode';
import type { DeviceSummary, JobStatus, JobSummary } from '../../../server/src/protocol';
import { DeviceList } from './deviceList';
import {
  deviceDescription,
  deviceTooltipMarkdown,
  folderName,
  jobDescription,
  jobLabel,
  jobTooltipMarkdown,
} from './jobFormat';
import { isActive } from './jobModel';

export interface JobNode {
  readonly kind: 'job';
  readonly jobId: string;
}

export interface FolderNode {
  readonly kind: 'folder';
  readonly jobId: string;
  readonly folder: string;
  readonly parent: JobNode;
}

export interface DeviceNode {
  readonly kind: 'device';
  readonly jobId: string;
  readonly folder: string;
  readonly deviceId: string;
  readonly parent: JobNode | FolderNode;
}

/** "Show more…" at the end of a page of devices. */
export interface MoreNode {
  readonly kind: 'more';
  readonly jobId: string;
  readonly parent: JobNode | FolderNode;
  readonly remaining: number;
}

/** A line of text under a job (its devices could not be loaded). */
export interface MessageNode {
  readonly kind: 'message';
  readonly jobId: string;
  readonly parent: JobNode;
  readonly text: string;
}

export type JobsNode = JobNode | FolderNode | DeviceNode | MoreNode | MessageNode;

export type DeviceParent = JobNode | FolderNode;

function coloured(id: string, colour?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, colour === undefined ? undefined : new vscode.ThemeColor(colour));
}

function jobIcon(job: JobSummary): vscode.ThemeIcon {
  const icons: Record<JobStatus, () => vscode.ThemeIcon> = {
    pending: () => coloured('watch'),
    running: () => coloured('sync~spin'),
    completed: () =>
      job.failed_devices > 0 || job.summary.unverified > 0
        ? coloured('warning', 'list.warningForeground')
        : coloured('pass', 'testing.iconPassed'),
    failed: () => coloured('error', 'list.errorForeground'),
    cancelled: () => coloured('circle-slash'),
    interrupted: () => coloured('debug-pause', 'list.warningForeground'),
  };
  return icons[job.status]();
}

export function jobContextValue(job: JobSummary): string {
  const words = ['job', job.status];
  if (isActive(job)) words.push('active');
  else {
    words.push('finished');
    if (job.failed_devices > 0) words.push('retryable', 'hasFailed');
    if (job.completed_devices > 0) words.push('hasResults');
  }
  if (job.status === 'interrupted') words.push('resumable');
  return words.join(' ');
}

export function jobTreeItem(job: JobSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(
    jobLabel(job),
    job.total_devices > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `job/${job.job_id}`;
  item.description = jobDescription(job);
  item.iconPath = jobIcon(job);
  item.contextValue = jobContextValue(job);
  const tooltip = new vscode.MarkdownString(jobTooltipMarkdown(job), true);
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `${jobLabel(job)}, ${job.status}, ${jobDescription(job)}` };
  return item;
}

export function folderTreeItem(node: FolderNode, devices: DeviceList | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(folderName(node.folder), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `job/${node.jobId}/folder/${node.folder}`;
  item.iconPath = vscode.ThemeIcon.Folder;
  item.resourceUri = vscode.Uri.file(node.folder);
  item.tooltip = node.folder;
  item.contextValue = 'folder';
  if (devices) {
    const counts = devices.countByStatus(node.folder);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = [`${total} devices`];
    if (counts.failed > 0) parts.push(`${counts.failed} failed`);
    if (counts.running + counts.pending > 0) parts.push(`${counts.running + counts.pending} to go`);
    item.description = parts.join(' · ');
  }
  return item;
}

function deviceIcon(device: DeviceSummary): vscode.ThemeIcon {
  switch (device.status) {
    case 'failed':
      return coloured('error', 'testing.iconFailed');
    case 'success':
      if (device.verified === false || device.rollback_verified === false)
        return coloured('warning', 'list.warningForeground');
      if ((device.risk_count ?? device.risks?.length ?? 0) > 0)
        return coloured('alert', 'list.warningForeground');
      return coloured('pass', 'testing.iconPassed');
    case 'running':
      return coloured('sync~spin');
    case 'pending':
      return coloured('circle-outline');
    case 'cancelled':
      return coloured('circle-slash');
  }
}

export function deviceContextValue(device: DeviceSummary): string {
  const words = ['device', device.status];
  if (device.status === 'success') words.push('reviewable');
  if (device.verified === false) words.push('unverified');
  return words.join(' ');
}

export function deviceTreeItem(node: DeviceNode, device: DeviceSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(device.device_id, vscode.TreeItemCollapsibleState.None);
  item.id = `job/${node.jobId}/device/${device.folder}/${device.device_id}`;
  item.description = deviceDescription(device);
  item.iconPath = deviceIcon(device);
  item.contextValue = deviceContextValue(device);
  const tooltip = new vscode.MarkdownString(deviceTooltipMarkdown(device), true);
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  // A click reviews a computed device, and opens a failed one's input where the error points.
  if (device.status === 'success') {
    item.command = {
      command: 'netremediate.reviewRemediation',
      title: 'Review Remediation',
      arguments: [node],
    };
  } else if (device.status === 'failed') {
    item.command = { command: 'netremediate.jobs.openFailure', title: 'Open the Error', arguments: [node] };
  }
  return item;
}

export function moreTreeItem(node: MoreNode, pageSize: number): vscode.TreeItem {
  const next = Math.min(pageSize, node.remaining);
  const item = new vscode.TreeItem(`Show ${next} more…`, vscode.TreeItemCollapsibleState.None);
  item.id = `job/${node.jobId}/more/${node.parent.kind === 'folder' ? node.parent.folder : ''}`;
  item.description = `${node.remaining} not shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'more';
  item.command = { command: 'netremediate.jobs.showMore', title: 'Show More', arguments: [node] };
  return item;
}

export function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `job/${node.jobId}/message`;
  item.iconPath = new vscode.ThemeIcon('info');
  item.contextValue = 'message';
  return item;
}
