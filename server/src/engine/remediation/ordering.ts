import type { PlatformRules } from '../rules/semantics';
import { itemObjects, touchesObjects } from './dependencies';
import type { HNode } from './hnode';
import { LOCKOUT_RISKS } from './risk';

const LOCKOUT_TAGS: ReadonlySet<string> = new Set([...LOCKOUT_RISKS].map((kind) => `risk:${kind}`));

/**
 * Top-level order of a remediation already sorted by weight and tagged, on top of the weights
 * (PLATFORM-RULES.md item 9):
 * 1. items that carry the operator's access (management address, vty access, aaa) move last, so
 *    that if the session is cut, everything else has been applied;
 * 2. then objects: an item creating an object precedes the items whose new lines use it, and an item
 *    removing an object follows the items that stop using it. A stable topological sort: an item
 *    moves only when a dependency makes it, otherwise the weighted order stands.
 */
export function orderTopLevel(root: HNode, rules: PlatformRules): void {
  const items = root.children;
  if (items.length < 2) return;
  const late = items.map(hasLockoutTag);
  let order = items;
  if (late.some(Boolean)) order = [...items.filter((_, i) => !late[i]), ...items.filter((_, i) => late[i])];
  if (touchesObjects(order, rules)) order = dependencyOrder(order, rules);
  if (order !== items) root.setChildren(order);
}

/** Whether a line of the item carries a lock-out risk tag. */
function hasLockoutTag(item: HNode): boolean {
  if (item.meta !== undefined && item.meta.tags.some((t) => LOCKOUT_TAGS.has(t))) return true;
  return item.children.some(hasLockoutTag);
}

/** Stable sort of the children by their ordering weight; untouched when every weight is 0. */
export function sortByWeight(node: HNode, rules: PlatformRules): void {
  if (node.children.length < 2 || !rules.book.has('ordering')) return;
  const weights = node.children.map((c) => rules.weight(c));
  if (weights.every((w) => w === 0)) return;
  const order = node.children.map((c, i) => i);
  order.sort((a, b) => weights[a] - weights[b] || a - b);
  node.setChildren(order.map((i) => node.children[i]));
}

/** Weights order every level of an added subtree too (it is attached first: rules match by lineage). */
export function sortDeep(node: HNode, rules: PlatformRules): void {
  if (node.children.length === 0) return;
  sortByWeight(node, rules);
  for (const c of node.children) sortDeep(c, rules);
}

function dependencyOrder(items: readonly HNode[], rules: PlatformRules): HNode[] {
  const objects = items.map((item) => itemObjects(item, rules));
  const creators = new Map<string, number[]>();
  const removers = new Map<string, number[]>();
  objects.forEach((o, i) => {
    for (const key of o.creates) push(creators, key, i);
    for (const key of o.removes) push(removers, key, i);
  });
  const after: number[][] = items.map(() => []);
  const indegree = new Array<number>(items.length).fill(0);
  const seen = new Set<number>();
  const edge = (from: number, to: number): void => {
    const id = from * items.length + to;
    if (from === to || seen.has(id)) return;
    seen.add(id);
    after[from].push(to);
    indegree[to]++;
  };
  objects.forEach((o, i) => {
    for (const key of o.uses) for (const c of creators.get(key) ?? []) edge(c, i);
    for (const key of o.releases) for (const r of removers.get(key) ?? []) edge(i, r);
  });
  return stableTopologicalSort(items, after, indegree);
}

/**
 * Kahn's algorithm taking the earliest ready item each time, so the input order holds wherever no
 * edge says otherwise. A cycle (two objects using each other) is broken at its earliest item.
 */
function stableTopologicalSort(items: readonly HNode[], after: number[][], indegree: number[]): HNode[] {
  const ready = new MinHeap();
  indegree.forEach((d, i) => {
    if (d === 0) ready.push(i);
  });
  const done = new Array<boolean>(items.length).fill(false);
  const out: HNode[] = [];
  let scan = 0;
  while (out.length < items.length) {
    let next = ready.pop();
    if (next === undefined) {
      while (done[scan]) scan++;
      next = scan;
    }
    if (done[next]) continue;
    done[next] = true;
    out.push(items[next]);
    for (const j of after[next]) if (--indegree[j] === 0 && !done[j]) ready.push(j);
  }
  return out;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

class MinHeap {
  private readonly heap: number[] = [];

  push(value: number): void {
    const h = this.heap;
    h.push(value);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= h[i]) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  pop(): number | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as number;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l] < h[m]) m = l;
        if (r < h.length && h[r] < h[m]) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
