/**
 * The summary block of a compliance report, from its devices: one function for the report a job
 * builds, the shards `netremediate merge` combines (summary recomputed, never added up) and the
 * editor's compliance view. Pure, part of the contract like the report types.
 */
import type { ComplianceReport, DeviceComplianceStatus, FeatureSummary } from './compliance';

/** What the summary needs of a device: a ComplianceDevice is one, so is a device's in-memory brief. */
export interface DeviceFeatureView {
  readonly status: DeviceComplianceStatus;
  readonly features: readonly { readonly feature: string; readonly compliant: boolean }[];
  /** Sections differing outside the device's scope; absent for a device without a scope. */
  readonly unmanaged_drift?: number;
}

export type ComplianceSummary = ComplianceReport['summary'];

/**
 * Device counts by status, and per feature (in the order of `features`, which ends with `other`) the
 * devices that have it, and how many of those are compliant or drift. A feature a device lists that
 * `features` lacks is added before `other`, titled by its name.
 */
export function summarizeCompliance(
  devices: Iterable<DeviceFeatureView>,
  features: readonly { readonly feature: string; readonly title: string }[],
): ComplianceSummary {
  const rows = new Map<string, { title: string; devices: number; compliant: number; drifting: number }>();
  for (const f of features) rows.set(f.feature, { title: f.title, devices: 0, compliant: 0, drifting: 0 });
  const extra: string[] = [];
  const counts = { devices: 0, compliant: 0, drifting: 0, failed: 0 };
  let scoped = false;
  let unmanaged = 0;
  for (const device of devices) {
    counts.devices++;
    if (device.unmanaged_drift !== undefined) {
      scoped = true;
      if (device.unmanaged_drift > 0) unmanaged++;
    }
    if (device.status === 'compliant') counts.compliant++;
    else if (device.status === 'drift') counts.drifting++;
    else counts.failed++;
    for (const f of device.features) {
      let row = rows.get(f.feature);
      if (row === undefined) {
        row = { title: f.feature, devices: 0, compliant: 0, drifting: 0 };
        rows.set(f.feature, row);
        extra.push(f.feature);
      }
      row.devices++;
      if (f.compliant) row.compliant++;
      else row.drifting++;
    }
  }
  const order = features.map((f) => f.feature);
  const last = order.length > 0 && order[order.length - 1] === 'other' ? order.pop() : undefined;
  const names = [...order, ...extra, ...(last === undefined ? [] : [last])];
  const summaries: FeatureSummary[] = names.map((feature) => {
    const row = rows.get(feature)!;
    return {
      feature,
      title: row.title,
      devices: row.devices,
      compliant: row.compliant,
      drifting: row.drifting,
    };
  });
  return { ...counts, features: summaries, ...(scoped ? { unmanaged_drift_devices: unmanaged } : {}) };
}

/** Sorted by folder, then device id, in code point order: the same on every machine and locale. */
export function sortDevices<T extends { readonly folder: string; readonly device_id: string }>(
  devices: T[],
): T[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return devices.sort((a, b) => cmp(a.folder, b.folder) || cmp(a.device_id, b.device_id));
}
