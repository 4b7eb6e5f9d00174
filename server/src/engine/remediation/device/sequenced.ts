/**
 * Sequenced entries (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): the entries of an IP
 * access list, `10 permit ...`, `20 remark ...`. On the device an entry is its content at a number:
 * - entries match by content, whatever their numbers in the two files (a template numbers 10, 20,
 *   30; the device may hold 10, 15, 20), so the same list differently numbered is no change;
 * - the device's numbers are kept; a new entry takes a free number between its neighbours (the
 *   template's own number when that one is free and in place), so nothing is renumbered;
 * - an entry is removed by its content (`no permit ...`), which holds whatever its number;
 * - new entries are added before dropped ones are removed (a management ACL never loses its permit
 *   halfway), except that an entry moving to another place is removed first (a list holds a content once);
 * - when a gap has no free number, or the list was printed without numbers (IOS 15: the numbers are
 *   then unknown), the script first renumbers it (`ip access-list resequence NAME 10 10`), which the
 *   predicted config applies too.
 */
import { diffArrays } from 'diff';
import type { PlatformRules } from '../../rules/semantics';
import type { SequencedRule } from '../../rules/types';
import { HNode, NO_TAGS } from '../hnode';

const ENTRY = /^(\d+) (.+)$/;

export interface Entry {
  readonly seq: number;
  readonly content: string;
  readonly node: HNode;
}

/** A section's numbered entries in sequence order, and its other lines. */
export function entriesOf(section: HNode): { entries: Entry[]; others: HNode[] } {
  const entries: Entry[] = [];
  const others: HNode[] = [];
  for (const c of section.children) {
    const m = ENTRY.exec(c.text);
    if (m === null) others.push(c);
    else entries.push({ seq: Number(m[1]), content: m[2], node: c });
  }
  entries.sort((a, b) => a.seq - b.seq);
  return { entries, others };
}

/** The renumbering command of a rule, filled in. */
export function resequenceText(template: string, name: string, start: number, step: number): string {
  return template.replace('{name}', name).replace('{start}', String(start)).replace('{step}', String(step));
}

const patterns = new Map<string, RegExp>();

/** A regex reading a renumbering command back (`{name}` group 1, `{start}` 2, `{step}` 3); cached. */
export function resequencePattern(template: string): RegExp {
  let re = patterns.get(template);
  if (re === undefined) {
    const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    const body = escaped.replace('{name}', '(\\S+)').replace('{start}', '(\\d+)').replace('{step}', '(\\d+)');
    re = new RegExp(`^${body}$`);
    patterns.set(template, re);
  }
  return re;
}

/** Whether the file printed this list without sequence numbers (IOS 15): its numbers are then unknown. */
function printedUnnumbered(section: HNode): boolean {
  const source = section.source;
  return source !== undefined && source.children.some((c) => /^(?:permit|deny) /.test(c.text));
}

/** An edit of one list: what goes, what comes and at which numbers. */
export interface ListEdit {
  /** Removed before the additions: entries moving to another place. */
  readonly movedOut: readonly number[];
  /** Removed after the additions: entries the intended list does not have. */
  readonly dropped: readonly number[];
  /** Intended entry index → number it is sent at. */
  readonly added: ReadonlyMap<number, number>;
  /** Renumbering sent first, if any. */
  readonly resequence?: { readonly start: number; readonly step: number };
  /** The running entries' numbers once the edit starts (after the renumbering, if any). */
  readonly runSeq: readonly number[];
}

/**
 * Plans the edit from running contents (`runSeq` their numbers, in order) to intended contents.
 * `mustResequence`: the running numbers are unknown (printed without them). Undefined when equal.
 */
export function planListEdit(
  runContents: readonly string[],
  runSeq: readonly number[],
  intContents: readonly string[],
  intSeq: readonly number[],
  mustResequence: boolean,
): ListEdit | undefined {
  const kept: [number, number][] = [];
  let ri = 0;
  let ii = 0;
  const removed: number[] = [];
  const addedIdx: number[] = [];
  for (const part of diffArrays(runContents as string[], intContents as string[])) {
    const n = part.count ?? part.value.length;
    for (let k = 0; k < n; k++) {
      if (part.added) addedIdx.push(ii++);
      else if (part.removed) removed.push(ri++);
      else kept.push([ri++, ii++]);
    }
  }
  if (removed.length === 0 && addedIdx.length === 0) return undefined;
  const wanted = new Set(intContents);
  const movedOut = removed.filter((r) => wanted.has(runContents[r]));
  const dropped = removed.filter((r) => !wanted.has(runContents[r]));
  const gaps = gapsOf(kept, addedIdx, intContents.length);
  if (addedIdx.length === 0) return { movedOut, dropped, added: new Map(), runSeq };
  if (!mustResequence) {
    const added = assign(gaps, runSeq, intSeq, new Set(movedOut));
    if (added !== undefined) return { movedOut, dropped, added, runSeq };
  }
  // Renumber first: room for the largest run of new entries between two kept ones.
  const largest = Math.max(...gaps.map((g) => g.added.length));
  const step = Math.max(10, Math.ceil((largest + 1) / 10) * 10);
  const renumbered = runSeq.map((_, k) => step * (k + 1));
  const added = assign(gaps, renumbered, intSeq, new Set(movedOut)) as Map<number, number>;
  return { movedOut, dropped, added, resequence: { start: step, step }, runSeq: renumbered };
}

interface Gap {
  /** Running index of the kept entry before the gap, -1 at the start. */
  readonly before: number;
  /** Running index of the kept entry after it, -1 at the end. */
  readonly after: number;
  /** Intended indexes of the new entries in it, in order. */
  readonly added: number[];
}

function gapsOf(kept: readonly [number, number][], addedIdx: readonly number[], intLength: number): Gap[] {
  // For each intended index, the kept pair before it.
  const keptByInt = new Map<number, number>();
  for (const [r, i] of kept) keptByInt.set(i, r);
  const gaps: Gap[] = [];
  let current: Gap | undefined;
  let lastKept = -1;
  const addedSet = new Set(addedIdx);
  for (let i = 0; i < intLength; i++) {
    const r = keptByInt.get(i);
    if (r !== undefined) {
      if (current !== undefined) gaps.push({ ...current, after: r });
      current = undefined;
      lastKept = r;
    } else if (addedSet.has(i)) {
      current ??= { before: lastKept, after: -1, added: [] };
      current.added.push(i);
    }
  }
  if (current !== undefined) gaps.push(current);
  return gaps;
}

/** Numbers for the new entries, gap by gap; undefined when a gap has no room. */
function assign(
  gaps: readonly Gap[],
  runSeq: readonly number[],
  intSeq: readonly number[],
  freed: ReadonlySet<number>,
): Map<number, number> | undefined {
  const occupied = new Set(runSeq.filter((_, r) => !freed.has(r)));
  const out = new Map<number, number>();
  for (const gap of gaps) {
    let last = gap.before < 0 ? 0 : runSeq[gap.before];
    const upper = gap.after < 0 ? Infinity : runSeq[gap.after];
    for (let j = 0; j < gap.added.length; j++) {
      const i = gap.added[j];
      const remaining = gap.added.length - j;
      const own = intSeq[i];
      let n: number | undefined;
      if (own > last && own + remaining - 1 < upper && !occupied.has(own)) n = own;
      // At the end, past every number in use (entries still to be removed hold theirs), in tens.
      else if (upper === Infinity) n = (Math.floor(Math.max(last, ...occupied) / 10) + 1) * 10;
      else n = between(last, upper, remaining, occupied);
      if (n === undefined || n >= upper) return undefined;
      occupied.add(n);
      out.set(i, n);
      last = n;
    }
  }
  return out;
}

/**
 * A free number after `last`, below `upper`: in the first stretch between numbers in use that has
 * room, spread so that the `remaining` new entries fit (10 and 30 held: 20 for one, 15 and 20 for two).
 */
function between(
  last: number,
  upper: number,
  remaining: number,
  occupied: ReadonlySet<number>,
): number | undefined {
  const held = [...occupied].filter((n) => n > last && n < upper).sort((a, b) => a - b);
  let lo = last;
  for (const hi of [...held, upper]) {
    if (hi - lo > 1) return lo + Math.max(1, Math.floor((hi - lo) / (Math.min(remaining, hi - lo - 1) + 1)));
    lo = hi;
  }
  return undefined;
}

/**
 * Remediation of a sequenced section: `section()` creates the script's section on first use,
 * `before(text)` puts a top-level line right before it (the renumbering command).
 */
export function remediateSequenced(
  run: HNode,
  int: HNode,
  rule: SequencedRule,
  section: () => HNode,
  before: (text: string) => void,
  rules: PlatformRules,
  renumber = false,
): void {
  const r = entriesOf(run);
  const i = entriesOf(int);
  const edit = planListEdit(
    r.entries.map((e) => e.content),
    r.entries.map((e) => e.seq),
    i.entries.map((e) => e.content),
    i.entries.map((e) => e.seq),
    renumber || printedUnnumbered(run),
  );
  if (edit !== undefined) {
    if (edit.resequence !== undefined) {
      const name = rules.regex(rule.name).exec(int.text)?.[1] ?? '';
      before(resequenceText(rule.resequence, name, edit.resequence.start, edit.resequence.step));
    }
    // By content, whatever its number; a remark by its number (NX-OS and IOS-XE number remarks, and
    // two remarks may share a text).
    const negate = (k: number): void => {
      const entry = r.entries[k];
      const text = entry.content.startsWith('remark') ? `no ${edit.runSeq[k]}` : `no ${entry.content}`;
      const line = section().add(new HNode(text, 'line', entry.node.source));
      line.meta = { origin: 'negation', negated: r.entries[k].node, tags: NO_TAGS };
    };
    edit.movedOut.forEach(negate);
    for (const [k, seq] of [...edit.added].sort((a, b) => a[1] - b[1])) {
      const line = section().add(
        new HNode(`${seq} ${i.entries[k].content}`, 'line', i.entries[k].node.source),
      );
      line.meta = { origin: 'addition', tags: NO_TAGS };
    }
    edit.dropped.forEach(negate);
  }
  // Lines that are not entries (`statistics per-entry`, ...) are plain lines.
  const intTexts = new Set(i.others.map((c) => c.text));
  const runTexts = new Set(r.others.map((c) => c.text));
  for (const c of r.others) {
    if (intTexts.has(c.text)) continue;
    const line = section().add(new HNode(rules.negate(c), 'line', c.source));
    line.meta = { origin: 'negation', negated: c, tags: NO_TAGS };
  }
  for (const c of i.others) {
    if (runTexts.has(c.text)) continue;
    const line = section().add(new HNode(c.text, 'line', c.source));
    line.meta = { origin: 'addition', tags: NO_TAGS };
  }
}

/** Verify: two sections hold the same entries in the same order (numbers aside) and the same other lines. */
export function sameEntries(a: HNode, b: HNode): { missing: HNode[]; unexpected: HNode[] } {
  const x = entriesOf(a);
  const y = entriesOf(b);
  const missing: HNode[] = [];
  const unexpected: HNode[] = [];
  let ai = 0;
  let bi = 0;
  for (const part of diffArrays(
    x.entries.map((e) => e.content),
    y.entries.map((e) => e.content),
  )) {
    const n = part.count ?? part.value.length;
    for (let k = 0; k < n; k++) {
      if (part.added) missing.push(y.entries[bi++].node);
      else if (part.removed) unexpected.push(x.entries[ai++].node);
      else {
        ai++;
        bi++;
      }
    }
  }
  const xTexts = new Set(x.others.map((c) => c.text));
  const yTexts = new Set(y.others.map((c) => c.text));
  for (const c of y.others) if (!xTexts.has(c.text)) missing.push(c);
  for (const c of x.others) if (!yTexts.has(c.text)) unexpected.push(c);
  return { missing, unexpected };
}
