import { sameSubtree, type HNode } from './hnode';
import type { ConfigTree, Difference } from './types';

/**
 * How `predicted` differs from `intended` as hierarchies: the same lines (by canonical key, so
 * `Gi1/0/1` against `GigabitEthernet1/0/1` is no drift) under the same parents, sibling order aside
 * (order is not a change, PLATFORM-RULES.md). A missing or unexpected section is reported once, by its
 * header. Empty when the remediation is complete.
 */
export function verifyTrees(predicted: ConfigTree, intended: ConfigTree): Difference[] {
  const out: Difference[] = [];
  compareLevel(predicted.root, intended.root, [], out);
  return out;
}

/** Whether two trees hold the same lines under the same parents. */
export function sameTree(a: ConfigTree, b: ConfigTree): boolean {
  return verifyTrees(a, b).length === 0;
}

function compareLevel(predicted: HNode, intended: HNode, path: string[], out: Difference[]): void {
  if (!predicted.hasDuplicates && !intended.hasDuplicates) {
    compareUniqueLevel(predicted, intended, path, out);
    return;
  }
  const predictedIds = occurrences(predicted);
  const intendedIds = occurrences(intended);
  intended.children.forEach((c, i) => {
    const twin = predictedIds.byId.get(intendedIds.ids[i]);
    if (twin === undefined) {
      out.push({ kind: 'missing', path: [...path, c.text], line: c.line });
    } else if (!sameSubtree(twin, c)) {
      compareLevel(twin, c, [...path, c.text], out);
    }
  });
  predicted.children.forEach((c, i) => {
    if (!intendedIds.byId.has(predictedIds.ids[i]))
      out.push({ kind: 'unexpected', path: [...path, c.text], line: c.line });
  });
}

/** The common case: no repeated lines on either side, so each side's index pairs them. */
function compareUniqueLevel(predicted: HNode, intended: HNode, path: string[], out: Difference[]): void {
  for (const c of intended.children) {
    const twin = predicted.child(c.key);
    if (twin === undefined) out.push({ kind: 'missing', path: [...path, c.text], line: c.line });
    else if (!sameSubtree(twin, c)) compareLevel(twin, c, [...path, c.text], out);
  }
  for (const c of predicted.children) {
    if (intended.child(c.key) === undefined)
      out.push({ kind: 'unexpected', path: [...path, c.text], line: c.line });
  }
}

/** Children by key, with an occurrence number for repeats so that two copies need two copies. */
function occurrences(parent: HNode): { ids: string[]; byId: Map<string, HNode> } {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const byId = new Map<string, HNode>();
  for (const c of parent.children) {
    const n = seen.get(c.key) ?? 0;
    seen.set(c.key, n + 1);
    const id = n === 0 ? c.key : `${c.key}\u0000${n}`;
    ids.push(id);
    byId.set(id, c);
  }
  return { ids, byId };
}
