import type { PlatformRules } from '../rules/semantics';
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
 * Lines are matched by canonical key (issue 9): `no interface Gi1/0/2` removes `interface
 * GigabitEthernet1/0/2`, and a section sent in running's spelling lands on running's section.
 * Never throws; the result is a new tree, the inputs are not changed.
 */
export function predictTree(running: ConfigTree, remediation: ConfigTree): ConfigTree {
  const root = createRootNode();
  for (const c of running.root.children) root.add(deepCopy(c));
  applyLevel(root, remediation.root, running.rules);
  return { platform: running.platform, root, rules: running.rules };
}

function applyLevel(target: HNode, changes: HNode, rules: PlatformRules): void {
  const level = new Level(target, rules);
  for (const line of changes.children) {
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

  constructor(
    private readonly node: HNode,
    private readonly rules: PlatformRules,
  ) {}

  /** The first child with this key that is not being removed. */
  find(key: string): HNode | undefined {
    const found = this.node.child(key);
    if (found === undefined || !this.doomed.has(found)) return found;
    return this.node.children.find((c) => c.key === key && !this.doomed.has(c));
  }

  add(child: HNode, inPlaceOf?: HNode): HNode {
    this.node.add(child);
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
      else
        for (const s of this.node.children)
          if (!this.doomed.has(s) && s.key.startsWith(`${undone} `)) doom(s);
    } else if (text.startsWith('default ')) {
      const undone = text.slice('default '.length);
      for (const t of [undone, `no ${undone}`]) {
        const found = this.find(t);
        if (found !== undefined) doom(found);
      }
    } else {
      const negative = this.find(`no ${text}`);
      if (negative !== undefined) doom(negative);
    }
    if (this.rules.isNegateWithText(line.text)) for (const s of this.negatedTo(line.text)) doom(s);
    return removed;
  }

  commit(): void {
    if (this.doomed.size === 0) return;
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
