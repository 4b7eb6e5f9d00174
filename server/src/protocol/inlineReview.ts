/**
 * Inline review: in an intended config whose running config is known (the workspace's manifest or the
 * running/ + intended/ convention), the remediation of each changed top-level section, computed as the
 * user types, without a job. CodeLens and hover are standard LSP; the review documents are this request.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { PlatformId } from './index';

export interface InlineReviewParams {
  /** The intended config's document URI (open or not). */
  uri: string;
}

export interface InlineReviewResult {
  device_id: string;
  platform: PlatformId;
  /** The running config's file URI. */
  running_uri: string;
  /** Both sides rendered from their trees, like a job's review: the diff holds only real changes. */
  running: string;
  predicted: string;
  /** The script (with exits), as `remediate` prints it. */
  remediation: string;
  /** Number of remediation commands (lines of the script without exits). */
  commands: number;
}

/** null when the document is not an intended config with a known running config. */
export const InlineReviewRequest = new RequestType<InlineReviewParams, InlineReviewResult | null, void>(
  'netremediate/inlineReview',
);

/**
 * Client → server: whether the workspace is trusted. Inline review reads other files of the workspace
 * and applies its rules, so it waits for trust (VS Code's Restricted Mode). Other editors have no
 * such notion and never send it: the server then treats the workspace as trusted.
 */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>(
  'netremediate/workspaceTrust',
);

/** The command a Review lens runs: arguments `[intendedUri: string, headerLine: number]` (0-based). */
export const REVIEW_SECTION_COMMAND = 'netremediate.reviewSection';
