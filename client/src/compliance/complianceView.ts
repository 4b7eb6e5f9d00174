/**
 * The Compliance view beside Jobs: the compliance of the job selected in the Jobs view (else the
 * newest finished job), refreshed as that job's devices finish. Its title actions open the report
 * webview and refresh; a drifting device opens the review scoped to the feature.
 */
import * as vscode from 'vscode';
import type { JobSummary } from '../../../server/src/protocol';
import { jobLabel } from '../jobs/jobFormat';
import { isActive, isFinished, type JobModel } from '../jobs/jobModel';
import type { JobsView } from '../jobs/jobsView';
import type { ServerConnection } from '../serverConnection';
import { ComplianceTreeProvider, type ComplianceNode } from './complianceTree';

export const COMPLIANCE_VIEW_ID = 'netremediate.compliance';
/** While a job runs, its compliance is fetched again at most this often. */
const REFRESH_MS = 1_000;

export class ComplianceView implements vscode.Disposable {
  readonly tree: ComplianceTreeProvider;
  readonly treeView: vscode.TreeView<ComplianceNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private pinned: string | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    server: ServerConnection,
    private readonly model: JobModel,
    jobsView: JobsView,
  ) {
    this.tree = new ComplianceTreeProvider(server);
    this.treeView = vscode.window.createTreeView(COMPLIANCE_VIEW_ID, {
      treeDataProvider: this.tree,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.tree,
      this.treeView,
      jobsView.treeView.onDidChangeSelection(({ selection }) => {
        const node = selection[0];
        if (node !== undefined) void this.showJob(node.jobId);
      }),
      model.onDidChange((change) => {
        if (change.kind === 'reset') return this.scheduleRefresh(0);
        const shown = this.tree.job?.job_id;
        if (change.kind === 'removed' && change.job.job_id === shown) return this.scheduleRefresh(0);
        if (change.kind === 'added' || change.kind === 'updated') {
          // The view follows the newest job unless the user picked one in the Jobs view.
          if (this.pinned === undefined || change.job.job_id === shown) this.scheduleRefresh(REFRESH_MS);
        } else if (change.kind === 'devices' && change.job.job_id === shown) {
          this.scheduleRefresh(REFRESH_MS);
        }
      }),
    );
    this.scheduleRefresh(0);
  }

  /** Resolves once the view shows what it was last asked to (tests wait on it). */
  get settled(): Promise<void> {
    return this.loading;
  }

  /** Shows one job's compliance (the Jobs view's selection, a command's argument). */
  showJob(jobId: string): Promise<void> {
    this.pinned = jobId;
    return this.refresh();
  }

  /** The job shown: the pinned one while it exists, else the newest finished one, else the newest. */
  private target(): JobSummary | undefined {
    const pinned = this.pinned === undefined ? undefined : this.model.job(this.pinned);
    if (pinned !== undefined) return pinned;
    this.pinned = undefined;
    const jobs = [...this.model.jobs()].sort((a, b) => b.created_at.localeCompare(a.created_at));
    return jobs.find((job) => isFinished(job) && job.status !== 'failed') ?? jobs[0];
  }

  refresh(): Promise<void> {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const job = this.target();
    this.loading = this.tree.show(job).then(() => {
      this.treeView.description = job === undefined ? undefined : jobLabel(job);
      const s = this.tree.summary?.summary;
      this.treeView.message =
        s === undefined
          ? undefined
          : `${s.compliant} of ${s.devices} devices compliant · ${s.drifting} drift${s.failed > 0 ? ` · ${s.failed} failed` : ''}` +
            (job !== undefined && isActive(job) ? ` · ${job.progress}% checked` : '');
    });
    return this.loading;
  }

  private scheduleRefresh(delay: number): void {
    if (this.refreshTimer !== undefined && delay > 0) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
