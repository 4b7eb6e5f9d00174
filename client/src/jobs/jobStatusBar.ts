/**
 * The status bar item while any job is active: `$(sync~spin) Remediation 42%` over the running jobs'
 * devices (or `$(watch) Remediation pending`), a tooltip listing the active jobs, and a click that
 * focuses the Jobs view. Hidden when nothing runs; fed by the job model's events only.
 */
import * as vscode from 'vscode';
import { finishedDevices, jobDescription, jobLabel } from './jobFormat';
import { isActive, type JobModel } from './jobModel';

export class JobStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: JobModel) {
    this.item = vscode.window.createStatusBarItem('netremediate.jobs', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'NetRemediate Jobs';
    this.item.command = 'netremediate.jobs.focus';
    this.subscription = model.onDidChange(() => this.update());
    this.update();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private update(): void {
    const active = this.model.jobs().filter(isActive);
    if (active.length === 0) {
      this.item.hide();
      return;
    }
    const running = active.filter((job) => job.status === 'running');
    if (running.length > 0) {
      const total = running.reduce((sum, job) => sum + job.total_devices, 0);
      const done = running.reduce((sum, job) => sum + finishedDevices(job), 0);
      const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
      const failed = running.reduce((sum, job) => sum + job.failed_devices, 0);
      this.item.text = `$(sync~spin) Remediation ${percent}%${failed > 0 ? ` $(error) ${failed}` : ''}`;
    } else {
      this.item.text = '$(watch) Remediation pending';
    }
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendMarkdown(
      `**NetRemediate** — ${active.length} active job${active.length === 1 ? '' : 's'}\n\n`,
    );
    for (const job of active) {
      tooltip.appendMarkdown('- ');
      tooltip.appendText(`${jobLabel(job)}: ${jobDescription(job)}`);
      tooltip.appendMarkdown('\n');
    }
    tooltip.appendMarkdown('\nClick to show the Jobs view.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `NetRemediate: ${active.length} active remediation jobs, ${this.item.text.replace(/\$\([^)]*\)\s*/g, '')}`,
    };
    this.item.show();
  }
}
