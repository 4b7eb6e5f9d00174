/**
 * `--format text`: the summary a terminal or CI log shows. Plain text, no colours (logs keep them as
 * escape codes), aligned columns, deterministic order: features as the report lists them, devices by
 * folder then id, each device's drifting features in feature order.
 */
import type { ComplianceDevice, ComplianceReport, FeatureSummary } from '../compliance';
import { toPrintable } from './escape';
import {
  describeScope,
  driftCounts,
  driftingFeatures,
  FeatureOrder,
  formatCount,
  percentCompliant,
  plural,
  sortedDevices,
} from './reportModel';

export interface ComplianceTextOptions {
  /**
   * List at most this many drifting devices (then a line says how many more there are); all by
   * default. Failed devices are always all listed: each one needs someone to act.
   */
  readonly maxDevices?: number;
}

const INDENT = '  ';

export function renderComplianceText(report: ComplianceReport, options: ComplianceTextOptions = {}): string {
  const order = new FeatureOrder(report.summary.features);
  const devices = sortedDevices(report);
  const drifting = devices.filter((d) => d.status === 'drift');
  const failed = devices.filter((d) => d.status === 'failed');
  const out: string[] = [
    ...headerLines(report),
    '',
    ...featureLines(report.summary.features),
    ...driftingLines(drifting, order, options.maxDevices),
    ...failedLines(failed),
  ];
  // Device ids, folders and errors come from files: nothing in them may drive the terminal.
  return toPrintable(`${out.join('\n')}\n`);
}

function headerLines(report: ComplianceReport): string[] {
  const { summary } = report;
  const scope = describeScope(report);
  const share = summary.devices > 0 ? ` (${Math.floor((summary.compliant * 100) / summary.devices)}%)` : '';
  return [
    `NetRemediate compliance report${scope ? ` \u00b7 ${scope}` : ''}`,
    `generated ${report.generated_at} by ${report.tool.name} ${report.tool.version}`,
    `${plural(summary.devices, 'device')}: ${formatCount(summary.compliant)} compliant${share}, ` +
      `${formatCount(summary.drifting)} drifting, ${formatCount(summary.failed)} failed`,
    // Only for scoped devices: sections outside the scope that differ are information, not drift.
    ...(summary.unmanaged_drift_devices === undefined
      ? []
      : [
          `${plural(summary.unmanaged_drift_devices, 'device')} with unmanaged drift (sections outside the scope that differ; not counted as drift)`,
        ]),
  ];
}

function featureLabel(f: FeatureSummary): string {
  return f.title && f.title !== f.feature ? `${f.title} (${f.feature})` : f.feature;
}

function featureLines(features: readonly FeatureSummary[]): string[] {
  if (features.length === 0) return ['Features: none defined'];
  const labelWidth = Math.max(...features.map((f) => featureLabel(f).length));
  const lines = ['Features'];
  for (const f of features) {
    const pct = percentCompliant(f);
    const figures =
      pct === undefined
        ? 'not configured on any device'
        : `${String(pct).padStart(3)}% compliant \u00b7 ${plural(f.drifting, 'device')} drift` +
          ` (of ${formatCount(f.devices)} configured)`;
    lines.push(`${INDENT}${featureLabel(f).padEnd(labelWidth)}  ${figures}`);
  }
  return lines;
}

function deviceLabel(device: ComplianceDevice): string {
  const name = device.folder ? `${device.folder}/${device.device_id}` : device.device_id;
  return device.platform ? `${name} (${device.platform})` : name;
}

function driftingLines(
  devices: readonly ComplianceDevice[],
  order: FeatureOrder,
  maxDevices: number | undefined,
): string[] {
  if (devices.length === 0) return [];
  const shown = maxDevices === undefined ? devices : devices.slice(0, Math.max(0, maxDevices));
  const lines = ['', `Drifting devices (${formatCount(devices.length)})`];
  for (const device of shown) {
    const features = driftingFeatures(device, order);
    lines.push(`${INDENT}${deviceLabel(device)}: ${plural(features.length, 'feature')} drift`);
    const width = Math.max(...features.map((f) => f.feature.length));
    for (const f of features) {
      lines.push(`${INDENT}${INDENT}${f.feature.padEnd(width)}  ${driftCounts(f)}`);
    }
  }
  if (shown.length < devices.length) {
    lines.push(`${INDENT}\u2026 and ${plural(devices.length - shown.length, 'more drifting device')}`);
  }
  return lines;
}

function failedLines(devices: readonly ComplianceDevice[]): string[] {
  if (devices.length === 0) return [];
  const lines = ['', `Failed devices (${formatCount(devices.length)})`];
  for (const device of devices) {
    lines.push(`${INDENT}${deviceLabel(device)}`);
    const error = (device.error ?? 'failed (no error recorded)').replace(/\r\n?/g, '\n').trimEnd();
    for (const line of error.split('\n')) lines.push(`${INDENT}${INDENT}${line}`);
  }
  return lines;
}
