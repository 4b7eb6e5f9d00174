/**
 * The read-only `netremediate-review:` documents: one device's running and intended configs (as they
 * are now), the predicted config after the remediation, what the rollback restores, the two scripts,
 * and the verification differences — all from ReviewDocumentsRequest, fetched once per device and
 * kept until the job changes, is deleted, or the server restarts. A document VS Code restores after a
 * reload is fetched on demand.
 */
import * as vscode from 'vscode';
import { ReviewDocumentsRequest, type ReviewDocumentsResult } from '../../../server/src/protocol';
import { frameSetting } from '../frameSetting';
import { errorText, type ServerConnection } from '../serverConnection';
import type { JobModel } from '../jobs/jobModel';
import { parseReviewUri, type DeviceRef, type ReviewKind } from './reviewUris';

function cacheKey(ref: DeviceRef): string {
  return `${ref.job_id}\u0000${ref.folder}\u0000${ref.device_id}\u0000${ref.feature ?? ''}`;
}

/** The cache holds one frame's scripts: a change of `netremediate.frame` fetches again. */
function cacheKeyFramed(ref: DeviceRef, frame: string): string {
  return `${cacheKey(ref)}\u0000${frame}`;
}

/** The text of one side, or a comment line saying why there is none. */
export function reviewText(review: ReviewDocumentsResult, kind: ReviewKind): string {
  const device = review.device;
  switch (kind) {
    // Both sides of a diff are rendered from trees, so only what the scripts change differs (the file
    // as printed would show its headers, `!` lines and spacing as removed).
    case 'running':
      return (
        review.running_rendered ??
        review.running ??
        `! the running config ${device.running.path} cannot be read\n`
      );
    case 'after-rollback':
      return (
        review.after_rollback ??
        review.running ??
        `! the running config ${device.running.path} cannot be read\n`
      );
    case 'intended':
      return review.intended ?? `! the intended config ${device.intended.path} cannot be read\n`;
    case 'predicted':
      return device.predicted ?? '! the job did not keep the predicted config of this device\n';
    case 'remediation':
      return device.remediation ?? '';
    case 'rollback':
      return device.rollback ?? '';
    case 'verify': {
      const lines = [
        ...(device.verify ?? []).map((line) => `predicted ≠ intended: ${line}`),
        ...(device.rollback_verify ?? []).map((line) => `after rollback ≠ running: ${line}`),
      ];
      return lines.length > 0 ? `${lines.join('\n')}\n` : 'Verified: no differences.\n';
    }
  }
}

export class ReviewContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly cache = new Map<string, Promise<ReviewDocumentsResult | null>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly server: ServerConnection,
    model: JobModel,
  ) {
    this.disposables.push(
      this.changeEmitter,
      model.onDidChange((change) => {
        if (change.kind === 'reset') this.cache.clear();
        else if (
          change.kind === 'removed' ||
          (change.kind === 'updated' && change.job.status !== change.previous.status)
        ) {
          this.forgetJob(change.job.job_id);
        }
      }),
      server.onDidStart(() => this.cache.clear()),
    );
  }

  /** The device's review documents; `fresh` fetches again (inputs may have changed since). */
  review(ref: DeviceRef, fresh = false): Promise<ReviewDocumentsResult | null> {
    const frame = frameSetting();
    const key = cacheKeyFramed(ref, frame);
    let entry = fresh ? undefined : this.cache.get(key);
    if (entry === undefined) {
      entry = this.server.request(ReviewDocumentsRequest, {
        job_id: ref.job_id,
        folder: ref.folder,
        device_id: ref.device_id,
        frame,
        ...(ref.feature ? { feature: ref.feature } : {}),
      });
      this.cache.set(key, entry);
      entry.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    return entry;
  }

  /** Tells open documents of this device to read their text again. */
  refreshOpen(ref: DeviceRef): void {
    for (const document of vscode.workspace.textDocuments) {
      const target = parseReviewUri(document.uri);
      if (target && cacheKey(target) === cacheKey(ref)) this.changeEmitter.fire(document.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseReviewUri(uri);
    if (target === undefined) return `! not a NetRemediate review document: ${uri.toString()}\n`;
    try {
      const review = await this.review(target);
      if (review === null) {
        return `! job ${target.job_id} has no device ${target.device_id} (deleted?)\n`;
      }
      return reviewText(review, target.kind);
    } catch (error) {
      return `! could not fetch the review of ${target.device_id}: ${errorText(error)}\n`;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private forgetJob(jobId: string): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${jobId}\u0000`)) this.cache.delete(key);
  }
}
