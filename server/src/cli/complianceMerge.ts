/**
 * `netremediate merge`: shard reports (`compliance --shard I/N --format json`) into one report. The
 * devices are combined and sorted, the summary recomputed from them (never added up). Refused, with
 * the files named: a document that is not a compliance report, different report versions or tool
 * versions, different feature sets (feature_set_sha256), the same shard twice, shards of different
 * counts, a device in two reports.
 */
import {
  COMPLIANCE_REPORT_VERSION,
  type ComplianceDevice,
  type ComplianceReport,
} from '../protocol/compliance';
import { sortDevices, summarizeCompliance } from '../protocol/complianceSummary';
import { UsageError } from './io';

export interface ReportFile {
  readonly file: string;
  readonly report: ComplianceReport;
}

type Shard = { readonly index: number; readonly count: number };

/** Checks that a parsed document looks like a compliance report, enough to merge it safely. */
export function asReport(file: string, value: unknown): ComplianceReport {
  const fail = (why: string): never => {
    throw new UsageError(`${file}: not a compliance report: ${why}`, false);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected an object');
  const r = value as Partial<Record<keyof ComplianceReport, unknown>>;
  if (typeof r.version !== 'number') fail('no "version"');
  if (r.version !== COMPLIANCE_REPORT_VERSION)
    fail(`"version" is ${String(r.version)}; this netremediate reads version ${COMPLIANCE_REPORT_VERSION}`);
  if (typeof r.feature_set_sha256 !== 'string') fail('no "feature_set_sha256"');
  if (typeof r.tool !== 'object' || r.tool === null) fail('no "tool"');
  if (!Array.isArray(r.devices)) fail('no "devices" list');
  const summary = r.summary as { features?: unknown } | undefined;
  if (typeof summary !== 'object' || summary === null || !Array.isArray(summary.features))
    fail('no "summary.features" list');
  for (const [i, d] of (r.devices as unknown[]).entries()) {
    const device = d as Partial<ComplianceDevice> | null;
    if (
      typeof device !== 'object' ||
      device === null ||
      typeof device.device_id !== 'string' ||
      typeof device.folder !== 'string' ||
      !Array.isArray(device.features)
    )
      fail(`devices[${i}] needs device_id, folder and features`);
  }
  return value as ComplianceReport;
}

function shardsOf(report: ComplianceReport): readonly Shard[] {
  return report.shard !== undefined ? [report.shard] : (report.merged_shards ?? []);
}

/** One report of all the devices of `inputs`; throws a UsageError naming the files on any conflict. */
export function mergeReports(
  inputs: readonly ReportFile[],
  generatedAt = new Date().toISOString(),
): ComplianceReport {
  if (inputs.length === 0) throw new UsageError('merge takes at least one RESULT.json');
  const [first] = inputs;
  for (const { file, report } of inputs.slice(1)) {
    if (report.tool.version !== first.report.tool.version) {
      throw new UsageError(
        `${first.file} and ${file} come from different netremediate versions ` +
          `(${first.report.tool.version} and ${report.tool.version}): run every shard with the same version`,
        false,
      );
    }
    if ((report.scope_sha256 ?? '') !== (first.report.scope_sha256 ?? '')) {
      const name = (sha: string | undefined) =>
        sha === undefined ? 'no scope' : `scope_sha256 ${sha.slice(0, 12)}…`;
      throw new UsageError(
        `${first.file} and ${file} were checked within different scopes ` +
          `(${name(first.report.scope_sha256)} and ${name(report.scope_sha256)}): run every shard with the same scope`,
        false,
      );
    }
    if (report.feature_set_sha256 !== first.report.feature_set_sha256) {
      throw new UsageError(
        `${first.file} and ${file} were checked against different feature sets ` +
          `(feature_set_sha256 ${first.report.feature_set_sha256.slice(0, 12)}… and ` +
          `${report.feature_set_sha256.slice(0, 12)}…): run every shard with the same features`,
        false,
      );
    }
  }
  const shards = new Map<number, string>();
  let count: { value: number; file: string } | undefined;
  const devices = new Map<string, string>();
  const merged: ComplianceDevice[] = [];
  for (const { file, report } of inputs) {
    for (const shard of shardsOf(report)) {
      count ??= { value: shard.count, file };
      if (shard.count !== count.value) {
        throw new UsageError(
          `${count.file} and ${file} split the fleet differently (shards of ${count.value} and of ${shard.count})`,
          false,
        );
      }
      const holder = shards.get(shard.index);
      if (holder !== undefined) {
        throw new UsageError(`shard ${shard.index}/${shard.count} is in both ${holder} and ${file}`, false);
      }
      shards.set(shard.index, file);
    }
    for (const device of report.devices) {
      const key = `${device.folder}\u0000${device.device_id}`;
      const holder = devices.get(key);
      if (holder !== undefined) {
        throw new UsageError(
          `device ${device.folder}/${device.device_id} is in both ${holder} and ${file}: the reports overlap`,
          false,
        );
      }
      devices.set(key, file);
      merged.push(device);
    }
  }
  sortDevices(merged);
  const features = first.report.summary.features.map((f) => ({ feature: f.feature, title: f.title }));
  const mergedShards = [...shards.keys()]
    .sort((a, b) => a - b)
    .map((index) => ({ index, count: count!.value }));
  return {
    ...(first.report.$schema === undefined ? {} : { $schema: first.report.$schema }),
    version: COMPLIANCE_REPORT_VERSION,
    generated_at: generatedAt,
    tool: first.report.tool,
    feature_set_sha256: first.report.feature_set_sha256,
    ...(first.report.scope_sha256 === undefined ? {} : { scope_sha256: first.report.scope_sha256 }),
    ...(mergedShards.length === 0 ? {} : { merged_shards: mergedShards }),
    summary: summarizeCompliance(merged, features),
    devices: merged,
  };
}
