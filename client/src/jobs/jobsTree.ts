/**
 * The Jobs view's TreeDataProvider, driven by the job model's events. Jobs newest first (filtered by
 * status when a filter is set); a job's children are its devices — grouped by folder when it spans
 * several — in triage order, a page at a time with a "Show more…" item, so a 10,000-device job stays
 * smooth. Node objects are kept per job so that `onDidChangeTreeData` names the changed elements (a
 * job whose devices or counts changed) instead of refreshing the whole tree.
 */
import * as vscode from 'vscode';
import type { JobStatus, JobSummary } from '../../../server/src/protocol';
import { errorText } from '../serverConnection';
import { deviceKey, type DeviceList } from './deviceList';
import type { JobModel, JobsChange } from './jobModel';
import {
  deviceTreeItem,
  folderTreeItem,
  jobTreeItem,
  messageTreeItem,
  moreTreeItem,
  type DeviceNode,
  type DeviceParent,
  type FolderNode,
  type JobNode,
  type JobsNode,
  type MoreNode,
} from './jobsTreeItems';

/** Devices shown per job (or folder) before "Show more…", and how many more each click shows. */
export const DEVICE_PAGE_SIZE = 200;

/**
 * Element refreshes are sent at most this often. VS Code debounces a tree's change events (200 ms,
 * restarted by each event): a job's device notifications, up to 10 a second, would postpone every
 * refresh until the job ends. Spaced wider than that, each refresh shows at once.
 */
export const REFRESH_INTERVAL_MS = 300;

export interface JobFilter {
  /** Shown in the view's description, e.g. `failed`. */
  readonly label: string;
  readonly statuses?: readonly JobStatus[];
  /** Only finished jobs with failed devices. */
  readonly withFailedDevices?: boolean;
}

export class JobsTreeProvider implements vscode.TreeDataProvider<JobsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<JobsNode | JobsNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly jobNodes = new Map<string, JobNode>();
  private readonly folderNodes = new Map<string, FolderNode>();
  private readonly deviceNodes = new Map<string, Map<string, DeviceNode>>();
  private readonly pageLimits = new Map<string, number>();
  private currentFilter: JobFilter | undefined;
  private readonly subscription: vscode.Disposable;
  private readonly pendingRefresh = new Set<JobsNode>();
  private readonly loadingJobs = new Set<string>();
  private readonly loadErrors = new Map<string, string>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRefresh = 0;

  constructor(private readonly model: JobModel) {
    this.subscription = model.onDidChange((change) => this.modelChanged(change));
  }

  get filter(): JobFilter | undefined {
    return this.currentFilter;
  }

  setFilter(filter: JobFilter | undefined): void {
    this.currentFilter = filter;
    this.fireRoot();
  }

  passesFilter(job: JobSummary): boolean {
    const filter = this.currentFilter;
    if (filter === undefined) return true;
    if (filter.statuses && !filter.statuses.includes(job.status)) return false;
    if (filter.withFailedDevices && job.failed_devices === 0) return false;
    return true;
  }

  async getChildren(element?: JobsNode): Promise<JobsNode[]> {
    if (element === undefined) {
      await this.model.ensureLoaded();
      return this.model
        .jobs()
        .filter((job) => this.passesFilter(job))
        .map((job) => this.jobNode(job.job_id));
    }
    if (element.kind === 'job') return this.jobChildren(element);
    if (element.kind === 'folder') {
      const list = this.model.loadedDevices(element.jobId);
      return list ? this.devicePage(element, list, element.folder) : [];
    }
    return [];
  }

  getTreeItem(element: JobsNode): vscode.TreeItem {
    switch (element.kind) {
      case 'job': {
        const job = this.model.job(element.jobId);
        return job ? jobTreeItem(job) : new vscode.TreeItem(element.jobId);
      }
      case 'folder':
        return folderTreeItem(element, this.model.loadedDevices(element.jobId));
      case 'device': {
        const device = this.model.loadedDevices(element.jobId)?.get(element.folder, element.deviceId);
        return device ? deviceTreeItem(element, device) : new vscode.TreeItem(element.deviceId);
      }
      case 'more':
        return moreTreeItem(element, DEVICE_PAGE_SIZE);
      case 'message':
        return messageTreeItem(element);
    }
  }

  getParent(element: JobsNode): JobsNode | undefined {
    return element.kind === 'job' ? undefined : element.parent;
  }

  /** The node of a job (the same object each time, as onDidChangeTreeData needs). */
  jobNode(jobId: string): JobNode {
    let node = this.jobNodes.get(jobId);
    if (node === undefined) {
      node = { kind: 'job', jobId };
      this.jobNodes.set(jobId, node);
    }
    return node;
  }

  /** The node of a device, under its folder when the job spans several (for reveal). */
  deviceNode(jobId: string, folder: string, deviceId: string): DeviceNode {
    const job = this.model.job(jobId);
    const parent: DeviceParent =
      job !== undefined && job.folders.length > 1
        ? this.folderNode(this.jobNode(jobId), folder)
        : this.jobNode(jobId);
    return this.deviceNodeUnder(parent, folder, deviceId);
  }

  /** Shows the next page of devices under the "Show more…" item's parent. */
  showMore(node: MoreNode): void {
    const key = pageKey(node.parent);
    this.pageLimits.set(key, (this.pageLimits.get(key) ?? DEVICE_PAGE_SIZE) + DEVICE_PAGE_SIZE);
    this.fireElement(node.parent);
  }

  dispose(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  /**
   * A job's devices without waiting for them: VS Code cancels a pending getChildren whenever the tree
   * refreshes (several times a second while jobs run), so a slow one would never show. The first time
   * (and after a state transition) the list loads in the background — the last one, or a "Loading…"
   * line, shows meanwhile — and the job is refreshed when it is in.
   */
  private jobChildren(node: JobNode): JobsNode[] {
    const job = this.model.job(node.jobId);
    if (job === undefined || job.total_devices === 0) return [];
    // After a failed load, no retry loop: the next state change, reload or Refresh tries again.
    if (!this.model.hasCurrentDevices(node.jobId) && !this.loadErrors.has(node.jobId)) this.loadDevices(node);
    const list = this.model.loadedDevices(node.jobId);
    const error = this.loadErrors.get(node.jobId);
    if (list === undefined) {
      const text =
        error === undefined
          ? `Loading ${job.total_devices} device${job.total_devices === 1 ? '' : 's'}…`
          : `Could not load the devices: ${error}`;
      return [{ kind: 'message', jobId: node.jobId, parent: node, text }];
    }
    const folders = [...job.folders];
    for (const device of list.all()) if (!folders.includes(device.folder)) folders.push(device.folder);
    if (folders.length > 1) return folders.map((folder) => this.folderNode(node, folder));
    return this.devicePage(node, list, undefined);
  }

  private loadDevices(node: JobNode): void {
    if (this.loadingJobs.has(node.jobId)) return;
    this.loadingJobs.add(node.jobId);
    this.model.devices(node.jobId).then(
      () => {
        this.loadingJobs.delete(node.jobId);
        this.loadErrors.delete(node.jobId);
        this.fireElement(node);
      },
      (error: unknown) => {
        this.loadingJobs.delete(node.jobId);
        this.loadErrors.set(node.jobId, errorText(error));
        this.fireElement(node);
      },
    );
  }

  private devicePage(parent: DeviceParent, list: DeviceList, folder: string | undefined): JobsNode[] {
    const sorted = list.sorted(folder);
    const limit = this.pageLimits.get(pageKey(parent)) ?? DEVICE_PAGE_SIZE;
    const nodes: JobsNode[] = sorted
      .slice(0, limit)
      .map((d) => this.deviceNodeUnder(parent, d.folder, d.device_id));
    if (sorted.length > limit) {
      nodes.push({ kind: 'more', jobId: parent.jobId, parent, remaining: sorted.length - limit });
    }
    return nodes;
  }

  private folderNode(parent: JobNode, folder: string): FolderNode {
    const key = `${parent.jobId}\u0000${folder}`;
    let node = this.folderNodes.get(key);
    if (node === undefined) {
      node = { kind: 'folder', jobId: parent.jobId, folder, parent };
      this.folderNodes.set(key, node);
    }
    return node;
  }

  private deviceNodeUnder(parent: DeviceParent, folder: string, deviceId: string): DeviceNode {
    let nodes = this.deviceNodes.get(parent.jobId);
    if (nodes === undefined) {
      nodes = new Map();
      this.deviceNodes.set(parent.jobId, nodes);
    }
    const key = deviceKey(folder, deviceId);
    let node = nodes.get(key);
    if (node === undefined || node.parent !== parent) {
      node = { kind: 'device', jobId: parent.jobId, folder, deviceId, parent };
      nodes.set(key, node);
    }
    return node;
  }

  private forget(jobId: string): void {
    this.loadErrors.delete(jobId);
    this.jobNodes.delete(jobId);
    this.deviceNodes.delete(jobId);
    for (const key of [...this.folderNodes.keys()]) {
      if (key.startsWith(`${jobId}\u0000`)) this.folderNodes.delete(key);
    }
    for (const key of [...this.pageLimits.keys()]) {
      if (key.startsWith(`${jobId}\u0000`)) this.pageLimits.delete(key);
    }
  }

  private modelChanged(change: JobsChange): void {
    switch (change.kind) {
      case 'reset':
        this.loadErrors.clear();
        for (const jobId of [...this.jobNodes.keys()]) if (!this.model.job(jobId)) this.forget(jobId);
        this.fireRoot();
        return;
      case 'added':
        // A new job goes first: the root changes (a few dozen jobs, never the devices).
        this.fireRoot();
        return;
      case 'removed':
        this.forget(change.job.job_id);
        this.fireRoot();
        return;
      case 'updated':
        if (change.job.status !== change.previous.status) this.loadErrors.delete(change.job.job_id);
        if (this.passesFilter(change.previous) !== this.passesFilter(change.job)) {
          this.fireRoot();
          return;
        }
        // VS Code ignores an element it was never given; listeners (tests, views) still hear of it.
        this.fireElement(this.jobNode(change.job.job_id));
        return;
      case 'devices':
        // The job's item (counts) and its page of devices, re-sorted: that element only.
        this.fireElement(this.jobNode(change.job.job_id));
        return;
    }
  }

  /** The job list changed: the root (a few dozen jobs) at once, which covers pending element refreshes. */
  private fireRoot(): void {
    this.pendingRefresh.clear();
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.lastRefresh = Date.now();
    this.changeEmitter.fire(undefined);
  }

  /** Elements changed: refreshed together, at most every REFRESH_INTERVAL_MS. */
  private fireElement(node: JobsNode): void {
    this.pendingRefresh.add(node);
    if (this.refreshTimer !== undefined) return;
    const wait = Math.max(0, this.lastRefresh + REFRESH_INTERVAL_MS - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.lastRefresh = Date.now();
      const nodes = [...this.pendingRefresh];
      this.pendingRefresh.clear();
      if (nodes.length > 0) this.changeEmitter.fire(nodes);
    }, wait);
  }
}

function pageKey(parent: DeviceParent): string {
  return `${parent.jobId}\u0000${parent.kind === 'folder' ? parent.folder : ''}`;
}
