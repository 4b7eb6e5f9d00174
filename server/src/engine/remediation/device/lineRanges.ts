/**
 * Line ranges (PLATFORM-RULES.md, "Lines that cannot be negated"): `line vty 0 4` and `line vty 5 15`
 * configure the same sixteen lines as `line vty 0 15`. IOS prints its default split (0-4, 5-15) even
 * when both halves hold the same lines, while templates often write one range. So:
 * - on load, adjacent ranges whose lines agree are one range (`merge-ranges`): no churn;
 * - a range of the intended config that running splits differently is compared with the running
 *   range(s) covering it, piece by piece, and sent per piece (`line vty 5 15` changes lines 5-15);
 * - a running range overlapping an intended one is never negated (the lines exist whatever the
 *   config says; `no line vty 0 4` is refused);
 * - the predicted config splits a range the script sends a part of, then merges again.
 */
import { HNode } from '../hnode';

export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/** `line vty 0 4` → 0..4, `line vty 5` → 5..5; undefined when `text` is not a range of `prefix`. */
export function rangeOf(text: string, prefix: string): LineRange | undefined {
  if (!text.startsWith(prefix)) return undefined;
  const m = /^(\d+)(?: (\d+))?$/.exec(text.slice(prefix.length));
  if (m === null) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from <= to ? { from, to } : undefined;
}

export function rangeText(prefix: string, from: number, to: number): string {
  return from === to ? `${prefix}${from}` : `${prefix}${from} ${to}`;
}

/** The prefix of the range family `text` belongs to, if any. */
export function rangePrefix(text: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((p) => rangeOf(text, p) !== undefined);
}

/** The range sections of `parent` in a family, with their ranges, in order. */
export function rangesIn(parent: HNode, prefix: string): { node: HNode; range: LineRange }[] {
  const out: { node: HNode; range: LineRange }[] = [];
  for (const c of parent.children) {
    const range = rangeOf(c.text, prefix);
    if (range !== undefined) out.push({ node: c, range });
  }
  return out;
}

const overlap = (a: LineRange, b: LineRange): boolean => a.from <= b.to && b.from <= a.to;

/** Whether some range of `other` shares a line with `text`'s range. */
export function overlapsAny(text: string, prefix: string, other: HNode): boolean {
  const range = rangeOf(text, prefix) as LineRange;
  return rangesIn(other, prefix).some((r) => overlap(r.range, range));
}

/**
 * The pieces of `text`'s range, each with the running range that covers it (undefined for lines no
 * running range names): the remediation compares each piece with its running range.
 */
export function piecesOf(
  text: string,
  prefix: string,
  running: HNode,
): { text: string; running: HNode | undefined }[] {
  const range = rangeOf(text, prefix) as LineRange;
  const pieces: { text: string; running: HNode | undefined }[] = [];
  let next = range.from;
  const covering = rangesIn(running, prefix)
    .filter((r) => overlap(r.range, range))
    .sort((a, b) => a.range.from - b.range.from);
  for (const r of covering) {
    const from = Math.max(r.range.from, range.from);
    const to = Math.min(r.range.to, range.to);
    if (from > next) pieces.push({ text: rangeText(prefix, next, from - 1), running: undefined });
    pieces.push({ text: rangeText(prefix, from, to), running: r.node });
    next = to + 1;
  }
  if (next <= range.to) pieces.push({ text: rangeText(prefix, next, range.to), running: undefined });
  return pieces;
}

/**
 * Merges adjacent ranges of a family whose lines agree into one (the first keeps its place).
 * Returns what was merged (texts and the first one's line), for diagnostics.
 */
export function mergeRanges(root: HNode, prefix: string): { texts: string; line: number | undefined }[] {
  const ranges = rangesIn(root, prefix);
  if (ranges.length < 2) return [];
  const merged: { texts: string; line: number | undefined }[] = [];
  const doomed = new Set<HNode>();
  let last = ranges[0];
  for (const r of ranges.slice(1)) {
    if (r.range.from === last.range.to + 1 && sameLines(last.node, r.node)) {
      merged.push({ texts: `${last.node.text} + ${r.node.text}`, line: last.node.line });
      const range = { from: last.range.from, to: r.range.to };
      last.node.text = rangeText(prefix, range.from, range.to);
      // A range header names no interface or VLAN list: its canonical key is its text.
      last.node.key = last.node.text;
      last.node.ruleMemo = undefined;
      doomed.add(r.node);
      last = { node: last.node, range };
    } else last = r;
  }
  if (doomed.size > 0) root.setChildren(root.children.filter((c) => !doomed.has(c)));
  return merged;
}

/** The same lines under the same parents, in any order (the device applies a range's lines as a set). */
function sameLines(a: HNode, b: HNode): boolean {
  if (a.children.length !== b.children.length) return false;
  for (const c of a.children) {
    const twin = b.child(c.text);
    if (twin === undefined || !sameLines(c, twin)) return false;
  }
  return true;
}

/**
 * Predict: splits the ranges of `target` that overlap `text`'s range at its ends, so that the range
 * is a section of its own when the running ranges cover it (each piece a copy of its range's lines).
 */
export function splitFor(target: HNode, text: string, prefix: string): void {
  const range = rangeOf(text, prefix) as LineRange;
  const out: HNode[] = [];
  let changed = false;
  for (const c of target.children) {
    const r = rangeOf(c.text, prefix);
    if (r === undefined || !overlap(r, range) || (r.from >= range.from && r.to <= range.to)) {
      out.push(c);
      continue;
    }
    changed = true;
    const cuts = [r.from, Math.max(r.from, range.from), Math.min(r.to, range.to) + 1, r.to + 1];
    for (let i = 0; i < 3; i++) {
      if (cuts[i] >= cuts[i + 1]) continue;
      const piece = new HNode(rangeText(prefix, cuts[i], cuts[i + 1] - 1), c.kind, c.source);
      for (const child of c.children) piece.add(child.copy());
      out.push(piece);
    }
  }
  if (changed) target.setChildren(out);
}
