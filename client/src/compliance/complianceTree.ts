/**
 * The Compliance view's tree, for one job: its features (`92% compliant · 3 devices drift`), each
 * expanding to the devices that drift in it; failed devices under their own node. Everything comes
 * from ComplianceSummaryRequest (the server's in-memory briefs, no journal read); the devices that need
 * attention are fetched page by page and shown a page at a time, so a 10,000-device job stays light.
 */
import * as vscode from 'vscode';
import {
  ComplianceSummaryRequest,
  type ComplianceDeviceRef,
  type ComplianceSummaryResult,
  type FeatureSummary,
  type JobSummary,
} from '../../../server/src/protocol';
import { folderName } from '../jobs/jobFormat';
import { errorText, type ServerConnection } from '../serverConnection';

/** Devices listed under a feature before a "more" node. */
export const DEVICE_PAGE = 200;
/** Attention devices fetched per request. */
const FETCH_PAGE = 2_000;

export type ComplianceNode =
  | { readonly kind: 'feature'; readonly feature: FeatureSummary }
  | { readonly kind: 'failed'; readonly count: number }
  | { readonly kind: 'device'; readonly device: ComplianceDeviceRef; readonly feature?: string }
  | { readonly kind: 'more'; readonly parent: ComplianceNode; readonly shown: number; readonly total: number }
  | { readonly kind: 'message'; readonly text: string; readonly icon?: string };

export function percent(compliant: number, devices: number): number {
  return devices === 0 ? 100 : Math.floor((compliant / devices) * 100);
}

export function featureDescription(feature: FeatureSummary): string {
  if (feature.devices === 0) return 'not configured';
  const drift = feature.drifting === 1 ? '1 device drifts' : `${feature.drifting} devices drift`;
  return `${percent(feature.compliant, feature.devices)}% compliant · ${drift}`;
}

export class ComplianceTreeProvider implements vscode.TreeDataProvider<ComplianceNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ComplianceNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private current:
    { job: JobSummary; summary: ComplianceSummaryResult; attention: ComplianceDeviceRef[] } | undefined;
  private message: string | undefined;
  private readonly shown = new Map<string, number>();
  private generation = 0;

  constructor(private readonly server: ServerConnection) {}

  get job(): JobSummary | undefined {
    return this.current?.job;
  }

  get summary(): ComplianceSummaryResult | undefined {
    return this.current?.summary;
  }

  /** Loads a job's compliance (undefined: no job to show). Resolves once the tree has it. */
  async show(job: JobSummary | undefined): Promise<void> {
    const generation = ++this.generation;
    this.shown.clear();
    if (job === undefined) {
      this.current = undefined;
      this.message = 'Run a job to see which devices drift from their intended configs, feature by feature.';
      this.changeEmitter.fire(undefined);
      return;
    }
    try {
      const first = await this.server.request(ComplianceSummaryRequest, {
        job_id: job.job_id,
        limit: FETCH_PAGE,
      });
      const attention = [...first.attention.devices];
      while (attention.length < first.attention.total) {
        const page = await this.server.request(ComplianceSummaryRequest, {
          job_id: job.job_id,
          offset: attention.length,
          limit: FETCH_PAGE,
        });
        if (page.attention.devices.length === 0) break;
        attention.push(...page.attention.devices);
      }
      if (generation !== this.generation) return;
      this.current = { job, summary: first, attention };
      this.message = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      this.current = undefined;
      this.message = `No compliance for this job: ${errorText(error)}`;
    }
    this.changeEmitter.fire(undefined);
  }

  /** More devices under a feature (the "more" node). */
  showMore(node: ComplianceNode & { kind: 'more' }): void {
    const key = nodeKey(node.parent);
    this.shown.set(key, (this.shown.get(key) ?? DEVICE_PAGE) + DEVICE_PAGE);
    this.changeEmitter.fire(node.parent);
  }

  getChildren(element?: ComplianceNode): ComplianceNode[] {
    const current = this.current;
    if (element === undefined) {
      if (current === undefined)
        return this.message ? [{ kind: 'message', text: this.message, icon: 'info' }] : [];
      const nodes: ComplianceNode[] = current.summary.summary.features
        .filter((feature) => feature.devices > 0)
        .map((feature) => ({ kind: 'feature', feature }));
      const failed = current.summary.summary.failed;
      if (failed > 0) nodes.push({ kind: 'failed', count: failed });
      return nodes;
    }
    if (current === undefined || (element.kind !== 'feature' && element.kind !== 'failed')) return [];
    const devices =
      element.kind === 'feature'
        ? current.attention.filter((d) => d.drifting.includes(element.feature.feature))
        : current.attention.filter((d) => d.status === 'failed');
    const limit = this.shown.get(nodeKey(element)) ?? DEVICE_PAGE;
    const feature = element.kind === 'feature' ? element.feature.feature : undefined;
    const nodes: ComplianceNode[] = devices
      .slice(0, limit)
      .map((device) => ({ kind: 'device', device, feature }));
    if (devices.length > limit)
      nodes.push({ kind: 'more', parent: element, shown: limit, total: devices.length });
    return nodes;
  }

  getTreeItem(node: ComplianceNode): vscode.TreeItem {
    const job = this.current?.job;
    switch (node.kind) {
      case 'feature': {
        const f = node.feature;
        const item = new vscode.TreeItem(
          f.title,
          f.drifting > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `${job?.job_id}/feature/${f.feature}`;
        item.description = featureDescription(f);
        item.iconPath = new vscode.ThemeIcon(
          f.drifting > 0 ? 'warning' : 'pass',
          new vscode.ThemeColor(f.drifting > 0 ? 'list.warningForeground' : 'testing.iconPassed'),
        );
        item.tooltip = new vscode.MarkdownString(
          `**${f.title}** (\`${f.feature}\`)\n\n${f.compliant} of ${f.devices} devices compliant, ${f.drifting} drift.`,
        );
        item.contextValue = f.drifting > 0 ? 'complianceFeature drifting' : 'complianceFeature';
        return item;
      }
      case 'failed': {
        const item = new vscode.TreeItem('Failed devices', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${job?.job_id}/failed`;
        item.description = `${node.count} could not be checked`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        return item;
      }
      case 'device': {
        const d = node.device;
        const item = new vscode.TreeItem(d.device_id, vscode.TreeItemCollapsibleState.None);
        item.id = `${job?.job_id}/${node.feature ?? 'failed'}/${d.folder}/${d.device_id}`;
        const several = (job?.folders.length ?? 1) > 1;
        const others = d.drifting.filter((f) => f !== node.feature);
        item.description = [
          several ? folderName(d.folder) : undefined,
          d.status === 'failed' ? d.error : others.length > 0 ? `also ${others.join(', ')}` : undefined,
        ]
          .filter((part) => part !== undefined)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon(d.status === 'failed' ? 'error' : 'diff');
        item.tooltip = d.error ?? `${d.device_id}: drifts in ${d.drifting.join(', ')}`;
        if (node.feature !== undefined && job !== undefined) {
          item.contextValue = 'complianceDevice';
          item.command = {
            command: 'netremediate.reviewFeature',
            title: 'Review Feature Drift',
            arguments: [
              { job_id: job.job_id, folder: d.folder, device_id: d.device_id, feature: node.feature },
            ],
          };
        }
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show ${Math.min(DEVICE_PAGE, node.total - node.shown)} more…`);
        item.description = `${node.shown} of ${node.total}`;
        item.command = { command: 'netremediate.compliance.showMore', title: 'Show More', arguments: [node] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

function nodeKey(node: ComplianceNode): string {
  return node.kind === 'feature' ? `feature/${node.feature.feature}` : node.kind;
}
