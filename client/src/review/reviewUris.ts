/**
 * URIs of the read-only review documents: `netremediate-review:/<job>/<device>.<kind>.<ext>?folder=…`.
 * The extension (`.ios`, `.nxos`) gives the document the device's language, so the diff editor
 * highlights both sides; the path reads well in a tab's tooltip (`r1.remediation.ios`).
 */
import * as vscode from 'vscode';
import { languageForPlatform, type PlatformId } from '../../../server/src/protocol';

export const REVIEW_SCHEME = 'netremediate-review';

export const REVIEW_KINDS = [
  'running',
  'intended',
  'predicted',
  'after-rollback',
  'remediation',
  'rollback',
  'verify',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface DeviceRef {
  readonly job_id: string;
  readonly folder: string;
  readonly device_id: string;
  /** A review scoped to one compliance feature (the Compliance view opens these). */
  readonly feature?: string;
}

export interface ReviewTarget extends DeviceRef {
  readonly kind: ReviewKind;
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'cisco-ios': 'ios', 'cisco-nxos': 'nxos' };

/**
 * `variant` tells apart two reviews of the same device whose titles differ (inputs changed since the
 * job, or not): VS Code reuses an open diff of the same URIs, title and all.
 */
export function reviewUri(
  device: DeviceRef,
  kind: ReviewKind,
  platform: PlatformId | undefined,
  variant?: string,
): vscode.Uri {
  const ext = kind === 'verify' ? 'txt' : EXTENSIONS[languageForPlatform(platform ?? 'cisco_ios')];
  // A device id's segments (`site-a/r1`) stay path segments; the kind and extension end the name.
  // vscode.Uri keeps the path decoded and encodes it in toString().
  return vscode.Uri.from({
    scheme: REVIEW_SCHEME,
    path: `/${device.job_id}/${device.device_id}.${kind}.${ext}`,
    query: new URLSearchParams({
      folder: device.folder,
      ...(device.feature ? { feature: device.feature } : {}),
      ...(variant ? { v: variant } : {}),
    }).toString(),
  });
}

export function parseReviewUri(uri: vscode.Uri): ReviewTarget | undefined {
  if (uri.scheme !== REVIEW_SCHEME) return undefined;
  const match = /^\/([^/]+)\/(.+)\.([a-z-]+)\.[a-z]+$/.exec(uri.path);
  if (!match) return undefined;
  const kind = match[3] as ReviewKind;
  if (!REVIEW_KINDS.includes(kind)) return undefined;
  const query = new URLSearchParams(uri.query);
  const folder = query.get('folder');
  if (folder === null) return undefined;
  const feature = query.get('feature') ?? undefined;
  return { job_id: match[1], device_id: match[2], folder, kind, ...(feature ? { feature } : {}) };
}

/** Same device and same scope (a feature-scoped review is another document than the whole one). */
export function sameDevice(a: DeviceRef, b: DeviceRef): boolean {
  return (
    a.job_id === b.job_id && a.folder === b.folder && a.device_id === b.device_id && a.feature === b.feature
  );
}
