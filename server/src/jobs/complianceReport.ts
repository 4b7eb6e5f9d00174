/**
 * A job's compliance as the report document (protocol/compliance.ts), and the smaller views the editor
 * asks for: the summary with a page of drifting devices (from the devices' in-memory briefs, no journal
 * read) and one device's per-feature details (from its journal record).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { OTHER_FEATURE, PLATFORMS } from '../engine';
import {
  COMPLIANCE_REPORT_VERSION,
  type ComplianceDevice,
  type ComplianceReport,
  type ComplianceSummaryPage,
  type DeviceComplianceStatus,
} from '../protocol/compliance';
import { sortDevices, summarizeCompliance } from '../protocol/complianceSummary';
import { VERSION } from '../version';
import { displayPath } from './deviceTask';
import { featureSetSha256, usedSets, type JobCompliance } from './jobFeatures';
import type { JobScope } from './jobScope';
import type { Shard } from './shard';
import type { DeviceResult, DeviceSummary } from './types';

export interface ComplianceReportOptions {
  /** Folders inside it are named relative to it (the CLI's current directory); others by their name. */
  readonly cwd?: string;
  /** The shard the job ran (`--shard I/N`). */
  readonly shard?: Shard;
  /** Default: now. */
  readonly generatedAt?: string;
  /** The scopes the job ran within (its header's), for `scope_sha256`. */
  readonly scope?: JobScope;
}

/** sha256 of the distinct scopes a job used, in a stable order; undefined when it used none. */
export function scopeSha256(scope: JobScope | undefined): string | undefined {
  const used = [...new Set(Object.values(scope?.folders ?? {}))].map((i) => JSON.stringify(scope?.scopes[i]));
  if (used.length === 0) return undefined;
  return crypto.createHash('sha256').update(JSON.stringify(used.sort()), 'utf8').digest('hex');
}

/** Every feature of the job's sets with its title, in match order (IOS's, then NX-OS's own), `other` last. */
export function featureTitles(compliance: JobCompliance): { feature: string; title: string }[] {
  const titles = new Map<string, string>();
  for (const set of usedSets(compliance).map((i) => compliance.sets[i])) {
    for (const platform of PLATFORMS) {
      for (const d of set[platform]) if (!titles.has(d.name)) titles.set(d.name, d.title ?? d.name);
    }
  }
  titles.set(OTHER_FEATURE, 'Other');
  return [...titles].map(([feature, title]) => ({ feature, title }));
}

/** `examples/fleet` when inside `cwd`, `.` for `cwd` itself, otherwise the folder's name. */
export function folderLabel(folder: string, cwd: string | undefined): string {
  if (cwd !== undefined) {
    const rel = path.relative(cwd, folder);
    if (rel === '') return '.';
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return path.basename(folder);
}

/** A device's report status; `error` says why a device has no compliance result. */
function statusOf(d: DeviceSummary): { status: DeviceComplianceStatus; error?: string } {
  if (d.status === 'success') {
    if (d.compliance === undefined) return { status: 'failed', error: 'compliance was not computed' };
    return { status: d.compliance.compliant ? 'compliant' : 'drift' };
  }
  if (d.status === 'failed') return { status: 'failed', error: d.error ?? 'failed' };
  return { status: 'failed', error: `not computed: the device is ${d.status}` };
}

export function toComplianceDevice(d: DeviceResult, cwd: string | undefined): ComplianceDevice {
  const { status, error } = statusOf(d);
  return {
    device_id: d.device_id,
    folder: folderLabel(d.folder, cwd),
    ...(d.platform === undefined ? {} : { platform: d.platform }),
    status,
    ...(error === undefined ? {} : { error }),
    running: displayPath(d.folder, d.running.path),
    intended: displayPath(d.folder, d.intended.path),
    features: status === 'failed' ? [] : (d.feature_compliance ?? []),
    ...(status === 'failed' || d.unmanaged_drift === undefined ? {} : { unmanaged_drift: d.unmanaged_drift }),
    ...(status === 'failed' || (d.unmanaged_sections?.length ?? 0) === 0
      ? {}
      : { unmanaged_sections: d.unmanaged_sections }),
  };
}

export function buildComplianceReport(
  compliance: JobCompliance,
  results: Iterable<DeviceResult>,
  options: ComplianceReportOptions = {},
): ComplianceReport {
  const devices: ComplianceDevice[] = [];
  for (const d of results) devices.push(toComplianceDevice(d, options.cwd));
  sortDevices(devices);
  return {
    version: COMPLIANCE_REPORT_VERSION,
    generated_at: options.generatedAt ?? new Date().toISOString(),
    tool: { name: 'netremediate', version: VERSION },
    feature_set_sha256: featureSetSha256(compliance),
    ...(scopeSha256(options.scope) === undefined ? {} : { scope_sha256: scopeSha256(options.scope) }),
    ...(options.shard === undefined
      ? {}
      : { shard: { index: options.shard.index, count: options.shard.count } }),
    summary: summarizeCompliance(devices, featureTitles(compliance)),
    devices,
  };
}

/**
 * From the in-memory briefs only: cheap at 10,000 devices. Folders are absolute (the editor's). While
 * the job runs, its pending and running devices are not counted: they are not checked yet, not failed.
 */
export function summaryPage(
  compliance: JobCompliance,
  devices: readonly DeviceSummary[],
  page: { offset?: number; limit?: number },
): ComplianceSummaryPage {
  const checked = devices.filter((d) => d.status !== 'pending' && d.status !== 'running');
  const views = checked.map((d) => {
    const { status, error } = statusOf(d);
    const drifting = d.compliance?.drifting ?? [];
    const features =
      status === 'failed'
        ? []
        : (d.compliance?.features ?? []).map((feature) => ({
            feature,
            compliant: !drifting.includes(feature),
          }));
    const unmanaged = status === 'failed' ? undefined : d.unmanaged_drift;
    return {
      d,
      status,
      error,
      drifting,
      features,
      ...(unmanaged === undefined ? {} : { unmanaged_drift: unmanaged }),
    };
  });
  const attention = views.filter((v) => v.status !== 'compliant');
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  return {
    feature_set_sha256: featureSetSha256(compliance),
    summary: summarizeCompliance(views, featureTitles(compliance)),
    attention: {
      total: attention.length,
      devices: attention.slice(offset, offset + limit).map((v) => ({
        folder: v.d.folder,
        device_id: v.d.device_id,
        status: v.status,
        drifting: v.drifting,
        ...(v.error === undefined ? {} : { error: v.error }),
      })),
    },
  };
}
