/**
 * The order and anchors the HTML report's parts share, computed once per render: devices in the order
 * that needs attention first (failed, then the most drifting features, then compliant; by folder and
 * id within each), an anchor per device and per device feature, and the folder list for the filter.
 */
import type { FeatureCompliance } from '../../../engine/compliance/types';
import type { ComplianceDevice, ComplianceReport, FeatureSummary } from '../../compliance';
import {
  compareDevices,
  compareText,
  driftingFeatures,
  FeatureOrder,
  hasUnmanagedDrift,
} from '../reportModel';

export interface DeviceRow {
  readonly device: ComplianceDevice;
  /** `d12`: the id of the device's details, also the prefix of its features' ids. */
  readonly anchor: string;
  /** `x` failed, `d` drift, `c` compliant: the matrix's `data-s`, which the filter reads. */
  readonly status: 'x' | 'd' | 'c';
  readonly drifting: readonly FeatureCompliance[];
  readonly folderIndex: number;
  /** Sections differ outside the device's scope: information, shown in its details whatever its status. */
  readonly unmanaged: boolean;
}

export interface HtmlLayout {
  readonly report: ComplianceReport;
  readonly features: readonly FeatureSummary[];
  readonly order: FeatureOrder;
  readonly rows: readonly DeviceRow[];
  readonly folders: readonly string[];
}

const STATUS_RANK = { x: 0, d: 1, c: 2 } as const;

export function featureAnchor(row: DeviceRow, featureIndex: number): string {
  return `${row.anchor}-f${featureIndex}`;
}

/** A device with details in the page: one that needs attention, or has unmanaged drift to show. */
export function hasDetails(row: DeviceRow): boolean {
  return row.status !== 'c' || row.unmanaged;
}

export function buildHtmlLayout(report: ComplianceReport): HtmlLayout {
  const features = report.summary.features;
  const order = new FeatureOrder(features);
  const folders = [...new Set(report.devices.map((d) => d.folder))].sort(compareText);
  const folderIndex = new Map(folders.map((f, i) => [f, i]));
  const unordered = report.devices.map((device) => {
    const drifting = device.status === 'failed' ? [] : driftingFeatures(device, order);
    const status: DeviceRow['status'] =
      device.status === 'failed' ? 'x' : drifting.length > 0 || device.status === 'drift' ? 'd' : 'c';
    return {
      device,
      status,
      drifting,
      folderIndex: folderIndex.get(device.folder) ?? 0,
      unmanaged: hasUnmanagedDrift(device),
    };
  });
  unordered.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      b.drifting.length - a.drifting.length ||
      compareDevices(a.device, b.device),
  );
  const rows = unordered.map((r, i) => ({ ...r, anchor: `d${i}` }));
  return { report, features, order, rows, folders };
}
