import type { BannerInfo, CertificateInfo, ConfigNode, NodeKind, Range } from './types';

/** Shared by every leaf, so that 40,000 leaves do not allocate 40,000 empty arrays; replaced on first append. */
const NO_CHILDREN: readonly TreeNode[] = Object.freeze([]) as readonly TreeNode[];

/** Below this many children a linear scan beats building a Map (most sections have a handful of lines). */
const INDEX_THRESHOLD = 8;

/**
 * What few nodes need, kept out of TreeNode so that the common node stays small: a 46,000-line file
 * makes 40,000 nodes, and their size is what the garbage collector copies.
 */
class NodeExtras {
  /** Own last line and its exclusive end column, for nodes that span several lines. */
  lastLine = -1;
  lastColumn = 0;
  duplicateOf: TreeNode | undefined = undefined;
  banner: BannerInfo | undefined = undefined;
  certificate: CertificateInfo | undefined = undefined;
  /** Text → first child with that text; built once a section has INDEX_THRESHOLD children or on lookup. */
  childIndex: Map<string, TreeNode> | undefined = undefined;
  hasDuplicateChildren = false;
  /** The root's: the parsed text, which every node's `raw` is a slice of. */
  source: string | undefined = undefined;
  /**
   * A section read lazily (`parseConfig` with `sections: 'lazy'`): its lines below the header are
   * `source[childrenFrom, childrenTo)`, from line `childrenFromLine`. Kept after they are read, so
   * that two sections can still be compared by their text.
   */
  childrenFrom = -1;
  childrenTo = -1;
  childrenFromLine = -1;
  /** Reads the lines of a lazy section into children on first use; undefined once read. */
  readChildren: ((node: TreeNode) => void) | undefined = undefined;
}

/**
 * The one implementation of ConfigNode. Its fields are few and all set in the constructor, so that V8
 * keeps every node on one hidden class; `raw` and the ranges are computed on demand from the source
 * text, so parsing allocates one object and one string per line. What can be found by walking up
 * (the depth, the source text, which the root holds) is not stored: at 8 bytes a field (Node runs V8
 * without pointer compression), each field is 60 KB per 8,000-line config for the collector to copy.
 */
export class TreeNode implements ConfigNode {
  parent: TreeNode | undefined = undefined;
  /** The children read so far: use `children` (a lazy section reads its lines on first use). */
  kids: readonly TreeNode[] = NO_CHILDREN;
  more: NodeExtras | undefined = undefined;

  constructor(
    readonly kind: NodeKind,
    readonly text: string,
    /** Offset of the node's first line in the parsed text (indentation included). */
    private readonly start: number,
    /** Offset just after its own last line, line break excluded. */
    private readonly end: number,
    readonly line: number,
    readonly column: number,
  ) {}

  /** Root 0, top-level lines 1, ... (counted: few nodes are asked, every node would store it). */
  get depth(): number {
    let depth = 0;
    for (let n = this.parent; n !== undefined; n = n.parent) depth++;
    return depth;
  }

  /** The parsed text, held by the root. */
  private get source(): string {
    if (this.parent === undefined) return this.more?.source ?? '';
    let root = this.parent;
    while (root.parent !== undefined) root = root.parent;
    return root.more?.source ?? '';
  }

  get children(): readonly TreeNode[] {
    const more = this.more;
    if (more !== undefined && more.readChildren !== undefined) {
      const read = more.readChildren;
      more.readChildren = undefined;
      read(this);
    }
    return this.kids;
  }

  /** Whether the node has children, without reading the lines of a lazy section. */
  get hasChildLines(): boolean {
    return this.kids.length > 0 || this.more?.readChildren !== undefined;
  }

  /**
   * Makes this a lazy section: its children are the configuration lines of `source[from, to)`
   * (at least one), read by `read` on first use.
   */
  deferChildren(from: number, fromLine: number, to: number, read: (node: TreeNode) => void): void {
    const more = this.extras();
    more.childrenFrom = from;
    more.childrenTo = to;
    more.childrenFromLine = fromLine;
    more.readChildren = read;
  }

  /** Where a lazy section's lines are: offsets in `source` and the first line's index. */
  get deferredSpan(): { readonly from: number; readonly to: number; readonly fromLine: number } | undefined {
    const more = this.more;
    if (more === undefined || more.childrenFrom < 0) return undefined;
    return { from: more.childrenFrom, to: more.childrenTo, fromLine: more.childrenFromLine };
  }

  /**
   * True when both nodes were read lazily at the same column and the lines below them are the same
   * text, so their subtrees are equal without reading them; undefined when that cannot be told so.
   */
  sameChildTextAs(other: TreeNode): true | undefined {
    const a = this.more;
    const b = other.more;
    if (a === undefined || b === undefined || a.childrenFrom < 0 || b.childrenFrom < 0) return undefined;
    if (this.column !== other.column) return undefined;
    const length = a.childrenTo - a.childrenFrom;
    if (length !== b.childrenTo - b.childrenFrom) return undefined;
    return this.source.slice(a.childrenFrom, a.childrenTo) ===
      other.source.slice(b.childrenFrom, b.childrenTo)
      ? true
      : undefined;
  }

  get raw(): string {
    const raw = this.source.slice(this.start, this.end);
    return this.more === undefined || this.more.lastLine < 0 || raw.indexOf('\r') < 0
      ? raw
      : raw.replace(/\r\n?/g, '\n');
  }

  get lastLine(): number {
    return this.more === undefined || this.more.lastLine < 0 ? this.line : this.more.lastLine;
  }

  /** Exclusive end column of `lastLine`. */
  get lastColumn(): number {
    return this.more === undefined || this.more.lastLine < 0 ? this.end - this.start : this.more.lastColumn;
  }

  get duplicateOf(): TreeNode | undefined {
    return this.more?.duplicateOf;
  }

  get banner(): BannerInfo | undefined {
    return this.more?.banner;
  }

  get certificate(): CertificateInfo | undefined {
    return this.more?.certificate;
  }

  /** The rare fields, created on first use. */
  extras(): NodeExtras {
    return (this.more ??= new NodeExtras());
  }

  /** For nodes that span several lines (banners, certificates) and the root. */
  setLastLine(lastLine: number, lastColumn: number): void {
    const more = this.extras();
    more.lastLine = lastLine;
    more.lastColumn = lastColumn;
  }

  get ownRange(): Range {
    return {
      startLine: this.line,
      startColumn: this.column,
      endLine: this.lastLine,
      endColumn: this.lastColumn,
    };
  }

  get range(): Range {
    let deepest: TreeNode | undefined;
    for (let c = this.children; c.length > 0; c = deepest.children) deepest = c[c.length - 1];
    const last = deepest ?? this;
    const ownLastLine = this.lastLine;
    const ownLastColumn = this.lastColumn;
    const lastLine = last.lastLine;
    const lastColumn = last.lastColumn;
    // The root's own extent is the whole text, which may end after its last node (trailing comments).
    const useLast = lastLine > ownLastLine || (lastLine === ownLastLine && lastColumn > ownLastColumn);
    return {
      startLine: this.line,
      startColumn: this.column,
      endLine: useLast ? lastLine : ownLastLine,
      endColumn: useLast ? lastColumn : ownLastColumn,
    };
  }
}

/** The root of a tree parsed from `source`; its range is set once the text's extent is known. */
export function createRoot(source: string): TreeNode {
  const root = new TreeNode('root', '', 0, 0, 0, 0);
  root.extras().source = source;
  return root;
}

/**
 * Appends `node` as the last child of `parent` and returns the earlier sibling with the same text, if
 * any (the node is still appended: duplicates are kept, and marked through `duplicateOf`).
 */
export function appendChild(parent: TreeNode, node: TreeNode): TreeNode | undefined {
  node.parent = parent;
  const siblings = parent.kids as TreeNode[];
  if (siblings === NO_CHILDREN) {
    parent.kids = [node];
    return undefined;
  }
  let first: TreeNode | undefined;
  const index =
    parent.more?.childIndex ?? (siblings.length >= INDEX_THRESHOLD ? indexChildren(parent) : undefined);
  if (index !== undefined) {
    first = index.get(node.text);
    if (first === undefined) index.set(node.text, node);
  } else {
    for (let i = 0; i < siblings.length; i++) {
      if (siblings[i].text === node.text) {
        first = siblings[i];
        break;
      }
    }
  }
  siblings.push(node);
  if (first !== undefined) {
    node.extras().duplicateOf = first;
    parent.extras().hasDuplicateChildren = true;
  }
  return first;
}

function indexChildren(parent: TreeNode): Map<string, TreeNode> {
  const index = new Map<string, TreeNode>();
  for (const child of parent.children) if (!index.has(child.text)) index.set(child.text, child);
  parent.extras().childIndex = index;
  return index;
}

/** Whether `node` has children, without reading a lazy section's lines (see `sections: 'lazy'`). */
export function hasChildLines(node: ConfigNode): boolean {
  return node instanceof TreeNode ? node.hasChildLines : node.children.length > 0;
}

/** True when the subtrees below `a` and `b` are the same text (both read lazily); else undefined. */
export function sameChildText(a: ConfigNode, b: ConfigNode): true | undefined {
  return a instanceof TreeNode && b instanceof TreeNode ? a.sameChildTextAs(b) : undefined;
}

/** The first child of `node` whose normalised text is `text`. */
export function childByText(node: ConfigNode, text: string): ConfigNode | undefined {
  const parent = node as TreeNode;
  const children = parent.children;
  const index = parent.more?.childIndex;
  if (index === undefined && children.length < INDEX_THRESHOLD) {
    for (let i = 0; i < children.length; i++) if (children[i].text === text) return children[i];
    return undefined;
  }
  return (index ?? indexChildren(parent)).get(text);
}

/** Every child of `node` with that text, in source order (more than one only for duplicates). */
export function childrenByText(node: ConfigNode, text: string): readonly ConfigNode[] {
  const first = childByText(node, text);
  if (first === undefined) return [];
  if ((node as TreeNode).more?.hasDuplicateChildren !== true) return [first];
  return node.children.filter((child) => child.text === text);
}

/** From the top-level ancestor down to `node` itself, as platform rules match them; empty for the root. */
export function lineage(node: ConfigNode): ConfigNode[] {
  const chain: ConfigNode[] = [];
  for (let n: ConfigNode | undefined = node; n !== undefined && n.kind !== 'root'; n = n.parent)
    chain.push(n);
  return chain.reverse();
}

/** Every descendant of `node` (not `node` itself), depth first, in source order. */
export function* descendants(node: ConfigNode): Generator<ConfigNode> {
  const stack: { node: ConfigNode; next: number }[] = [{ node, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.node.children.length) {
      stack.pop();
      continue;
    }
    const child = top.node.children[top.next++];
    yield child;
    if (child.children.length > 0) stack.push({ node: child, next: 0 });
  }
}

/**
 * The deepest node whose section covers `line` (a line inside a banner or certificate gives that
 * node), or undefined for a line outside every top-level section.
 */
export function nodeAtLine(root: ConfigNode, line: number): ConfigNode | undefined {
  let found: ConfigNode | undefined;
  let children = root.children;
  for (;;) {
    // Children are in line order: binary search the last one starting at or before `line`.
    let lo = 0;
    let hi = children.length - 1;
    let candidate = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (children[mid].line <= line) {
        candidate = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (candidate < 0) return found;
    const child = children[candidate];
    if (child.range.endLine < line) return found;
    found = child;
    if (line <= child.lastLine) return found;
    children = child.children;
  }
}
