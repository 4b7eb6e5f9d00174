/**
 * The compliance report of a job in a webview: the same self-contained HTML as `netremediate
 * compliance --format html` (chart of % compliant per feature, the feature × device matrix filtered and
 * paged in the page, each device's details), under a strict CSP with a fresh nonce and no remote
 * resources. Its Review links are command URIs limited to the one review command.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ComplianceReportRequest,
  type ComplianceDevice,
  type JobSummary,
} from '../../../server/src/protocol';
import { renderComplianceHtml } from '../../../server/src/protocol/complianceRender';
import { jobLabel } from '../jobs/jobFormat';
import type { ServerConnection } from '../serverConnection';

export const REVIEW_FEATURE_COMMAND = 'netremediate.reviewFeature';

/** The report names folders by their names; reviews need the job's absolute folder. */
function absoluteFolder(job: JobSummary, name: string): string {
  return job.folders.find((folder) => path.basename(folder) === name) ?? job.folders[0] ?? name;
}

export class ComplianceReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly server: ServerConnection) {}

  /** Opens (or reveals and refreshes) the report of a job; resolves with its panel once rendered. */
  async show(job: JobSummary): Promise<vscode.WebviewPanel> {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'NetRemediate: compliance report' },
      () => this.server.request(ComplianceReportRequest, { job_id: job.job_id }),
    );
    let panel = this.panels.get(job.job_id);
    if (panel === undefined) {
      panel = vscode.window.createWebviewPanel(
        'netremediate.complianceReport',
        `Compliance: ${jobLabel(job)}`,
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          enableCommandUris: [REVIEW_FEATURE_COMMAND],
          localResourceRoots: [],
          retainContextWhenHidden: false,
        },
      );
      const created = panel;
      this.panels.set(job.job_id, created);
      created.onDidDispose(() => this.panels.delete(job.job_id));
    } else {
      panel.reveal();
    }
    const deviceLink = (device: ComplianceDevice, feature?: string): string => {
      const args = [
        {
          job_id: job.job_id,
          folder: absoluteFolder(job, device.folder),
          device_id: device.device_id,
          feature,
        },
      ];
      return `command:${REVIEW_FEATURE_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`;
    };
    panel.webview.html = renderComplianceHtml(report, {
      nonce: crypto.randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      deviceLink,
      title: `Compliance: ${jobLabel(job)}`,
    });
    return panel;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
