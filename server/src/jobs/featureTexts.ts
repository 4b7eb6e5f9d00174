/**
 * A device's per-feature compliance as stored in its journal record. The record holds the device's whole
 * remediation and rollback anyway, and most of a feature's texts are lines of them, so it stores where:
 * - the feature's remediation and rollback are always lines of the whole scripts (`remediation_at`,
 *   `rollback_at`);
 * - its missing lines are usually the lines its remediation adds, and its extra lines those its
 *   rollback adds, in the same order: then `missing_at` / `extra_at` say which lines of the script
 *   they are, else the text is stored (a negation, a device command, a re-spelled header in between is
 *   fine: they are skipped; a line the script does not have means the text);
 * - nothing for empty fields (`""`, `0`, `[]`): most features of most devices are compliant.
 * Without this a drifting device's record held its changes three times. Expanded back to
 * FeatureCompliance, texts included, when read.
 */
import {
  scriptLines,
  type ComputedFeatureCompliance,
  type FeatureCompliance,
  type LineRange,
} from '../engine';

/**
 * Line ranges as stored: flat `[start, end, start, end, ...]`, 1-based inclusive (a drifting interface
 * feature has dozens; as objects they were half the record).
 */
type StoredRanges = readonly number[];

type Stored = Partial<
  Pick<FeatureCompliance, 'missing' | 'missing_count' | 'extra' | 'extra_count' | 'remediation' | 'rollback'>
> &
  Pick<FeatureCompliance, 'feature' | 'compliant'> & {
    /** Where `remediation` / `rollback` are in the device's scripts. */
    readonly remediation_at?: StoredRanges;
    readonly rollback_at?: StoredRanges;
    /** `missing` as lines of the device's remediation, `extra` as lines of its rollback. */
    readonly missing_at?: StoredRanges;
    readonly extra_at?: StoredRanges;
    readonly intended_ranges?: readonly LineRange[];
  };

function flat(ranges: readonly LineRange[]): number[] {
  const out: number[] = [];
  for (const r of ranges) out.push(r.start_line, r.end_line);
  return out;
}

function unflat(stored: StoredRanges): LineRange[] {
  const out: LineRange[] = [];
  for (let i = 0; i + 1 < stored.length; i += 2) out.push({ start_line: stored[i], end_line: stored[i + 1] });
  return out;
}

interface Scripts {
  readonly remediation?: string;
  readonly rollback?: string;
}

/** Each script split into lines once, on first use. */
class ScriptLines {
  private readonly split: { remediation?: string[]; rollback?: string[] } = {};

  constructor(private readonly scripts: Scripts) {}

  of(which: 'remediation' | 'rollback'): string[] {
    return (this.split[which] ??= (this.scripts[which] ?? '').split('\n'));
  }
}

export function compactFeatures(features: readonly ComputedFeatureCompliance[], scripts: Scripts): Stored[] {
  const lines = new ScriptLines(scripts);
  // Field by field rather than over Object.entries: this runs for every feature of every device.
  return features.map((f) => {
    const out: { -readonly [K in keyof Stored]: Stored[K] } = { feature: f.feature, compliant: f.compliant };
    if (f.missing !== '') {
      const at = linesWithin(f.missing, lines.of('remediation'), f.remediation_lines);
      if (at === undefined) out.missing = f.missing;
      else out.missing_at = flat(at);
    }
    if (f.missing_count !== 0) out.missing_count = f.missing_count;
    if (f.extra !== '') {
      const at = linesWithin(f.extra, lines.of('rollback'), f.rollback_lines);
      if (at === undefined) out.extra = f.extra;
      else out.extra_at = flat(at);
    }
    if (f.extra_count !== 0) out.extra_count = f.extra_count;
    if (f.remediation_lines.length > 0) out.remediation_at = flat(f.remediation_lines);
    if (f.rollback_lines.length > 0) out.rollback_at = flat(f.rollback_lines);
    if (f.intended_ranges.length > 0) out.intended_ranges = f.intended_ranges;
    return out;
  });
}

/**
 * Where the lines of `text` are, in order, among `script`'s lines in `within` (the feature's part of the
 * script), as 1-based inclusive ranges; undefined when one of them is not there.
 */
function linesWithin(
  text: string,
  script: readonly string[],
  within: readonly LineRange[],
): LineRange[] | undefined {
  const wanted = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const out: LineRange[] = [];
  let w = 0;
  for (const range of within) {
    for (let i = range.start_line - 1; i < range.end_line && w < wanted.length; i++) {
      if (script[i] !== wanted[w]) continue;
      w++;
      const last = out[out.length - 1];
      if (last !== undefined && last.end_line === i) out[out.length - 1] = { ...last, end_line: i + 1 };
      else out.push({ start_line: i + 1, end_line: i + 1 });
    }
    if (w === wanted.length) return out;
  }
  return undefined;
}

/**
 * `scripts`: the device's whole remediation and rollback from the same record. Records written before
 * the line ranges existed carry the texts themselves, and keep them.
 */
export function expandFeatures(stored: readonly Stored[], scripts: Scripts): FeatureCompliance[] {
  const lines = new ScriptLines(scripts);
  const part = (
    own: string | undefined,
    which: 'remediation' | 'rollback',
    ranges: StoredRanges | undefined,
  ): string => {
    if (own !== undefined) return own;
    if (ranges === undefined || ranges.length === 0) return '';
    return scriptLines(lines.of(which), unflat(ranges));
  };
  return stored.map((s) => ({
    feature: s.feature,
    compliant: s.compliant,
    missing: part(s.missing, 'remediation', s.missing_at),
    missing_count: s.missing_count ?? 0,
    extra: part(s.extra, 'rollback', s.extra_at),
    extra_count: s.extra_count ?? 0,
    remediation: part(s.remediation, 'remediation', s.remediation_at),
    rollback: part(s.rollback, 'rollback', s.rollback_at),
    intended_ranges: s.intended_ranges ?? [],
  }));
}
