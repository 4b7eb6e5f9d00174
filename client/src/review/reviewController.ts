/**
 * Opens reviews of one device and walks a job's devices from the keyboard.
 *
 * Review Remediation: a diff of the running config (left) and the predicted config after the
 * remediation (right). Review Rollback: the predicted config (left) and what the rollback restores
 * (right) — the running config, which is what the rollback gives back when it is verified; when it is
 * not, the title says so. Both sides are read-only documents in the device's language. A notification
 * warns when the inputs changed since the job ran or verification found the remediation incomplete.
 *
 * The review in the active editor tab is the "current" one (context key `netremediate.reviewActive`):
 * Next/Previous Device open the same kind of review for the neighbouring device, in the Jobs view's order.
 */
import * as vscode from 'vscode';
import type { DeviceSummary, ReviewDocumentsResult } from '../../../server/src/protocol';
import { hasChanges } from '../jobs/deviceList';
import type { JobModel } from '../jobs/jobModel';
import type { ReviewContentProvider } from './reviewContentProvider';
import { parseReviewUri, reviewUri, sameDevice, type DeviceRef, type ReviewKind } from './reviewUris';

export type ReviewMode = 'remediation' | 'rollback' | 'remediation-script' | 'rollback-script';

export interface OpenedReview {
  readonly mode: ReviewMode;
  readonly title: string;
  /** The left side of a diff (undefined for a script). */
  readonly original?: vscode.Uri;
  readonly modified: vscode.Uri;
  readonly warnings: readonly string[];
}

const MODE_OF_KIND: Partial<Record<ReviewKind, ReviewMode>> = {
  predicted: 'remediation',
  'after-rollback': 'rollback',
  remediation: 'remediation-script',
  rollback: 'rollback-script',
};

export function toRef(device: DeviceSummary, jobId: string): DeviceRef {
  return { job_id: jobId, folder: device.folder, device_id: device.device_id };
}

export class ReviewController implements vscode.Disposable {
  private currentReview: { ref: DeviceRef; mode: ReviewMode } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: JobModel,
    private readonly documents: ReviewContentProvider,
  ) {
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.followActiveTab()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.followActiveTab()),
    );
    this.followActiveTab();
  }

  /** The device and kind of review in the active tab, if it is one. */
  get current(): { ref: DeviceRef; mode: ReviewMode } | undefined {
    return this.currentReview;
  }

  async open(ref: DeviceRef, mode: ReviewMode): Promise<OpenedReview | undefined> {
    const review = await this.documents.review(ref, true);
    if (review === null) {
      void vscode.window.showErrorMessage(
        `NetRemediate: job ${ref.job_id} has no device ${ref.device_id} (was the job deleted?)`,
      );
      return undefined;
    }
    const device = review.device;
    if (!this.reviewable(device)) return undefined;
    this.documents.refreshOpen(ref);
    const platform = device.platform;
    // A feature-scoped review says so in every title (`r1 · ntp: running ↔ after remediation`).
    const name = ref.feature ? `${device.device_id} · ${ref.feature}` : device.device_id;
    const warnings: string[] = [];
    if (review.running_changed) warnings.push(`the running config changed since the job ran`);
    if (review.intended_changed) warnings.push(`the intended config changed since the job ran`);
    const changedNote = review.running_changed ? ' (changed since the job)' : '';
    const variant = review.running_changed || review.intended_changed ? 'inputs-changed' : undefined;

    let opened: OpenedReview;
    if (mode === 'remediation' || mode === 'rollback') {
      if (device.predicted === undefined) {
        void vscode.window.showErrorMessage(
          `NetRemediate: the job did not keep the predicted config of ${name}; open its remediation script instead.`,
        );
        return undefined;
      }
      if (mode === 'remediation') {
        if (device.verified === false) {
          warnings.push(
            `verification found the remediation incomplete: the predicted config differs from the intended one (${differences(device.verify, device.verify_count)})`,
          );
        }
        opened = {
          mode,
          title: `${name}: running${changedNote} ↔ after remediation`,
          original: reviewUri(ref, 'running', platform, variant),
          modified: reviewUri(ref, 'predicted', platform, variant),
          warnings,
        };
      } else {
        const unverified = device.rollback_verified === false;
        if (unverified) {
          warnings.push(
            `the rollback does not restore the running config (${differences(device.rollback_verify)}): the right side shows the running config it should restore`,
          );
        }
        opened = {
          mode,
          title: `${name}: after remediation ↔ after rollback${unverified ? ' (unverified: ≠ running, running shown)' : ''}${review.running_changed ? ' (running changed since the job)' : ''}`,
          original: reviewUri(ref, 'predicted', platform, variant),
          modified: reviewUri(ref, 'after-rollback', platform, variant),
          warnings,
        };
      }
      await vscode.commands.executeCommand('vscode.diff', opened.original, opened.modified, opened.title, {
        preview: true,
      } satisfies vscode.TextDocumentShowOptions);
    } else {
      const kind: ReviewKind = mode === 'remediation-script' ? 'remediation' : 'rollback';
      const uri = reviewUri(ref, kind, platform);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: true });
      opened = { mode, title: `${name}: ${kind} script`, modified: uri, warnings };
    }
    this.currentReview = { ref, mode };
    void setReviewContext(true);
    if (warnings.length > 0) void this.warn(ref, review, warnings);
    return opened;
  }

  /** Opens the same review for the next (or previous) device of the job, in the Jobs view's order. */
  async step(direction: 1 | -1): Promise<OpenedReview | undefined> {
    const current = this.currentReview;
    if (current === undefined) {
      void vscode.window.showInformationMessage(
        'NetRemediate: open a review (Review Remediation on a device) to walk its job device by device.',
      );
      return undefined;
    }
    const order = await this.reviewOrder(current.ref.job_id);
    if (order.length === 0) return undefined;
    // A review scoped to a feature walks to the same feature of the next device.
    const scope = current.ref.feature;
    const refOf = (d: DeviceSummary): DeviceRef => ({
      ...toRef(d, current.ref.job_id),
      ...(scope ? { feature: scope } : {}),
    });
    const at = order.findIndex((d) => sameDevice(refOf(d), current.ref));
    const worth = (d: DeviceSummary): boolean =>
      scope !== undefined
        ? (d.compliance?.drifting.includes(scope) ?? false)
        : hasChanges(d) || d.verified === false || d.rollback_verified === false;
    const candidates = order.some(worth) ? worth : () => true;
    const n = order.length;
    const start = at >= 0 ? at : direction === 1 ? -1 : n;
    for (let k = 1; k <= n; k++) {
      const raw = start + direction * k;
      const index = ((raw % n) + n) % n;
      if (at >= 0 && index === at) break;
      const device = order[index];
      if (!candidates(device)) continue;
      if (raw < 0 || raw >= n) {
        void vscode.window.setStatusBarMessage(
          direction === 1
            ? 'NetRemediate: back to the first device'
            : 'NetRemediate: back to the last device',
          3000,
        );
      }
      return this.open(refOf(device), current.mode);
    }
    void vscode.window.setStatusBarMessage('NetRemediate: no other device to review in this job', 3000);
    return undefined;
  }

  /** The job's computed devices in the order the Jobs view shows them (folder by folder). */
  async reviewOrder(jobId: string): Promise<DeviceSummary[]> {
    const job = this.model.job(jobId);
    const list = await this.model.devices(jobId);
    if (job === undefined || list === undefined) return [];
    const folders = [...job.folders];
    for (const d of list.all()) if (!folders.includes(d.folder)) folders.push(d.folder);
    const ordered = folders.length > 1 ? folders.flatMap((f) => list.sorted(f)) : list.sorted();
    return ordered.filter((d) => d.status === 'success');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private reviewable(device: DeviceSummary): boolean {
    const name = device.device_id;
    switch (device.status) {
      case 'success':
        return true;
      case 'failed':
        void vscode.window.showErrorMessage(
          `NetRemediate: ${name} failed: ${device.error ?? 'no error given'}`,
        );
        return false;
      case 'cancelled':
        void vscode.window.showInformationMessage(
          `NetRemediate: ${name} was cancelled before it was computed.`,
        );
        return false;
      default:
        void vscode.window.showInformationMessage(
          `NetRemediate: ${name} is ${device.status}; review it when it is computed.`,
        );
        return false;
    }
  }

  private async warn(ref: DeviceRef, review: ReviewDocumentsResult, warnings: string[]): Promise<void> {
    const device = review.device;
    const actions: string[] = [];
    const hasDifferences = (device.verify?.length ?? 0) + (device.rollback_verify?.length ?? 0) > 0;
    if (hasDifferences) actions.push('Show Differences');
    if (review.running_changed || review.intended_changed) actions.push('Run Again');
    const choice = await vscode.window.showWarningMessage(
      `NetRemediate: ${device.device_id}: ${warnings.join('; ')}.`,
      ...actions,
    );
    if (choice === 'Show Differences') {
      const document = await vscode.workspace.openTextDocument(reviewUri(ref, 'verify', device.platform));
      await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    } else if (choice === 'Run Again') {
      await vscode.commands.executeCommand('netremediate.runOnFiles', undefined, undefined, {
        files: [
          {
            running: device.running.path,
            intended: device.intended.path,
            device_id: device.device_id,
            folder: device.folder,
          },
        ],
      });
    }
  }

  private followActiveTab(): void {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri =
      input instanceof vscode.TabInputTextDiff
        ? input.modified
        : input instanceof vscode.TabInputText
          ? input.uri
          : undefined;
    const target = uri ? parseReviewUri(uri) : undefined;
    const mode = target ? MODE_OF_KIND[target.kind] : undefined;
    if (target && mode) {
      this.currentReview = { ref: target, mode };
      void setReviewContext(true);
    } else {
      void setReviewContext(false);
    }
  }
}

function differences(lines: readonly string[] | undefined, count?: number): string {
  const n = count ?? lines?.length ?? 0;
  return n === 1 ? '1 difference' : `${n} differences`;
}

let reviewContext: boolean | undefined;

function setReviewContext(value: boolean): Thenable<unknown> | undefined {
  if (reviewContext === value) return undefined;
  reviewContext = value;
  return vscode.commands.executeCommand('setContext', 'netremediate.reviewActive', value);
}
