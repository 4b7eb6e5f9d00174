/**
 * Numbered ACLs (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): IOS prints `access-list 10
 * permit ...` as top-level lines, but the list is one object: `no access-list 10 <entry>` deletes the
 * whole list, and the order of its entries is its meaning. So:
 * - a list the intended config lacks is removed whole (`no access-list 10`);
 * - a new list is sent line by line, as printed;
 * - a changed list is edited in place, in ACL configuration mode (`ip access-list standard 10`), like
 *   a named list (sequenced.ts): the device prints no numbers, so the script renumbers it first
 *   (`ip access-list resequence 10 10 10`), then inserts new entries at free numbers and removes
 *   dropped ones by content. Rewriting the whole list instead would leave the port or vty that uses it
 *   without its filter between `no access-list 10` and the last new line: this edit never does.
 * Remarks take no number: they are added and removed by content.
 */
import type { PlatformRules } from '../../rules/semantics';
import type { NumberedListRule } from '../../rules/types';
import { HNode, NO_TAGS } from '../hnode';
import { planListEdit, resequencePattern, resequenceText } from './sequenced';

interface NumberedList {
  readonly lines: HNode[];
  /** Contents (`permit ...`) of the numbered entries, in order. */
  readonly entries: string[];
  /** Contents of the remarks (`remark ...`). */
  readonly remarks: string[];
}

function listsOf(root: HNode, rule: NumberedListRule, rules: PlatformRules): Map<string, NumberedList> {
  const re = rules.regex(rule.line);
  const lists = new Map<string, NumberedList>();
  for (const c of root.children) {
    if (!c.text.startsWith('access-list ')) continue;
    const m = re.exec(c.text);
    if (m === null) continue;
    let list = lists.get(m[1]);
    if (list === undefined) lists.set(m[1], (list = { lines: [], entries: [], remarks: [] }));
    list.lines.push(c);
    if (rule.unnumbered.some((u) => m[2].startsWith(u))) list.remarks.push(m[2]);
    else list.entries.push(m[2]);
  }
  return lists;
}

/** Whether a top-level line belongs to a numbered list (the line passes leave it to this module). */
export function isNumberedLine(text: string, rules: PlatformRules): boolean {
  if (!text.startsWith('access-list ')) return false;
  return rules.driver.numberedLists.some((rule) => rules.regex(rule.line).test(text));
}

function sectionHeader(rule: NumberedListRule, n: string): string | undefined {
  const number = Number(n);
  return rule.sections.find((s) => number >= s.from && number <= s.to)?.header.replace('{n}', n);
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Remediation of the numbered lists of two configs; lines go to the script's top level (`root()`). */
export function remediateNumberedLists(
  run: HNode,
  int: HNode,
  root: () => HNode,
  rules: PlatformRules,
): void {
  const emit = (parent: HNode, text: string, meta: HNode['meta'], source?: HNode): HNode => {
    const line = parent.add(new HNode(text, 'line', source?.source));
    line.meta = meta;
    return line;
  };
  for (const rule of rules.driver.numberedLists) {
    const runLists = listsOf(run, rule, rules);
    const intLists = listsOf(int, rule, rules);
    if (runLists.size === 0 && intLists.size === 0) continue;
    for (const [n, list] of runLists) {
      if (intLists.has(n)) continue;
      const [first, ...rest] = list.lines;
      const meta = { origin: 'negation' as const, negated: first, absorbs: rest, tags: NO_TAGS };
      emit(root(), `no access-list ${n}`, meta, first);
    }
    for (const [n, want] of intLists) {
      const have = runLists.get(n);
      const header = sectionHeader(rule, n);
      if (have !== undefined && sameList(have.entries, want.entries) && sameSet(have.remarks, want.remarks))
        continue;
      if (have === undefined || header === undefined) {
        if (have !== undefined) {
          const [first, ...rest] = have.lines;
          emit(root(), `no access-list ${n}`, {
            origin: 'negation',
            negated: first,
            absorbs: rest,
            tags: NO_TAGS,
          });
        }
        for (const c of want.lines) emit(root(), c.text, { origin: 'addition', tags: NO_TAGS }, c);
        continue;
      }
      const positions = (list: NumberedList): number[] => list.entries.map((_, k) => 10 * (k + 1));
      const edit = planListEdit(have.entries, positions(have), want.entries, positions(want), true);
      if (edit?.resequence !== undefined) {
        const text = resequenceText(rule.resequence, n, edit.resequence.start, edit.resequence.step);
        emit(root(), text, { origin: 'addition', tags: NO_TAGS });
      }
      const section = emit(root(), header, { origin: 'context', tags: NO_TAGS });
      const entryLine = (content: string): HNode | undefined =>
        have.lines.find((l) => l.text === `access-list ${n} ${content}`);
      const negate = (content: string): void => {
        emit(section, `no ${content}`, { origin: 'negation', negated: entryLine(content), tags: NO_TAGS });
      };
      edit?.movedOut.forEach((k) => negate(have.entries[k]));
      for (const [k, seq] of [...(edit?.added ?? [])].sort((a, b) => a[1] - b[1]))
        emit(section, `${seq} ${want.entries[k]}`, { origin: 'addition', tags: NO_TAGS });
      edit?.dropped.forEach((k) => negate(have.entries[k]));
      for (const r of have.remarks) if (!want.remarks.includes(r)) negate(r);
      for (const r of want.remarks)
        if (!have.remarks.includes(r)) emit(section, r, { origin: 'addition', tags: NO_TAGS });
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Predict: applies the script's numbered-list lines to the predicted top level (`no access-list N
 * ...` in any form deletes list N whole, as the device does; an edit section changes the list in
 * place; renumbering holds no state, the printed list has no numbers). Returns the script lines it
 * applied, which the generic pass then skips.
 */
export function predictNumberedLists(root: HNode, changes: HNode, rules: PlatformRules): Set<HNode> {
  const consumed = new Set<HNode>();
  for (const rule of rules.driver.numberedLists) {
    const resequence = resequencePattern(rule.resequence);
    /** The numbering a renumbering command gave a list (10, 20, ... by default, as after a reload). */
    const numbering = new Map<string, { start: number; step: number }>();
    const headers = rule.sections.map((s) => new RegExp(`^${s.header.replace('{n}', '(\\d+)')}$`));
    for (const line of changes.children) {
      const text = line.text;
      // Most top-level lines of a script are not about numbered lists at all.
      if (!text.includes('access-list ')) continue;
      const removal = /^no access-list (\d+)(?: |$)/.exec(text);
      if (removal !== null) {
        rewrite(root, rule, removal[1], () => [], rules);
        consumed.add(line);
        continue;
      }
      const renumber = resequence.exec(text);
      if (renumber !== null && /^\d+$/.test(renumber[1])) {
        numbering.set(renumber[1], { start: Number(renumber[2]), step: Number(renumber[3]) });
        consumed.add(line);
        continue;
      }
      const n = headers
        .map((re) => re.exec(text)?.[1])
        .find((x) => x !== undefined && sectionHeader(rule, x) === text);
      if (n === undefined) continue;
      consumed.add(line);
      rewrite(root, rule, n, (items) => applyEdits(items, line), rules, numbering.get(n));
    }
  }
  return consumed;
}

interface Item {
  seq: number | undefined;
  content: string;
}

/** List items after the section's edits, in order (entries numbered 10, 20, ... by position). */
function applyEdits(items: Item[], section: HNode): Item[] {
  let out = items;
  for (const c of section.children) {
    const text = c.text;
    if (text.startsWith('no ')) {
      const what = text.slice(3);
      const bySeq = /^\d+$/.test(what) ? Number(what) : undefined;
      out = out.filter((i) => (bySeq !== undefined ? i.seq !== bySeq : i.content !== what));
      continue;
    }
    const m = /^(\d+) (.+)$/.exec(text);
    if (m === null) {
      const last = Math.max(0, ...out.map((i) => i.seq ?? 0));
      out = [...out, { seq: text.startsWith('remark') ? undefined : last + 10, content: text }];
      continue;
    }
    const seq = Number(m[1]);
    const at = out.findIndex((i) => i.seq !== undefined && i.seq > seq);
    const item = { seq, content: m[2] };
    out = at < 0 ? [...out, item] : [...out.slice(0, at), item, ...out.slice(at)];
  }
  return out;
}

/** Replaces the top-level lines of list `n` by `edit` of them, in place of the first. */
function rewrite(
  root: HNode,
  rule: NumberedListRule,
  n: string,
  edit: (items: Item[]) => Item[],
  rules: PlatformRules,
  numbering = { start: 10, step: 10 },
): void {
  const re = rules.regex(rule.line);
  const prefix = `access-list ${n} `;
  const old = root.children.filter((c) => c.text.startsWith(prefix) && re.test(c.text));
  let seq = numbering.start - numbering.step;
  const items = old.map((c) => {
    const content = c.text.slice(prefix.length);
    const numbered = !rule.unnumbered.some((u) => content.startsWith(u));
    return { seq: numbered ? (seq += numbering.step) : undefined, content };
  });
  const lines = edit(items).map((i) => new HNode(`${prefix}${i.content}`, 'line'));
  const at = old.length === 0 ? root.children.length : root.children.indexOf(old[0]);
  const doomed = new Set(old);
  const kept = root.children.filter((c, k) => k < at && !doomed.has(c));
  const after = root.children.filter((c, k) => k >= at && !doomed.has(c));
  root.setChildren([...kept, ...lines, ...after]);
}

/** Verify: the lists on both sides hold their entries in the same order (sets are compared line by line). */
export function numberedOrderDifferences(a: HNode, b: HNode, rules: PlatformRules): HNode[] {
  const out: HNode[] = [];
  for (const rule of rules.driver.numberedLists) {
    const x = listsOf(a, rule, rules);
    const y = listsOf(b, rule, rules);
    for (const [n, list] of y) {
      const other = x.get(n);
      if (other === undefined || sameList(other.entries, list.entries)) continue;
      if (sameSet(other.entries, list.entries)) out.push(list.lines[0]);
    }
  }
  return out;
}
