import type { PlatformRules } from '../rules/semantics';
import { createRootNode, HNode, NO_TAGS, sameSubtree } from './hnode';
import { orderTopLevel, sortByWeight, sortDeep } from './ordering';
import { annotate } from './annotate';
import { applyCascades } from './device/cascade';
import { overlapsAny, piecesOf, rangePrefix } from './device/lineRanges';
import { isNumberedLine, remediateNumberedLists } from './device/numberedLists';
import { maskedLines, maskedTwin, secretFinding, secretState, type SecretState } from './device/secrets';
import { remediateSequenced } from './device/sequenced';
import { remediateSetLinesAsLines, remediateVlanSets } from './device/vlanSets';
import { placeAfterReplacements } from './device/addBeforeRemove';
import type { ConfigTree, RemediationTree, Risk } from './types';

/**
 * The commands that turn `running` into `intended` (PLATFORM-RULES.md, "Remediation"), per level:
 * 1. negations, in running order: a running line the intended config lacks is negated (a section by
 *    its header), unless an intended line with the same idempotency key will overwrite it;
 * 2. additions, in intended order: a section on both sides is recursed into (its header emitted only
 *    when something below changed), a line running lacks is added with its subtree, unless the
 *    negation pass already emitted that very text (running `shutdown`, intended `no shutdown`);
 * 3. siblings sorted by weight (stable); lines tagged; at the top level, dependency-aware order on top.
 * Rollback is the same with the two configs swapped.
 *
 * Device behaviour beyond hier_config (remediation/device/) takes part at each level: sequenced
 * sections (ACLs) and numbered lists are compared entry by entry, VLAN sets as sets; printed
 * defaults the intended config omits are kept; lines differing only by a secret are neither drift nor
 * sent (a `secret` finding); cascades drop the negations the device makes for itself and send again
 * what it removes; lock-out lines are negated after the additions.
 */
export function remediateTrees(
  running: ConfigTree,
  intended: ConfigTree,
  options: RemediateOptions = {},
): RemediationTree {
  const rules = intended.rules;
  const root = createRootNode();
  const findings: Risk[] = [];
  const ctx = { findings, rollback: options.rollback === true };
  remediateLevel(running.root, intended.root, new Output(root), rules, ctx);
  const tree = { platform: intended.platform, root, rules };
  const risks = annotate(tree);
  orderTopLevel(root, rules);
  return { ...tree, risks: findings.length === 0 ? risks : [...risks, ...findings] };
}

export interface RemediateOptions {
  /**
   * The "running" side is the intended file of a remediation being rolled back, not the device: where
   * the remediation put new ACL entries at numbers of its own, the file's numbers are not the device's,
   * so a rollback that adds entries renumbers the list first; and a printed default the remediation
   * kept (absent means keep) is still on the device, so the rollback does not send it again.
   */
  readonly rollback?: boolean;
}

interface Context {
  readonly findings: Risk[];
  /** Computing a rollback: "running" is the intended file (see RemediateOptions). */
  readonly rollback: boolean;
}

/** An empty section: what a section that cannot be removed is compared with when it is reset. */
const NOTHING = new HNode('');

/**
 * Where a level's commands go: the section header is created (and attached, since rules match by
 * lineage) on the first command below it, so the 90% of sections that did not change cost nothing.
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
      // Spelled as running has it (issue 9: `interface GigabitEthernet1/0/1` when the intended config
      // says `interface Gi1/0/1`); its line number stays the intended file's (where the user edits).
      // Only when it is the same line (a range sent in pieces has its own header, not running's range).
      const spelled = this.running !== undefined && this.running.key === c.key ? this.running : c;
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

  /** Puts a line right before this section in its parent (the renumbering of an ACL). */
  before(text: string): void {
    const section = this.get();
    const parent = section.parent as HNode;
    const line = new HNode(text, 'line');
    line.meta = { origin: 'addition', tags: NO_TAGS };
    parent.setChildren(parent.children.flatMap((c) => (c === section ? [line, c] : [c])));
  }
}

function remediateLevel(run: HNode, int: HNode, out: Output, rules: PlatformRules, ctx: Context): void {
  const device = rules.device;
  const bits = device.bits;
  const sequenced = rules.book.has('sequenced') ? device.sequenced(int) : undefined;
  if (sequenced !== undefined) {
    const before = (text: string): void => out.before(text);
    remediateSequenced(run, int, sequenced, () => out.get(), before, rules, ctx.rollback);
    if (out.exists) sortByWeight(out.get(), rules);
    return;
  }
  const numbered = run.kind === 'root' && rules.driver.numberedLists.length > 0;
  /** A numbered ACL line on either side: the lists are compared as lists after the line passes. */
  let lists = false;
  const ranges = run.kind === 'root' && device.rangePrefixes.length > 0 ? device.rangePrefixes : undefined;
  const hasSets = rules.book.has('vlanSets');
  /** Set lines seen unmatched: the section's sets are compared as sets after the line passes. */
  let sets = false;
  /** Negations that lock out when sent before their replacement: moved after the additions. */
  let late: HNode[] | undefined;
  /** Intended lines found equal but for a secret to a running line: neither sent nor negated. */
  let twins: Set<HNode> | undefined;
  /** Lines left to a device hook (numbered ACL lines, VLAN set lines); false for a plain line. */
  const deferred = (node: HNode): boolean => {
    if (numbered && isNumberedLine(node.text, rules)) return true;
    if (hasSets && device.vlanSet(node) !== undefined) return (sets = true);
    return false;
  };
  /** The other side's masked lines, found once per level when first needed. */
  let maskedInt: HNode[] | undefined;
  /** Whether `r` differs from an intended line only by a secret (either side may hold the mask). */
  const secretOf = (r: HNode, kinds: number): SecretState | undefined => {
    const own =
      (kinds & bits.secret) !== 0 || device.mayBeMasked(r.text) ? secretState(r, int, rules) : undefined;
    if (own !== undefined || device.maskedTokens.length === 0) return own;
    maskedInt ??= maskedLines(int, rules);
    const twin = maskedInt.length === 0 ? undefined : maskedTwin(r, maskedInt, rules);
    return twin === undefined ? undefined : { kind: 'twin', twin };
  };
  let setsDone = false;
  const setsHook = (): true => {
    // A set line the model does not know (`vlan except`...): the lines are compared as lines.
    if (!remediateVlanSets(run, int, () => out.get(), rules))
      remediateSetLinesAsLines(run, int, () => out.get(), rules);
    return true;
  };
  const pairing = run.hasDuplicates || int.hasDuplicates ? new Pairing(run, int) : undefined;
  // Idempotency keys of the intended lines that running lacks: the lines that will overwrite.
  let overwriters: Map<string, HNode> | undefined;
  let overwritten: Map<string, HNode[]> | undefined;

  const runChildren = run.children;
  const intCursor = new Cursor(int);
  for (let i = 0; i < runChildren.length; i++) {
    const r = runChildren[i];
    if (numbered && !lists) lists = r.text.startsWith('access-list ');
    if ((pairing === undefined ? intCursor.find(r.key) : pairing.intendedOf(i)) !== undefined) continue;
    if (deferred(r)) continue;
    // A line range the intended config configures in other pieces: the addition pass pairs them.
    const family = ranges === undefined ? undefined : rangePrefix(r.text, ranges);
    if (family !== undefined && overlapsAny(r.text, family, int)) {
      // Its lines no intended range names are removed (lines 0-4, which always exist, reset).
      for (const piece of piecesOf(r.text, family, int)) {
        if (piece.running !== undefined) continue;
        const header = new HNode(piece.text, r.kind, r.source);
        if (piece.text.startsWith(`${family}0`) && device.resetsChildren(r)) {
          remediateLevel(r, NOTHING, new Output(undefined, out, header, r), rules, ctx);
        } else {
          const negation = out.get().add(new HNode(`no ${piece.text}`, 'line', r.source));
          negation.meta = { origin: 'negation', negated: r, tags: NO_TAGS };
        }
      }
      continue;
    }
    const kinds = rules.book.kindsOf(r);
    if ((kinds & bits.printed) !== 0) {
      // Absent means keep: a default the device prints (NX-OS `no shutdown`, VLAN 1), unless the
      // intended config says the opposite (`shutdown`), which the addition pass then sends.
      if (device.printedDefault(r) && int.child(rules.canonicalKey(rules.negate(r))) === undefined) continue;
      // A section that cannot be removed (`line con 0`): its lines are negated, the header stays.
      if (device.resetsChildren(r)) {
        remediateLevel(r, NOTHING, new Output(undefined, out, r, r), rules, ctx);
        continue;
      }
    }
    const secret = secretOf(r, kinds);
    if (secret !== undefined) {
      if (secret.kind === 'twin') (twins ??= new Set()).add(secret.twin);
      const shown = secret.kind === 'twin' ? secret.twin : r;
      ctx.findings.push(
        secretFinding(shown, secret, secret.kind === 'twin' ? 'intended' : 'running', rules, r),
      );
      continue;
    }
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
    if ((kinds & bits.late) !== 0) (late ??= []).push(negation);
  }

  const intChildren = int.children;
  const runCursor = new Cursor(run);
  for (let i = 0; i < intChildren.length; i++) {
    const c = intChildren[i];
    if (numbered && !lists) lists = c.text.startsWith('access-list ');
    const r = pairing === undefined ? runCursor.find(c.key) : pairing.runningOf(i);
    if (r !== undefined) {
      if (!sameSubtree(r, c)) remediateLevel(r, c, new Output(undefined, out, c, r), rules, ctx);
      continue;
    }
    const family = ranges === undefined ? undefined : rangePrefix(c.text, ranges);
    if (family !== undefined && overlapsAny(c.text, family, run)) {
      // Compared piece by piece with the running ranges covering it; lines no range names are new.
      for (const piece of piecesOf(c.text, family, run)) {
        const header = piece.text === c.text ? c : new HNode(piece.text, c.kind, c.source);
        remediateLevel(
          piece.running ?? NOTHING,
          c,
          new Output(undefined, out, header, piece.running),
          rules,
          ctx,
        );
      }
      continue;
    }
    if (deferred(c) || twins?.has(c) === true) {
      // The sets are sent where the intended config has its first set line.
      if (sets && !setsDone) setsDone = setsHook();
      continue;
    }
    // A masked line without a twin (twins were found by the negation pass): its value is unknown.
    if (c.kind === 'line' && device.maskedSpan(c.text) !== undefined) {
      ctx.findings.push(secretFinding(c, { kind: 'masked' }, 'intended', rules));
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
    if (ctx.rollback && device.printedDefault(c)) continue;
    const added = out.get().add(copyAsAddition(c));
    sortDeep(added, rules);
    if (overwritten !== undefined && added.meta !== undefined) {
      const key = rules.idempotentKey(c);
      const replaced = key === undefined ? undefined : overwritten.get(key);
      if (replaced !== undefined) added.meta.replaces = replaced;
    }
  }

  if (sets && !setsDone) setsHook();
  if (lists) remediateNumberedLists(run, int, () => out.get(), rules);
  if (!out.exists) return;
  const section = out.get();
  if (device.hasCascades) applyCascades(section, int, rules);
  if (late !== undefined) placeAfterReplacements(section, late, rules);
  sortByWeight(section, rules);
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
