/**
 * The Jobs view around its tree: the badge on the NetRemediate container (active jobs), the progress
 * bar on the view while jobs run, the status filter (shown in the view's description) and the context
 * keys the view's title actions and welcome content depend on.
 */
import * as vscode from 'vscode';
import { isActive, type JobModel } from './jobModel';
import type { JobFilter, JobsTreeProvider } from './jobsTree';
import type { JobsNode } from './jobsTreeItems';

export const JOBS_VIEW_ID = 'netremediate.jobs';

interface FilterChoice extends vscode.QuickPickItem {
  readonly filter: JobFilter | undefined;
}

const FILTERS: readonly FilterChoice[] = [
  { label: 'All Jobs', filter: undefined },
  {
    label: 'Active',
    description: 'pending or running',
    filter: { label: 'active', statuses: ['pending', 'running'] },
  },
  { label: 'Completed', filter: { label: 'completed', statuses: ['completed'] } },
  {
    label: 'With Failed Devices',
    description: 'finished jobs to retry',
    filter: {
      label: 'with failed devices',
      statuses: ['completed', 'cancelled', 'interrupted'],
      withFailedDevices: true,
    },
  },
  { label: 'Failed', description: 'could not run', filter: { label: 'failed', statuses: ['failed'] } },
  { label: 'Cancelled', filter: { label: 'cancelled', statuses: ['cancelled'] } },
  {
    label: 'Interrupted',
    description: 'to resume',
    filter: { label: 'interrupted', statuses: ['interrupted'] },
  },
];

/** A filter by name (`active`, `completed`, `failed`, ...) for commands called with an argument. */
export function filterNamed(name: string): JobFilter | undefined {
  const key = name.toLowerCase();
  return FILTERS.find((f) => f.filter?.label === key || f.label.toLowerCase() === key)?.filter;
}

export class JobsView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<JobsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private endViewProgress: (() => void) | undefined;
  private badgeKey = '';

  constructor(
    private readonly model: JobModel,
    readonly tree: JobsTreeProvider,
  ) {
    this.treeView = vscode.window.createTreeView(JOBS_VIEW_ID, {
      treeDataProvider: tree,
      showCollapseAll: true,
      canSelectMany: false,
    });
    this.disposables.push(
      this.treeView,
      model.onDidChange(() => this.update()),
    );
    this.update();
  }

  get visible(): boolean {
    return this.treeView.visible;
  }

  async pickFilter(): Promise<void> {
    const current = this.tree.filter?.label;
    const picked = await vscode.window.showQuickPick(
      FILTERS.map((f) => ({ ...f, picked: f.filter?.label === current })),
      { title: 'Filter Jobs by Status', placeHolder: current ? `Now: ${current}` : 'Now: all jobs' },
    );
    if (picked) this.setFilter(picked.filter);
  }

  setFilter(filter: JobFilter | undefined): void {
    this.tree.setFilter(filter);
    this.treeView.description = filter ? `Filter: ${filter.label}` : undefined;
    void vscode.commands.executeCommand('setContext', 'netremediate.jobs.filtered', filter !== undefined);
  }

  /** Shows the view and selects a node (expanding it when asked). */
  async reveal(node: JobsNode, expand = false): Promise<void> {
    await this.treeView.reveal(node, { select: true, focus: false, expand });
  }

  dispose(): void {
    this.endViewProgress?.();
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const jobs = this.model.jobs();
    const active = jobs.filter(isActive);
    const running = active.filter((j) => j.status === 'running').length;
    // Badge and message only when they change: each assignment is a round trip to the workbench, and
    // the model changes up to 10 times a second per running job.
    const badgeTooltip =
      running === active.length
        ? `${running} remediation job${running === 1 ? '' : 's'} running`
        : `${running} running, ${active.length - running} pending`;
    const badgeKey = active.length > 0 ? `${active.length}\u0000${badgeTooltip}` : '';
    if (badgeKey !== this.badgeKey) {
      this.badgeKey = badgeKey;
      this.treeView.badge = active.length > 0 ? { value: active.length, tooltip: badgeTooltip } : undefined;
    }
    setContext('netremediate.jobs.hasActive', active.length > 0);
    setContext('netremediate.jobs.hasFinished', jobs.length > active.length);
    setContext('netremediate.jobs.hasJobs', jobs.length > 0);
    const error = this.model.loadError;
    const message =
      error === undefined
        ? undefined
        : `Could not list the jobs: ${error}. Restart the server (NetRemediate: Restart Language Server) or see the log.`;
    if (message !== this.treeView.message) this.treeView.message = message;
    if (active.length > 0 && this.endViewProgress === undefined) {
      let end: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (end = resolve));
      this.endViewProgress = end;
      void vscode.window.withProgress({ location: { viewId: JOBS_VIEW_ID } }, () => done);
    } else if (active.length === 0 && this.endViewProgress !== undefined) {
      this.endViewProgress();
      this.endViewProgress = undefined;
    }
  }
}

const contextValues = new Map<string, boolean>();

/** setContext, only when the value changes (the view updates up to 10 times a second per job). */
function setContext(key: string, value: boolean): void {
  if (contextValues.get(key) === value) return;
  contextValues.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}
