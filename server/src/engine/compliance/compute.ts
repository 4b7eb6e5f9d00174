import { sameSubtree, type HNode } from '../remediation/hnode';
import { renderOwnLine } from '../remediation/render';
import type { RemediationPlan } from '../remediation/engine';
import type { ConfigTree, RenderOptions, SectionLines } from '../remediation/types';
import type { CompiledFeatures } from './classify';
import type { ComputedFeatureCompliance, DeviceCompliance, LineRange } from './types';

/** The engine verbs compliance renders with (the engine passes itself). */
export interface ComplianceRendering {
  render(tree: ConfigTree, options?: RenderOptions): string;
}

/** The device's scripts as the caller rendered them. */
export interface ScriptsOfDevice {
  readonly remediation: RenderedScript;
  readonly rollback: RenderedScript;
  /**
   * False: leave each feature's `remediation` and `rollback` texts empty, the lines say where they are
   * (a job stores the lines and slices the texts when read). Default true.
   */
  readonly withTexts?: boolean;
}

/**
 * A device's script as the caller rendered it (with exits), and where each top-level line's section is
 * in it (RenderOptions.sectionLines): each feature's part is then lines of it, not a render of its own.
 */
export interface RenderedScript {
  readonly text: string;
  readonly sections: ReadonlyMap<HNode, SectionLines>;
}

/**
 * One device's compliance, per feature, from its plan: nothing is compared or remediated again.
 *
 * - missing (in intended, not in running) and extra (in running, not in intended): a plain comparison
 *   by canonical key, under the top-level lines the remediation or the rollback touches only (see
 *   `lacking`), so that compliant features cost nothing and a script's device commands (an ACL
 *   `resequence`) never show as config lines.
 * - Each top-level line of intended, the remediation and the rollback goes to its feature (a negation
 *   where the line it removes goes); a feature is listed when one of them has lines in it. A feature's
 *   scripts are its sections' lines of the device's remediation and rollback (`remediation_lines`,
 *   `rollback_lines`): rendered once, by the caller when it renders them anyway (`scripts`).
 * - A feature is compliant when its part of both scripts is empty; a device when every feature is.
 *
 * Cost: one classification per top-level line, and work in proportion to the drift only.
 */
export function computeCompliance(
  plan: RemediationPlan,
  features: CompiledFeatures,
  engine: ComplianceRendering,
  scripts?: ScriptsOfDevice,
): DeviceCompliance {
  const count = features.names.length;
  const present = new Array<boolean>(count).fill(false);
  const intendedTop = plan.intended.root.children;
  const intendedFeature = intendedTop.map((node) => features.featureOf(node.text));
  for (const f of intendedFeature) present[f] = true;
  // Running's own top-level lines need no classifying: those intended lacks are in the rollback
  // (as additions), and the rest are intended's too.

  const remediation = partition(plan.remediation, features);
  const rollback = partition(plan.rollback, features);
  const unit = ' '.repeat(plan.intended.rules.driver.indentation);
  const missing = lacking(plan.intended, plan.running, plan.remediation, features, unit);
  const extra = lacking(plan.running, plan.intended, plan.rollback, features, unit);
  for (const part of [remediation, rollback]) for (const f of part.keys()) present[f] = true;

  const ranges = intendedRanges(intendedTop, intendedFeature);
  const remediationScript = scripts?.remediation ?? renderScript(engine, plan.remediation);
  const rollbackScript = scripts?.rollback ?? renderScript(engine, plan.rollback);
  const withTexts = scripts?.withTexts !== false;
  const remediationPart = new ScriptPart(remediationScript);
  const rollbackPart = new ScriptPart(rollbackScript);

  const out: ComputedFeatureCompliance[] = [];
  for (let f = 0; f < count; f++) {
    if (!present[f]) continue;
    const remediationLines = remediationPart.lines(remediation.get(f));
    const rollbackLines = rollbackPart.lines(rollback.get(f));
    const missed = missing.get(f);
    const extraneous = extra.get(f);
    out.push({
      feature: features.names[f],
      compliant: remediationLines.length === 0 && rollbackLines.length === 0,
      missing: missed === undefined ? '' : textOf(missed.lines),
      missing_count: missed?.count ?? 0,
      extra: extraneous === undefined ? '' : textOf(extraneous.lines),
      extra_count: extraneous?.count ?? 0,
      remediation: withTexts ? remediationPart.text(remediationLines) : '',
      rollback: withTexts ? rollbackPart.text(rollbackLines) : '',
      remediation_lines: remediationLines,
      rollback_lines: rollbackLines,
      intended_ranges: ranges.get(f) ?? [],
    });
  }
  return { compliant: out.every((f) => f.compliant), features: out };
}

function renderScript(engine: ComplianceRendering, tree: ConfigTree): RenderedScript {
  const sections = new Map<HNode, SectionLines>();
  return { text: engine.render(tree, { exits: true, sectionLines: sections }), sections };
}

/** A feature's part of a rendered script: line ranges of it, and their text (split only when asked). */
class ScriptPart {
  private split: string[] | undefined;

  constructor(private readonly script: RenderedScript) {}

  /** 1-based inclusive ranges of these top-level lines' sections, adjacent ones joined, in script order. */
  lines(tops: ReadonlySet<HNode> | undefined): LineRange[] {
    if (tops === undefined) return [];
    const spans: SectionLines[] = [];
    // The sets are filled in tree order, which is script order: sorted only if that ever changes.
    let ascending = true;
    for (const top of tops) {
      const span = this.script.sections.get(top);
      if (span === undefined || span.end <= span.start) continue;
      if (spans.length > 0 && span.start < spans[spans.length - 1].start) ascending = false;
      spans.push(span);
    }
    if (!ascending) spans.sort((a, b) => a.start - b.start);
    const out: LineRange[] = [];
    for (const { start, end } of spans) {
      const last = out[out.length - 1];
      if (last !== undefined && last.end_line === start) out[out.length - 1] = { ...last, end_line: end };
      else out.push({ start_line: start + 1, end_line: end });
    }
    return out;
  }

  text(ranges: readonly LineRange[]): string {
    if (ranges.length === 0) return '';
    this.split ??= this.script.text.split('\n');
    return scriptLines(this.split, ranges);
  }
}

/** The lines of a script (split at `\n`) in the ranges, as text ending with a line break. */
export function scriptLines(lines: readonly string[], ranges: readonly LineRange[]): string {
  const out: string[] = [];
  for (const r of ranges)
    for (let i = r.start_line - 1; i < r.end_line && i < lines.length; i++) out.push(lines[i]);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** A feature's lines of `from` that `other` lacks, as config text lines, and how many are not headers. */
interface Lacking {
  readonly lines: string[];
  count: number;
}

/**
 * The lines of `from` that `other` lacks (by canonical key, at the same path), with their section
 * headers, by feature, as config text (the file's banner delimiters, no exits): compared only under the
 * top-level lines the script touches, so the cost follows the drift. A plain comparison on purpose: the
 * scripts carry device commands (an ACL `resequence`, a cascade's re-sent lines) that are not lines of
 * either config. Written straight to text: no tree of copies.
 */
function lacking(
  from: ConfigTree,
  other: ConfigTree,
  script: ConfigTree,
  features: CompiledFeatures,
  unit: string,
): Map<number, Lacking> {
  const touched = new Set<string>();
  for (const top of script.root.children) {
    touched.add(top.key);
    const negated = top.meta?.negated;
    if (negated !== undefined) touched.add(negated.key);
    // `no X` / `default X` (a port reset) touch X.
    const undone = /^(?:no|default) (.*)$/.exec(top.key)?.[1];
    if (undone !== undefined) touched.add(undone);
  }
  const out = new Map<number, Lacking>();
  for (const top of from.root.children) {
    if (!touched.has(top.key)) continue;
    const f = features.featureOf(top.text);
    let part = out.get(f);
    const fresh = part === undefined;
    part ??= { lines: [], count: 0 };
    writeLacking(top, other.root.child(top.key), 0, unit, part);
    if (fresh && part.lines.length > 0) out.set(f, part);
  }
  return out;
}

function writeLacking(
  node: HNode,
  twin: HNode | undefined,
  depth: number,
  unit: string,
  into: Lacking,
): void {
  if (twin === undefined) {
    writeWhole(node, depth, unit, into);
    return;
  }
  // The header is written only when a line below it is lacking (most of a changed section is not).
  const mark = into.lines.length;
  renderOwnLine(node, unit.repeat(depth), unit, CONFIG_TEXT, into.lines);
  const headerEnd = into.lines.length;
  // Both sides usually list the same lines in the same order: the twin's child at the same place is
  // tried before a lookup (unless the twin repeats keys, where the lookup's first match is the rule).
  const twins = twin.hasDuplicates ? undefined : twin.children;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    const guess = twins?.[i];
    const otherChild = guess !== undefined && guess.key === c.key ? guess : twin.child(c.key);
    if (otherChild !== undefined) {
      // A section both sides still hold as the same parsed lines lacks nothing: not materialised.
      if (c.isPending ? otherChild.isPending && sameSubtree(c, otherChild) : c.children.length === 0)
        continue;
    }
    writeLacking(c, otherChild, depth + 1, unit, into);
  }
  if (into.lines.length === headerEnd) {
    into.lines.length = mark;
  }
}

/** A line and everything below it: all lacking. */
function writeWhole(node: HNode, depth: number, unit: string, into: Lacking): void {
  renderOwnLine(node, unit.repeat(depth), unit, CONFIG_TEXT, into.lines);
  into.count++;
  for (const c of node.children) writeWhole(c, depth + 1, unit, into);
}

/** As config text (like renderConfig): the file's own banner delimiters. */
const CONFIG_TEXT = { bannerDelimiter: 'original' } as const;

function textOf(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * A script's top-level lines by feature. A negation belongs where the line it removes does (so the
 * `logging console debugging` that undoes `logging console informational` is logging's, and a
 * `no banner motd` the banner's); any other line where its own text says.
 */
function partition(tree: ConfigTree, features: CompiledFeatures): Map<number, Set<HNode>> {
  const byFeature = new Map<number, Set<HNode>>();
  for (const node of tree.root.children) {
    const f = features.featureOf((node.meta?.negated ?? node).text);
    const set = byFeature.get(f);
    if (set === undefined) byFeature.set(f, new Set([node]));
    else set.add(node);
  }
  return byFeature;
}

/**
 * 1-based inclusive line ranges of each feature's top-level sections in the intended file: a run of
 * consecutive sections of one feature (and the comments between them) is one range.
 */
function intendedRanges(top: readonly HNode[], featureOf: readonly number[]): Map<number, LineRange[]> {
  const ranges = new Map<number, LineRange[]>();
  let previous = -1;
  top.forEach((node, i) => {
    const source = node.source;
    if (source === undefined) return;
    const f = featureOf[i];
    // The section ends with its last descendant's last line (what `source.range` computes, without
    // allocating a Range per section).
    let deepest = source;
    while (deepest.children.length > 0) deepest = deepest.children[deepest.children.length - 1];
    const start = source.line + 1;
    const end = Math.max(source.lastLine, deepest.lastLine) + 1;
    let list = ranges.get(f);
    if (list === undefined) {
      list = [];
      ranges.set(f, list);
    }
    const last = list[list.length - 1];
    if (previous === f && last !== undefined) {
      list[list.length - 1] = {
        start_line: Math.min(last.start_line, start),
        end_line: Math.max(last.end_line, end),
      };
    } else {
      list.push({ start_line: start, end_line: end });
    }
    previous = f;
  });
  return ranges;
}
