/**
 * A device's per-feature compliance as stored in its journal record:
 * - without the feature's remediation and rollback texts: they are lines of the device's whole scripts,
 *   stored in the same record, so `remediation_lines` / `rollback_lines` say which (a drifting device's
 *   record would otherwise hold its scripts twice);
 * - without empty fields (`""`, `0`, `[]`), since most features of most devices are compliant and would
 *   otherwise repeat the same empty fields in every record.
 * Expanded back to FeatureCompliance, texts included, when read.
 */
import { scriptLines, type ComputedFeatureCompliance, type FeatureCompliance } from '../engine';

type Stored = Partial<ComputedFeatureCompliance> & Pick<FeatureCompliance, 'feature' | 'compliant'>;

export function compactFeatures(features: readonly ComputedFeatureCompliance[]): Stored[] {
  // Field by field rather than over Object.entries: this runs for every feature of every device.
  return features.map((f) => {
    const out: { -readonly [K in keyof Stored]: Stored[K] } = { feature: f.feature, compliant: f.compliant };
    if (f.missing !== '') out.missing = f.missing;
    if (f.missing_count !== 0) out.missing_count = f.missing_count;
    if (f.extra !== '') out.extra = f.extra;
    if (f.extra_count !== 0) out.extra_count = f.extra_count;
    if (f.remediation_lines.length > 0) out.remediation_lines = f.remediation_lines;
    if (f.rollback_lines.length > 0) out.rollback_lines = f.rollback_lines;
    if (f.intended_ranges.length > 0) out.intended_ranges = f.intended_ranges;
    return out;
  });
}

/**
 * `scripts`: the device's whole remediation and rollback from the same record. Records written before
 * the line ranges existed carry the texts themselves, and keep them.
 */
export function expandFeatures(
  stored: readonly Stored[],
  scripts: { readonly remediation?: string; readonly rollback?: string },
): FeatureCompliance[] {
  const split: { remediation?: string[]; rollback?: string[] } = {};
  const text = (which: 'remediation' | 'rollback', s: Stored): string => {
    const own = s[which];
    if (own !== undefined) return own;
    const ranges = s[which === 'remediation' ? 'remediation_lines' : 'rollback_lines'];
    if (ranges === undefined || ranges.length === 0) return '';
    return scriptLines((split[which] ??= (scripts[which] ?? '').split('\n')), ranges);
  };
  return stored.map((s) => ({
    feature: s.feature,
    compliant: s.compliant,
    missing: s.missing ?? '',
    missing_count: s.missing_count ?? 0,
    extra: s.extra ?? '',
    extra_count: s.extra_count ?? 0,
    remediation: text('remediation', s),
    rollback: text('rollback', s),
    intended_ranges: s.intended_ranges ?? [],
  }));
}
