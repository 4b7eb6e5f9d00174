import type { PlatformRules } from '../rules/semantics';
import { createRootNode, HNode, NO_TAGS, sameSubtree } from './hnode';
import { orderTopLevel, sortByWeight } from './ordering';
import { annotate } from './annotate';
import type { ConfigTree, RemediationTree } from './types';

/**
 * The commands that turn `running` into `intended` (PLATFORM-RULES.md, "Remediation"), per level:
 * 1. negations, in running order: a running line the intended config lacks is negated (a section by
 *    its header), unless an intended line with the same idempotency key will overwrite it;
 * 2. additions, in intended order: a section on both sides is recursed into (its header emitted only
 *    when something below changed), a line running lacks is added with its subtree, unless the
 *    negation pass already emitted that very text (running `shutdown`, intended `no shutdown`);
 * 3. siblings sorted by weight (stable); lines tagged; at the top level, dependency-aware order on top.
 * Rollback is the same with the two configs swapped.
 */
export function remediateTrees(running: ConfigTree, intended: ConfigTree): RemediationTree {
  const rules = intended.rules;
  const root = createRootNode();
  remediateLevel(running.root, intended.root, new Output(root), rules);
  const tree = { platform: intended.platform, root, rules };
  const risks = annotate(tree);
  orderTopLevel(root, rules);
  return { ...tree, risks };
}

/**
 * Where a level's commands go: the section header is created (and attached, since rules match by
 * lineage) on the first command below it, so the 90% of sections that did not change cost nothing.
 * The header is spelled as running has it (issue 9: `interface GigabitEthernet1/0/1` when the
 * intended config says `interface Gi1/0/1`): the device's own name for what it already has.
 */
class Output {
  constructor(
    private node: HNode | undefined,
    private readonly parent?: Output,
    private readonly intended?: HNode,
    private readonly running?: HNode,
  ) {}

  get exists(): boolean {
    return this.node !== undefined;
  }

  get(): HNode {
    if (this.node === undefined) {
      const c = this.intended as HNode;
      // Spelled as running has it; its line number stays the intended file's (where the user edits).
      const spelled = this.running ?? c;
      const section = (this.parent as Output).get().add(new HNode(spelled.text, c.kind, c.source, c.key));
      section.meta = { origin: 'context', running: this.running, tags: NO_TAGS };
      this.node = section;
    }
    return this.node;
  }

  /** An emitted child with this key, if any. */
  child(key: string): HNode | undefined {
    return this.node?.child(key);
  }
}

function remediateLevel(run: HNode, int: HNode, out: Output, rules: PlatformRules): void {
  const pairing = run.hasDuplicates || int.hasDuplicates ? new Pairing(run, int) : undefined;
  // Idempotency keys of the intended lines that running lacks: the lines that will overwrite.
  let overwriters: Map<string, HNode> | undefined;
  let overwritten: Map<string, HNode[]> | undefined;

  const runChildren = run.children;
  const intCursor = new Cursor(int);
  for (let i = 0; i < runChildren.length; i++) {
    const r = runChildren[i];
    if ((pairing === undefined ? intCursor.find(r.key) : pairing.intendedOf(i)) !== undefined) continue;
    const key = rules.idempotentKey(r);
    if (key !== undefined) {
      overwriters ??= newLinesByKey(run, int, pairing, rules);
      if (overwriters.has(key)) {
        overwritten ??= new Map();
        const list = overwritten.get(key);
        if (list === undefined) overwritten.set(key, [r]);
        else list.push(r);
        continue;
      }
    }
    // The negation of running's line, in running's spelling (`no interface GigabitEthernet1/0/2`).
    const text = rules.negate(r);
    const textKey = text === r.text ? r.key : rules.canonicalKey(text);
    if (out.child(textKey) !== undefined) continue;
    const negation = out.get().add(new HNode(text, 'line', r.source, textKey));
    negation.meta = { origin: 'negation', negated: r, tags: NO_TAGS };
  }

  const intChildren = int.children;
  const runCursor = new Cursor(run);
  for (let i = 0; i < intChildren.length; i++) {
    const c = intChildren[i];
    const r = pairing === undefined ? runCursor.find(c.key) : pairing.runningOf(i);
    if (r !== undefined) {
      if (!sameSubtree(r, c)) remediateLevel(r, c, new Output(undefined, out, c, r), rules);
      continue;
    }
    const negated = out.child(c.key);
    if (negated?.meta?.origin === 'negation') {
      // The negation pass already sends this text: it is both (`shutdown` over `no shutdown`).
      negated.meta.origin = 'both';
      for (const grandchild of c.children) negated.add(copyAsAddition(grandchild));
      sortDeep(negated, rules);
      continue;
    }
    const added = out.get().add(copyAsAddition(c));
    sortDeep(added, rules);
    if (overwritten !== undefined && added.meta !== undefined) {
      const key = rules.idempotentKey(c);
      const replaced = key === undefined ? undefined : overwritten.get(key);
      if (replaced !== undefined) added.meta.replaces = replaced;
    }
  }

  if (out.exists) sortByWeight(out.get(), rules);
}

/**
 * Finds children by key for a caller walking the other side in order: both sides are mostly in the
 * same order, so the next child (or the one after, past an inserted line) is usually it, and the
 * index is consulted only when not.
 */
class Cursor {
  private next = 0;

  constructor(private readonly parent: HNode) {}

  find(key: string): HNode | undefined {
    const children = this.parent.children;
    for (let k = this.next; k < this.next + 2 && k < children.length; k++) {
      if (children[k].key === key) {
        this.next = k + 1;
        return children[k];
      }
    }
    return this.parent.child(key);
  }
}

/** Intended lines absent from running, by idempotency key (first wins). */
function newLinesByKey(
  run: HNode,
  int: HNode,
  pairing: Pairing | undefined,
  rules: PlatformRules,
): Map<string, HNode> {
  const byKey = new Map<string, HNode>();
  int.children.forEach((c, i) => {
    if ((pairing === undefined ? run.child(c.key) : pairing.runningOf(i)) !== undefined) return;
    const key = rules.idempotentKey(c);
    if (key !== undefined && !byKey.has(key)) byKey.set(key, c);
  });
  return byKey;
}

function copyAsAddition(node: HNode): HNode {
  const copy = new HNode(node.text, node.kind, node.source, node.key);
  copy.meta = { origin: 'addition', tags: NO_TAGS };
  for (const c of node.children) copy.add(copyAsAddition(c));
  return copy;
}

/** Weights order every level of an added subtree too (it is attached first: rules match by lineage). */
function sortDeep(node: HNode, rules: PlatformRules): void {
  if (node.children.length === 0) return;
  sortByWeight(node, rules);
  for (const c of node.children) sortDeep(c, rules);
}

/**
 * Which running child is which intended child. Lines pair by key; where a parent keeps repeated
 * lines (EIGRP named mode), the k-th repeat pairs with the k-th repeat on the other side.
 */
class Pairing {
  private runIds: string[] | undefined;
  private intIds: string[] | undefined;
  private runById: Map<string, HNode> | undefined;
  private intById: Map<string, HNode> | undefined;

  constructor(
    private readonly run: HNode,
    private readonly int: HNode,
  ) {}

  intendedOf(runIndex: number): HNode | undefined {
    this.intById ??= byIdentity(this.int, (this.intIds = identities(this.int)));
    this.runIds ??= identities(this.run);
    return this.intById.get(this.runIds[runIndex]);
  }

  runningOf(intIndex: number): HNode | undefined {
    this.runById ??= byIdentity(this.run, (this.runIds ??= identities(this.run)));
    this.intIds ??= identities(this.int);
    return this.runById.get(this.intIds[intIndex]);
  }
}

/** Each child's key, with the occurrence number appended to repeats. */
function identities(parent: HNode): string[] {
  const seen = new Map<string, number>();
  return parent.children.map((c) => {
    const n = seen.get(c.key) ?? 0;
    seen.set(c.key, n + 1);
    return n === 0 ? c.key : `${c.key}\u0000${n}`;
  });
}

function byIdentity(parent: HNode, ids: string[]): Map<string, HNode> {
  const map = new Map<string, HNode>();
  parent.children.forEach((c, i) => map.set(ids[i], c));
  return map;
}
