/**
 * What every renderer derives from a ComplianceReport the same way: the feature order, the state of
 * one matrix cell, percentages, deterministic orderings and number formatting. Pure and locale-free
 * (no localeCompare, no toLocaleString): the same report renders to the same bytes on every machine,
 * which the golden files rely on.
 */
import type { FeatureCompliance } from '../../engine/compliance/types';
import type { UnmanagedSection } from '../../engine/scope/types';
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

/** Devices with sections differing outside their scope (docs/scope.md): information, never drift. */
export function hasUnmanagedDrift(device: ComplianceDevice): boolean {
  return device.status !== 'failed' && (device.unmanaged_drift ?? 0) > 0;
}

const KIND_RANK: Readonly<Record<UnmanagedSection['kind'], number>> = {
  differs: 0,
  'intended-only': 1,
  'running-only': 2,
};

/**
 * Unmanaged sections, the telling ones first: `differs` (both configs have it and something outside
 * the scope changed), then `intended-only`, then `running-only` (what a partial template leaves out,
 * expected by the dozen); the given order within each. Also picks the jobs tree's preview.
 */
export function orderUnmanaged<T extends Pick<UnmanagedSection, 'kind'>>(sections: readonly T[]): T[] {
  // A kind this version does not know (a report from a newer one) sorts last rather than breaking the sort.
  const rank = (s: T) => KIND_RANK[s.kind] ?? 3;
  return sections
    .map((section, i) => ({ section, i }))
    .sort((a, b) => rank(a.section) - rank(b.section) || a.i - b.i)
    .map((x) => x.section);
}

/** A device's listed unmanaged sections, the telling ones first (orderUnmanaged). */
export function unmanagedSections(device: ComplianceDevice): UnmanagedSection[] {
  return orderUnmanaged(device.unmanaged_sections ?? []);
}

/** `differs`, `only in running, ignored`: how one unmanaged section differs, in words. */
export function unmanagedKindText(section: UnmanagedSection): string {
  const kind =
    section.kind === 'running-only'
      ? 'only in running'
      : section.kind === 'intended-only'
        ? 'only in intended'
        : 'differs';
  return section.reason === 'ignored' ? `${kind}, ignored` : kind;
}

/** `running line 14 · intended line 9` (1-based), as far as the section says. */
export function unmanagedWhere(section: UnmanagedSection): string {
  const parts: string[] = [];
  if (section.line !== undefined) {
    parts.push(`${section.kind === 'intended-only' ? 'intended' : 'running'} line ${section.line + 1}`);
  }
  if (section.intended_line !== undefined) parts.push(`intended line ${section.intended_line + 1}`);
  return parts.join(' \u00b7 ');
}

/** How many of a device's unmanaged sections the report does not list (it keeps the first 50). */
export function unlistedUnmanaged(device: ComplianceDevice): number {
  return Math.max(0, (device.unmanaged_drift ?? 0) - (device.unmanaged_sections?.length ?? 0));
}
