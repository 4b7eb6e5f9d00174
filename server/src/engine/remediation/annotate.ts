import { HNode, NO_TAGS, walk } from './hnode';
import { lineRisks, RISK_MESSAGES } from './risk';
import type { ChangeScore, ConfigTree, Risk } from './types';

/** Tags a user can filter remediation lines by. `risk:<kind>` tags come from the risk rules. */
export type Tag = 'negation' | 'addition' | 'idempotent-overwrite' | 'context' | 'safe' | `risk:${string}`;

/**
 * Sets the tags of every remediation line and returns the risks found: `negation`, `addition` (both
 * for `no shutdown` over `shutdown`), `idempotent-overwrite` for a line that replaces the old value,
 * `context` for a section header sent only to reach the lines below, `risk:<kind>` for a line that can
 * cut the operator off, `safe` for any other line.
 */
export function annotate(remediation: ConfigTree): Risk[] {
  const risks: Risk[] = [];
  for (const node of walk(remediation.root)) {
    const meta = (node.meta ??= { origin: 'addition', tags: NO_TAGS });
    const tags: string[] = [];
    if (meta.origin === 'negation' || meta.origin === 'both') tags.push('negation');
    if (meta.origin === 'addition' || meta.origin === 'both') tags.push('addition');
    if (meta.replaces !== undefined) tags.push('idempotent-overwrite');
    if (meta.origin === 'context') tags.push('context');
    const kinds = lineRisks(node, remediation.rules);
    for (const kind of kinds) {
      tags.push(`risk:${kind}`);
      risks.push({ kind, path: node.path(), message: `\`${node.text}\` ${RISK_MESSAGES[kind]}.` });
    }
    if (kinds.length === 0 && meta.origin !== 'context') tags.push('safe');
    meta.tags = tags;
  }
  return risks;
}

/** Top-level 3, second level 2, deeper 1. */
function depthWeight(depth: number): number {
  return depth <= 1 ? 3 : depth === 2 ? 2 : 1;
}

/**
 * Lines added, removed and changed by a remediation (ChangeScore). A negated section counts itself
 * and every descendant it takes with it (item 10); an overwrite, or `no shutdown` over `shutdown`, is
 * one changed line.
 */
export function changeScore(remediation: ConfigTree): ChangeScore {
  let added = 0;
  let removed = 0;
  let changed = 0;
  let score = 0;
  for (const node of walk(remediation.root)) {
    const meta = node.meta;
    if (meta === undefined || meta.origin === 'context') continue;
    if (meta.origin === 'both' || meta.replaces !== undefined) {
      changed++;
      score += depthWeight(node.depth);
    } else if (meta.origin === 'addition') {
      added++;
      score += depthWeight(node.depth);
    } else if (meta.negated !== undefined) {
      const weights = { count: 0, score: 0 };
      countSubtree(meta.negated, node.depth, weights);
      // A cascade's lines (`no feature bgp` takes `router bgp` with it) are removed by this line too.
      for (const absorbed of meta.absorbs ?? []) countSubtree(absorbed, absorbed.depth, weights);
      removed += weights.count;
      score += weights.score;
    } else {
      removed++;
      score += depthWeight(node.depth);
    }
  }
  return { added, removed, changed, score };
}

function countSubtree(node: HNode, depth: number, into: { count: number; score: number }): void {
  into.count++;
  into.score += depthWeight(depth);
  for (const c of node.children) countSubtree(c, depth + 1, into);
}

/**
 * How many lines a negation removes: the running line and all its descendants (item 10), and the
 * lines its cascade takes with it; 0 otherwise.
 */
export function removedLineCount(node: HNode): number {
  const negated = node.meta?.negated;
  if (negated === undefined) return 0;
  let count = 1 + negated.descendantCount();
  for (const absorbed of node.meta?.absorbs ?? []) count += 1 + absorbed.descendantCount();
  return count;
}

/**
 * The remediation restricted to lines for which `keep` holds, with the section headers above them
 * (a filter such as "only safe lines" still yields a script a device accepts).
 */
export function selectLines(remediation: ConfigTree, keep: (node: HNode) => boolean): ConfigTree {
  const root = copyMatching(remediation.root, keep);
  return { platform: remediation.platform, root, rules: remediation.rules };
}

function copyMatching(node: HNode, keep: (node: HNode) => boolean): HNode {
  const copy = new HNode(node.text, node.kind, node.source, node.key);
  copy.meta = node.meta;
  for (const c of node.children) {
    const sub = copyMatching(c, keep);
    if (sub.children.length > 0 || (c.meta?.origin !== 'context' && keep(c))) copy.add(sub);
  }
  return copy;
}
