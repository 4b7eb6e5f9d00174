/**
 * The Workers view: each thread of the server's pool, busy (with its device) or idle, tasks done and
 * failed, with a Stop Worker action. Fetched with ListWorkersRequest when the view is shown, on the
 * refresh action, and while jobs run — on their notifications, at most twice a second. Nothing is
 * fetched while the view is hidden, and no timer runs when no job does.
 */
import * as vscode from 'vscode';
import { ListWorkersRequest, type PoolStats, type WorkerInfo } from '../../../server/src/protocol';
import { errorText, type ServerConnection } from '../serverConnection';
import { folderName, formatDuration } from './jobFormat';
import type { JobModel } from './jobModel';

export const WORKERS_VIEW_ID = 'netremediate.workers';
const MIN_INTERVAL_MS = 500;

export interface WorkerNode {
  readonly kind: 'worker';
  readonly worker: WorkerInfo;
}

export class WorkersTreeProvider implements vscode.TreeDataProvider<WorkerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<WorkerNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private stats: PoolStats | undefined;
  private error: string | undefined;

  get pool(): PoolStats | undefined {
    return this.stats;
  }

  set(stats: PoolStats | undefined, error?: string): void {
    this.stats = stats;
    this.error = error;
    this.changeEmitter.fire(undefined);
  }

  get lastError(): string | undefined {
    return this.error;
  }

  getChildren(element?: WorkerNode): WorkerNode[] {
    if (element !== undefined || this.stats === undefined) return [];
    return [...this.stats.workers]
      .sort((a, b) => a.thread_id - b.thread_id)
      .map((worker) => ({ kind: 'worker', worker }));
  }

  getTreeItem(node: WorkerNode): vscode.TreeItem {
    const w = node.worker;
    const item = new vscode.TreeItem(`Worker ${w.thread_id}`, vscode.TreeItemCollapsibleState.None);
    item.id = `worker/${w.thread_id}`;
    const counts = `${w.tasks_done} done${w.tasks_failed > 0 ? ` · ${w.tasks_failed} failed` : ''}`;
    if (w.state === 'busy') {
      item.iconPath = new vscode.ThemeIcon('sync~spin');
      const since = w.since ? ` · ${formatDuration(Date.now() - new Date(w.since).getTime())}` : '';
      item.description = `${w.device_id ?? 'busy'}${since} · ${counts}`;
    } else {
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.description = `idle · ${counts}`;
    }
    item.contextValue = `worker ${w.state}`;
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendMarkdown(`**Worker thread ${w.thread_id}** — ${w.state}\n\n`);
    if (w.state === 'busy') {
      tooltip.appendText(`Device: ${w.device_id ?? '?'}`);
      if (w.folder) tooltip.appendText(` in ${folderName(w.folder)}`);
      tooltip.appendMarkdown('  \n');
      if (w.job_id) tooltip.appendText(`Job: ${w.job_id}\n`);
      if (w.since) tooltip.appendText(`Since: ${new Date(w.since).toLocaleTimeString()}\n`);
    }
    tooltip.appendText(`\nTasks done: ${w.tasks_done}, failed: ${w.tasks_failed}`);
    item.tooltip = tooltip;
    return item;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export class WorkersView implements vscode.Disposable {
  readonly tree = new WorkersTreeProvider();
  readonly treeView: vscode.TreeView<WorkerNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private lastFetch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = true;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly server: ServerConnection,
    model: JobModel,
  ) {
    this.treeView = vscode.window.createTreeView(WORKERS_VIEW_ID, { treeDataProvider: this.tree });
    this.disposables.push(
      this.tree,
      this.treeView,
      this.treeView.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) void this.refresh();
      }),
      // Job notifications are what make the pool change: refresh on them, throttled.
      model.onDidChange(() => this.scheduleRefresh()),
      server.onDidStart(() => this.scheduleRefresh()),
    );
  }

  /** Fetches the pool now (the refresh action, tests). */
  refresh(): Promise<void> {
    this.inFlight ??= this.fetch().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private scheduleRefresh(): void {
    this.stale = true;
    if (!this.treeView.visible || this.timer !== undefined) return;
    const wait = Math.max(0, this.lastFetch + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, wait);
  }

  private async fetch(): Promise<void> {
    this.lastFetch = Date.now();
    this.stale = false;
    try {
      const stats = await this.server.request0(ListWorkersRequest);
      this.tree.set(stats);
      this.show(
        `${stats.busy}/${stats.max_workers} busy${stats.queued > 0 ? ` · ${stats.queued} queued` : ''}`,
        undefined,
      );
    } catch (error) {
      this.tree.set(undefined, errorText(error));
      this.show(undefined, `Could not list the workers: ${errorText(error)}`);
    }
  }

  /** The view's description and message, assigned only when they change (each is a workbench round trip). */
  private show(description: string | undefined, message: string | undefined): void {
    if (this.treeView.description !== description) this.treeView.description = description;
    if (this.treeView.message !== message) this.treeView.message = message;
  }
}
