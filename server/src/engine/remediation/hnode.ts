import { sameChildText } from '../model/configNode';
import type { ConfigNode, NodeKind } from '../model/types';

/** Below this many children a linear scan beats building a Map (most sections have a handful of lines). */
const INDEX_THRESHOLD = 8;

/** Shared by every leaf, so that 40,000 leaves do not allocate 40,000 empty arrays; replaced on first add. */
const NO_CHILDREN: readonly HNode[] = Object.freeze([]) as readonly HNode[];

/** Tags before the annotation pass: shared, so that emitting a line allocates no array for them. */
export const NO_TAGS: readonly string[] = Object.freeze([]) as readonly string[];

/** How a remediation line came to be: it drives tags, the change score and the predicted config. */
export type Origin =
  /** The negation of a running line that the intended config does not have. */
  | 'negation'
  /** A line of the intended config that running lacks. */
  | 'addition'
  /** Both at once: running `shutdown`, intended `no shutdown` gives one `no shutdown`. */
  | 'both'
  /** A section header present on both sides, emitted because something below it changed. */
  | 'context';

/** What the remediation computation records on the lines it emits. */
export interface ChangeMeta {
  origin: Origin;
  /** For a negation: the running line it undoes (its subtree is what the device loses). */
  negated?: HNode;
  /** For a section on both sides (`context`): its running counterpart. */
  running?: HNode;
  /** For an addition that overwrites an idempotent setting: the running line(s) it replaces. */
  replaces?: HNode[];
  /**
   * For a line whose sending removes other lines on the device (a cascade: `no feature bgp`,
   * `no neighbor X remote-as N`): the running lines it takes with it, whose negations are not sent.
   */
  absorbs?: HNode[];
  /** Filled by the annotation pass: `negation`, `addition`, `risk:...`, `safe`, ... */
  tags: readonly string[];
}

/**
 * Builds a loaded node's children on first use. Loading is lazy: a section whose lines are never
 * looked at (most of them, when two configs are compared) is never copied.
 */
export interface PendingChildren {
  fill(node: HNode): void;
}

/**
 * A node of the engine's own tree, built from the parser's ConfigNode tree and normalised per
 * platform. The parser's values are never mutated: loading copies into these (lazily, see
 * PendingChildren), keeping a reference to the source node for diagnostics. Remediation, rollback and
 * the predicted config are trees of these too.
 */
export class HNode {
  parent: HNode | undefined = undefined;
  private kids: readonly HNode[] = NO_CHILDREN;
  /** Set while the children are still only in `source` (see PendingChildren). */
  private pending: PendingChildren | undefined = undefined;
  depth = 0;
  /** Key → first child with it; built on the first lookup in a large section, then kept up to date. */
  private index: Map<string, HNode> | undefined = undefined;
  /** Whether some children repeat a sibling's key: unknown until asked (or the index is built). */
  private duplicates: boolean | undefined = false;
  /** Memoised rule matches (owned by the rule book that computed them). */
  ruleMemo: unknown = undefined;
  meta: ChangeMeta | undefined = undefined;

  constructor(
    /** The line as written: what a script or config prints. */
    public text: string,
    readonly kind: NodeKind = 'line',
    /** The parsed line this node came from (through copies), for line numbers in diagnostics. */
    readonly source: ConfigNode | undefined = undefined,
    /**
     * What the line is compared by: its canonical form (`interface Gi1/0/1` and `interface
     * GigabitEthernet1/0/1` share one, see rules/canonical.ts), set by the loader; the text itself for
     * lines that have only one spelling. Siblings are found, paired and merged by key; scripts print text.
     */
    public key: string = text,
  ) {}

  /** In order; change them through add / setChildren / removeChildren only. */
  get children(): readonly HNode[] {
    if (this.pending !== undefined) this.materialise();
    return this.kids;
  }

  /** Whether the children are still only in the source: then they are its lines, normalised. */
  get isPending(): boolean {
    return this.pending !== undefined;
  }

  /** Defers building the children (a loader calls this on a node with none yet). */
  defer(pending: PendingChildren): void {
    this.pending = pending;
  }

  private materialise(): void {
    const pending = this.pending as PendingChildren;
    this.pending = undefined;
    pending.fill(this);
  }

  /** Appends `child` (detached or freshly made) and returns it. */
  add(child: HNode): HNode {
    if (this.pending !== undefined) this.materialise();
    child.parent = this;
    child.depth = this.depth + 1;
    if (this.kids === NO_CHILDREN) {
      this.kids = [child];
      return child;
    }
    (this.kids as HNode[]).push(child);
    if (this.index !== undefined) {
      if (this.index.has(child.key)) this.duplicates = true;
      else this.index.set(child.key, child);
    } else if (this.duplicates === false) {
      this.duplicates = undefined;
    }
    return child;
  }

  /** Some children repeat a sibling's key (kept only where the platform allows it). */
  get hasDuplicates(): boolean {
    if (this.pending !== undefined) this.materialise();
    if (this.duplicates === undefined) {
      if (this.children.length >= INDEX_THRESHOLD) this.buildIndex();
      else this.duplicates = this.scanForDuplicates();
    }
    return this.duplicates as boolean;
  }

  /** The first child with exactly this key (a line's canonical form; see `key`). */
  child(key: string): HNode | undefined {
    const children = this.children;
    if (this.index === undefined) {
      if (children.length < INDEX_THRESHOLD) {
        for (let i = 0; i < children.length; i++) if (children[i].key === key) return children[i];
        return undefined;
      }
      this.buildIndex();
    }
    return (this.index as Map<string, HNode>).get(key);
  }

  /** Replaces the children wholesale (after a filter or a merge). */
  setChildren(children: readonly HNode[]): void {
    this.pending = undefined;
    this.kids = NO_CHILDREN;
    this.index = undefined;
    this.duplicates = false;
    for (const c of children) this.add(c);
  }

  /** Removes the given children (by identity). */
  removeChildren(doomed: ReadonlySet<HNode>): void {
    if (doomed.size === 0) return;
    this.setChildren(this.children.filter((c) => !doomed.has(c)));
  }

  /** Removes the last child (a section that turned out to need nothing). */
  removeLastChild(): void {
    if (this.children.length === 0) return;
    const last = (this.kids as HNode[]).pop() as HNode;
    last.parent = undefined;
    if (this.index !== undefined && this.index.get(last.key) === last) this.index.delete(last.key);
  }

  private scanForDuplicates(): boolean {
    const children = this.children;
    for (let i = 1; i < children.length; i++) {
      for (let j = 0; j < i; j++) if (children[j].key === children[i].key) return true;
    }
    return false;
  }

  private buildIndex(): void {
    const index = new Map<string, HNode>();
    let duplicates = false;
    for (const c of this.children) {
      if (index.has(c.key)) duplicates = true;
      else index.set(c.key, c);
    }
    this.index = index;
    this.duplicates = duplicates;
  }

  /**
   * A detached copy of this node and its subtree (metadata not copied). A part still pending stays
   * pending in the copy, built from the same parsed lines when first used: copying a 40,000-line
   * config to predict a 10-line change copies its top level only.
   */
  copy(): HNode {
    const copy = new HNode(this.text, this.kind, this.source, this.key);
    if (this.pending !== undefined) {
      copy.pending = this.pending;
      return copy;
    }
    for (const c of this.kids) copy.add(c.copy());
    return copy;
  }

  /** Lines in the subtree below this node (not counting itself). */
  descendantCount(): number {
    let count = 0;
    for (const c of this.children) count += 1 + c.descendantCount();
    return count;
  }

  /** The source line (0-based) of this node or, for a synthetic node, of its nearest sourced ancestor. */
  get line(): number | undefined {
    if (this.source !== undefined) return this.source.line;
    return this.parent?.line;
  }

  /** Texts from the top-level ancestor down to this node. */
  path(): string[] {
    const texts = [this.text];
    for (let n = this.parent; n !== undefined && n.parent !== undefined; n = n.parent) texts.push(n.text);
    return texts.reverse();
  }
}

/** A detached copy of `node` and its subtree (metadata not copied). */
export function deepCopy(node: HNode): HNode {
  return node.copy();
}

/**
 * Same lines (by key) in the same order all the way down. Two sections still pending (not yet copied
 * from their parsed lines) are compared on those lines first: normalising depends only on the lineage
 * and the lines, so equal parsed lines normalise alike (both trees loaded with the same rules); lines
 * that differ only in spelling are then compared by key once copied.
 */
export function sameSubtree(a: HNode, b: HNode): boolean {
  if (a.isPending && b.isPending && a.source !== undefined && b.source !== undefined) {
    if (sameSource(a.source, b.source)) return true;
  }
  const x = a.children;
  const y = b.children;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i].key !== y[i].key || !sameSubtree(x[i], y[i])) return false;
  }
  return true;
}

function sameSource(a: ConfigNode, b: ConfigNode): boolean {
  // Two sections of lazily parsed configs with the same text below them: equal without reading them.
  if (sameChildText(a, b) === true) return true;
  const x = a.children;
  const y = b.children;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i].text !== y[i].text || !sameSource(x[i], y[i])) return false;
  }
  return true;
}

/** The root of an empty tree. */
export function createRootNode(): HNode {
  return new HNode('', 'root');
}

/** Every node below `root`, depth first, in order. */
export function* walk(root: HNode): Generator<HNode> {
  const stack: HNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HNode;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
