import type { PlatformRules } from '../rules/semantics';
import type { SequencedRule } from '../rules/types';
import { DeviceSection, wipedBy } from './device/cascade';
import { mergeRanges, rangePrefix, splitFor } from './device/lineRanges';
import { predictNumberedLists } from './device/numberedLists';
import { entriesOf, resequencePattern } from './device/sequenced';
import { predictVlanLine } from './device/vlanSets';
import { createRootNode, deepCopy, HNode } from './hnode';
import type { ConfigTree } from './types';

/**
 * The running config with the remediation applied, as the device would hold it
 * (PLATFORM-RULES.md, "Predicted config"), level by level:
 * - a line already there: its children are applied to it;
 * - an idempotent line replaces every sibling with its key (last value wins);
 * - `no X` removes `X` (or, when no line is exactly `X`, the lines `X ...`: `no description`);
 * - `default X` removes exactly `X` and `no X` (`default send-community` keeps `send-community extended`);
 * - `X` removes `no X` (`shutdown` over `no shutdown`), and a negate_with text removes the line it undoes;
 * - the line itself stays when it is a line of the intended config (an addition), not when it only
 *   undid something (a negation). For a remediation without that record (read from text), a `no` or
 *   `default` line or a negate_with text stays only if it removed nothing, as hier_config does.
 * And what the device does beyond that (remediation/device/): a cascade removes the lines it wipes
 * (`vrf forwarding`, `no feature bgp`); `default interface X` leaves the port, bare; in an ACL,
 * `no <entry>` removes the entry with that content, entries keep number order, and a renumbering
 * command renumbers; `no access-list N ...` deletes list N whole; a VLAN set line changes the set.
 * Lines are matched by canonical key (issue 9): `no interface Gi1/0/2` removes `interface
 * GigabitEthernet1/0/2`, and a section sent in running's spelling lands on running's section.
 * Never throws; the result is a new tree, the inputs are not changed.
 */
export function predictTree(running: ConfigTree, remediation: ConfigTree): ConfigTree {
  const root = createRootNode();
  for (const c of running.root.children) root.add(deepCopy(c));
  const rules = running.rules;
  const consumed =
    rules.driver.numberedLists.length > 0 ? predictNumberedLists(root, remediation.root, rules) : undefined;
  applyLevel(root, remediation.root, rules, consumed);
  // Line ranges the script split are one range again where their lines agree (as on load).
  for (const prefix of rules.device.rangePrefixes) mergeRanges(root, prefix);
  return { platform: running.platform, root, rules };
}

function applyLevel(target: HNode, changes: HNode, rules: PlatformRules, skip?: ReadonlySet<HNode>): void {
  const level = new Level(target, rules);
  for (const line of changes.children) {
    if (skip?.has(line) === true || level.renumber(line)) continue;
    level.splitRange(line);
    const origin = line.meta?.origin;
    const existing = level.find(line.key);
    const repeatAllowed =
      origin === 'addition' && existing !== undefined && rules.allowsDuplicateChildren(target);
    if (existing !== undefined && !repeatAllowed) {
      if (line.children.length > 0) applyLevel(existing, line, rules);
      continue;
    }
    if (origin === 'context') {
      // The section is not in the running config given: build it from what the remediation adds.
      applyLevel(level.add(new HNode(line.text, line.kind, line.source, line.key)), line, rules);
      continue;
    }
    if (level.applyVlanSet(line)) continue;
    level.applyCascade(line);
    const removed = level.removeWhatItUndoes(line);
    const keep =
      origin === 'addition' ||
      origin === 'both' ||
      (origin === undefined &&
        !(removed.length > 0 && (isUndoing(line.text) || rules.isNegateWithText(line.text))));
    // A line that replaces another takes its place, so the predicted config diffs well against running.
    if (keep) level.add(deepCopy(line), removed[0]);
  }
  level.commit();
}

function isUndoing(text: string): boolean {
  return text.startsWith('no ') || text.startsWith('default ');
}

/** One level of the predicted tree being edited: removals are collected and applied once at the end. */
class Level {
  private readonly doomed = new Set<HNode>();
  /** Removed line → the line that takes its place. */
  private readonly replacedBy = new Map<HNode, HNode>();
  private byKey: Map<string, HNode[]> | undefined;
  private byNegation: Map<string, HNode[]> | undefined;
  /** An ACL: entries match by content and are kept in number order. */
  private readonly sequenced: SequencedRule | undefined;
  /** The section as the device holds it now, for cascades that look at other lines (built on need). */
  private device: DeviceSection | undefined;

  constructor(
    private readonly node: HNode,
    private readonly rules: PlatformRules,
  ) {
    this.sequenced = rules.book.has('sequenced') ? rules.device.sequenced(node) : undefined;
  }

  /** A line range sent in other pieces than running holds: running's ranges are split to match. */
  splitRange(line: HNode): void {
    const prefixes = this.rules.device.rangePrefixes;
    if (this.node.parent !== undefined || prefixes.length === 0) return;
    const text = line.key.startsWith('no ') ? line.key.slice(3) : line.key;
    if (this.find(text) !== undefined) return;
    const prefix = rangePrefix(text, prefixes);
    if (prefix !== undefined) splitFor(this.node, text, prefix);
  }

  /** A VLAN set line: the set it leaves, as one line in place of the old ones. */
  applyVlanSet(line: HNode): boolean {
    if (!this.rules.book.has('vlanSets')) return false;
    const applied = predictVlanLine(line, this.node, (n) => !this.doomed.has(n), this.rules);
    if (applied === undefined) return false;
    for (const r of applied.replaced) this.doomed.add(r);
    if (applied.result !== undefined) this.add(applied.result, applied.replaced[0]);
    return true;
  }

  /** What the device removes when `line` is sent (a cascade). */
  applyCascade(line: HNode): void {
    if (!this.rules.device.hasCascades) return;
    const gone = (n: HNode): boolean => this.doomed.has(n);
    const device = (): DeviceSection => (this.device ??= new DeviceSection(this.node, gone));
    for (const s of wipedBy(line, this.node, this.rules, gone, device)) this.doomed.add(s);
  }

  /**
   * A top-level ACL renumbering command (`ip access-list resequence NAME 10 10`): its list's entries
   * are renumbered in order; the command itself is not configuration.
   */
  renumber(line: HNode): boolean {
    if (this.node.parent !== undefined || !this.rules.book.has('sequenced')) return false;
    for (const rule of this.rules.driver.sequenced) {
      const m = resequencePattern(rule.resequence).exec(line.text);
      if (m === null) continue;
      const name = this.rules.regex(rule.name);
      const list = this.node.children.find((c) => name.exec(c.text)?.[1] === m[1]);
      if (list !== undefined) renumberEntries(list, Number(m[2]), Number(m[3]));
      return true;
    }
    return false;
  }

  /** The first child with this canonical key that is not being removed. */
  find(key: string): HNode | undefined {
    const found = this.node.child(key);
    if (found === undefined || !this.doomed.has(found)) return found;
    return this.node.children.find((c) => c.key === key && !this.doomed.has(c));
  }

  add(child: HNode, inPlaceOf?: HNode): HNode {
    this.node.add(child);
    this.device?.added(child);
    if (inPlaceOf !== undefined && !this.replacedBy.has(inPlaceOf)) this.replacedBy.set(inPlaceOf, child);
    if (this.byKey !== undefined) this.index(this.byKey, this.rules.idempotentKey(child), child);
    return child;
  }

  /** Removes the siblings `line` overwrites or undoes; returns them. */
  removeWhatItUndoes(line: HNode): HNode[] {
    const removed: HNode[] = [];
    const doom = (node: HNode): void => {
      if (this.doomed.has(node)) return;
      this.doomed.add(node);
      removed.push(node);
    };
    // Compared by canonical key; a key keeps the text's `no ` / `default ` prefix (rules/canonical.ts).
    const text = line.key;
    const key = this.rules.idempotentKey(line);
    if (key !== undefined) for (const s of this.withKey(key)) if (s.key !== text) doom(s);
    if (text.startsWith('no ')) {
      const undone = text.slice(3);
      const exact = this.find(undone);
      if (exact !== undefined) doom(exact);
      else if (this.sequenced !== undefined) {
        // `no permit ...` removes the entry with that content; `no 20` the entry numbered 20.
        const entry = entriesOf(this.node).entries.find(
          (e) => !this.doomed.has(e.node) && (e.content === undone || String(e.seq) === undone),
        );
        if (entry !== undefined) doom(entry.node);
      } else
        for (const s of this.node.children)
          if (!this.doomed.has(s) && s.key.startsWith(`${undone} `)) doom(s);
    } else if (text.startsWith('default ')) {
      const undone = text.slice('default '.length);
      for (const t of [undone, `no ${undone}`]) {
        const found = this.find(t);
        if (found === undefined) continue;
        // A physical port stays, reset: the device prints its bare header.
        if (found.children.length > 0 && this.rules.device.printedWhenEmpty(found)) {
          found.setChildren([]);
          removed.push(found);
        } else doom(found);
      }
    } else {
      const negative = this.find(`no ${text}`);
      if (negative !== undefined) doom(negative);
    }
    if (this.rules.isNegateWithText(line.text)) for (const s of this.negatedTo(line.text)) doom(s);
    return removed;
  }

  commit(): void {
    if (this.doomed.size > 0) this.removeDoomed();
    if (this.sequenced !== undefined) this.sortEntries();
  }

  private removeDoomed(): void {
    const moved = new Set(this.replacedBy.values());
    const kept: HNode[] = [];
    for (const c of this.node.children) {
      if (this.doomed.has(c)) {
        const replacement = this.replacedBy.get(c);
        if (replacement !== undefined && !this.doomed.has(replacement)) kept.push(replacement);
      } else if (!moved.has(c)) {
        kept.push(c);
      }
    }
    this.node.setChildren(kept);
  }

  /** The device lists entries by number, whatever order they were sent in. */
  private sortEntries(): void {
    const children = this.node.children;
    const seq = (c: HNode): number => {
      const m = /^(\d+) /.exec(c.text);
      return m === null ? Number.MAX_SAFE_INTEGER : Number(m[1]);
    };
    const order = children.map((c, i) => i).sort((a, b) => seq(children[a]) - seq(children[b]) || a - b);
    if (order.some((k, i) => k !== i)) this.node.setChildren(order.map((k) => children[k]));
  }

  private withKey(key: string): readonly HNode[] {
    if (this.byKey === undefined) {
      this.byKey = new Map();
      for (const c of this.node.children) this.index(this.byKey, this.rules.idempotentKey(c), c);
    }
    return (this.byKey.get(key) ?? []).filter((c) => !this.doomed.has(c));
  }

  /** Siblings whose negation is the fixed text `text` (negate_with). */
  private negatedTo(text: string): readonly HNode[] {
    if (this.byNegation === undefined) {
      this.byNegation = new Map();
      for (const c of this.node.children) this.index(this.byNegation, this.rules.negateWith(c), c);
    }
    return (this.byNegation.get(text) ?? []).filter((c) => !this.doomed.has(c));
  }

  private index(map: Map<string, HNode[]>, key: string | undefined, node: HNode): void {
    if (key === undefined) return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [node]);
    else list.push(node);
  }
}

/** Entries of an ACL renumbered `start`, `start + step`, ... in their order. */
function renumberEntries(list: HNode, start: number, step: number): void {
  let seq = start;
  for (const e of entriesOf(list).entries) {
    e.node.text = `${seq} ${e.content}`;
    // The key keeps its canonical content, renumbered like the text.
    e.node.key = /^\d+ /.test(e.node.key) ? e.node.key.replace(/^\d+ /, `${seq} `) : `${seq} ${e.node.key}`;
    e.node.ruleMemo = undefined;
    seq += step;
  }
  list.setChildren(list.children);
}
