/**
 * What every renderer derives from a ComplianceReport the same way: the feature order, the state of
 * one matrix cell, percentages, deterministic orderings and number formatting. Pure and locale-free
 * (no localeCompare, no toLocaleString): the same report renders to the same bytes on every machine,
 * which the golden files rely on.
 */
import type { FeatureCompliance } from '../../engine/compliance/types';
import type { ComplianceDevice, ComplianceReport, FeatureSummary } from '../compliance';

/** One feature × device cell: `absent` is "not configured" (the feature has no lines in either file). */
export type CellState = 'compliant' | 'drift' | 'absent' | 'failed';

/** Plain code-unit order: locale-independent, so output never depends on the machine's ICU data. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDevices(a: ComplianceDevice, b: ComplianceDevice): number {
  return compareText(a.folder, b.folder) || compareText(a.device_id, b.device_id);
}

/** The report's devices by folder then device_id (the contract says they are; we do not rely on it). */
export function sortedDevices(report: ComplianceReport): ComplianceDevice[] {
  return [...report.devices].sort(compareDevices);
}

/**
 * Index of each feature in the summary's order (`other` last), so a device's features list in the same
 * order as the report's columns. A feature a device lists but the summary does not (a hand-edited or
 * merged report) sorts after the known ones, by name.
 */
export class FeatureOrder {
  private readonly index = new Map<string, number>();

  constructor(readonly features: readonly FeatureSummary[]) {
    features.forEach((f, i) => this.index.set(f.feature, i));
  }

  indexOf(feature: string): number | undefined {
    return this.index.get(feature);
  }

  title(feature: string): string {
    const i = this.index.get(feature);
    return i === undefined ? feature : this.features[i].title || feature;
  }

  sort(features: readonly FeatureCompliance[]): FeatureCompliance[] {
    const rank = (f: FeatureCompliance) => this.index.get(f.feature) ?? Number.MAX_SAFE_INTEGER;
    return [...features].sort((a, b) => rank(a) - rank(b) || compareText(a.feature, b.feature));
  }
}

export function driftingFeatures(device: ComplianceDevice, order: FeatureOrder): FeatureCompliance[] {
  return order.sort(device.features.filter((f) => !f.compliant));
}

/** A device's features by name, for cell lookups in the matrix (16 columns × many devices). */
export function featuresByName(device: ComplianceDevice): Map<string, FeatureCompliance> {
  return new Map(device.features.map((f) => [f.feature, f]));
}

export function cellState(device: ComplianceDevice, feature: FeatureCompliance | undefined): CellState {
  if (device.status === 'failed') return 'failed';
  if (feature === undefined) return 'absent';
  return feature.compliant ? 'compliant' : 'drift';
}

/**
 * Percent of configured devices that comply, rounded down below 100 so that one drifting device in a
 * thousand never shows as "100%". Undefined when no device configures the feature.
 */
export function percentCompliant(summary: FeatureSummary): number | undefined {
  if (summary.devices <= 0) return undefined;
  if (summary.compliant >= summary.devices) return 100;
  return Math.floor((summary.compliant * 100) / summary.devices);
}

/** `12,345`: grouping without the runtime's locale. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `+2 −1`: lines missing (to add) and extra (to remove), as the jobs tree shows a change score. */
export function driftCounts(feature: FeatureCompliance): string {
  return `+${feature.missing_count} \u2212${feature.extra_count}`;
}

/** `folder/path` with `/` separators, the way reports name files relative to the workspace. */
export function joinFolderPath(folder: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/').replace(/^\.\//, '');
  return folder.length > 0 ? `${folder}/${rel}` : rel;
}

/** `shard 2/4` or `merged from shards 1/4, 2/4, …`; empty for a whole-fleet report. */
export function describeScope(report: ComplianceReport): string {
  if (report.shard !== undefined) return `shard ${report.shard.index}/${report.shard.count}`;
  const merged = report.merged_shards ?? [];
  if (merged.length > 0) return `merged from shards ${merged.map((s) => `${s.index}/${s.count}`).join(', ')}`;
  return '';
}
