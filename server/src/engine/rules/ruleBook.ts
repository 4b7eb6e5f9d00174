import type { HNode } from '../remediation/hnode';
import { bounded, compilePredicate, MATCH_LENGTH_LIMIT, type CompiledPredicate } from './match';
import type { LineageRule, MatchRule, PlatformDriver } from './types';

/**
 * The lineage-matched rule kinds, in the order their ids are given. A new kind of rule with a lineage
 * is one more entry here (and a field of PlatformDriver).
 */
export const RULE_KINDS = [
  'negateWith',
  'negationDefaultWhen',
  'negationSub',
  'idempotent',
  'idempotentAvoid',
  'sectionalExiting',
  'ordering',
  'parentAllowsDuplicateChild',
  'risks',
  // Device behaviour beyond hier_config (rules/deviceRules.ts gives them their meaning).
  'cascades',
  'features',
  'sequenced',
  'vlanSets',
  'addBeforeRemove',
  'printedDefaults',
  'secrets',
  'perLineSub',
] as const;

export type RuleKind = (typeof RULE_KINDS)[number];

export interface CompiledRule<R = unknown> {
  readonly id: number;
  readonly kind: RuleKind;
  readonly levels: readonly CompiledPredicate[];
  /** The rule as written (its `use`, `weight`, `exit`, ...). */
  readonly rule: R;
}

const NO_IDS: readonly number[] = Object.freeze([]) as readonly number[];
const NONE: readonly never[] = Object.freeze([]) as readonly never[];

/** What a child's text matched at one level: rules it completes, rules that go deeper, their kinds. */
export interface LevelMatch {
  /** Ascending. */
  readonly terminal: readonly number[];
  /** Ascending. */
  readonly deeper: readonly number[];
  /** Kind bits of `terminal` (RuleBook.bit). */
  readonly kinds: number;
}

const NO_MATCH: LevelMatch = Object.freeze({ terminal: NO_IDS, deeper: NO_IDS, kinds: 0 });

/**
 * Rule ids whose lineage matched a node's ancestors so far, prepared for testing its children: grouped
 * by the predicate they share at this level (ten `interface` rules test `startswith interface` once)
 * and bucketed by the first character a matching line must start with. Each group knows which of its
 * rules end at this level and which go deeper, so a line matching one group allocates nothing.
 */
export class AliveSet {
  private readonly byChar = new Map<string, PredicateGroup[]>();
  private readonly anyChar: PredicateGroup[] = [];
  private readonly unions = new Map<LevelMatch, Map<LevelMatch, LevelMatch>>();

  constructor(
    rules: readonly CompiledRule[],
    readonly ids: readonly number[],
    /** The level tested against the children: the owner's depth. */
    readonly level: number,
    kindBits: readonly number[] = [],
  ) {
    const groups = new Map<CompiledPredicate, { predicate: CompiledPredicate; ids: number[] }>();
    const ordered: { predicate: CompiledPredicate; ids: number[] }[] = [];
    for (const id of ids) {
      const predicate = rules[id].levels[level];
      const group = groups.get(predicate);
      if (group !== undefined) {
        group.ids.push(id);
        continue;
      }
      const created = { predicate, ids: [id] };
      groups.set(predicate, created);
      ordered.push(created);
    }
    for (const { predicate, ids: groupIds } of ordered) {
      const terminal = groupIds.filter((id) => rules[id].levels.length === level + 1);
      const deeper = groupIds.filter((id) => rules[id].levels.length > level + 1);
      let kinds = 0;
      for (const id of terminal) kinds |= kindBits[id] ?? 0;
      const created: PredicateGroup = { predicate, match: { terminal, deeper, kinds } };
      const chars = predicate.firstChars;
      if (chars === undefined) {
        this.anyChar.push(created);
        continue;
      }
      for (const c of chars) {
        const bucket = this.byChar.get(c);
        if (bucket === undefined) this.byChar.set(c, [created]);
        else bucket.push(created);
      }
    }
  }

  /** The rules whose predicate at this level holds for a child with `text`. */
  match(text: string): LevelMatch {
    const bucket = this.byChar.size === 0 ? undefined : this.byChar.get(text.charAt(0));
    if (bucket === undefined && this.anyChar.length === 0) return NO_MATCH;
    let matched: LevelMatch | undefined;
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const g = bucket[i];
        if (g.predicate.test(text)) matched = matched === undefined ? g.match : this.union(matched, g.match);
      }
    }
    for (let i = 0; i < this.anyChar.length; i++) {
      const g = this.anyChar[i];
      if (g.predicate.test(text)) matched = matched === undefined ? g.match : this.union(matched, g.match);
    }
    return matched ?? NO_MATCH;
  }

  /**
   * Two matches merged, remembered: the lines that match several groups match the same ones again and
   * again (5,000 `interface` lines), and share one merged match instead of sorting their own.
   */
  private union(a: LevelMatch, b: LevelMatch): LevelMatch {
    let withA = this.unions.get(a);
    if (withA === undefined) {
      withA = new Map();
      this.unions.set(a, withA);
    }
    let merged = withA.get(b);
    if (merged === undefined) {
      merged = combine(a, b);
      withA.set(b, merged);
    }
    return merged;
  }
}

/** Two groups' matches merged, ascending (their rule ids are distinct: a rule is in one group a level). */
function combine(a: LevelMatch, b: LevelMatch): LevelMatch {
  const terminal = [...a.terminal, ...b.terminal].sort((x, y) => x - y);
  const deeper = [...a.deeper, ...b.deeper].sort((x, y) => x - y);
  return { terminal, deeper, kinds: a.kinds | b.kinds };
}

interface PredicateGroup {
  readonly predicate: CompiledPredicate;
  readonly match: LevelMatch;
}

interface Memo {
  readonly book: RuleBook;
  /** Rules whose whole lineage matches the node (ascending id, so kind order then rule order). */
  readonly terminal: readonly number[];
  /** Bit k set when a rule of RULE_KINDS[k] is among them: most questions are answered by this bit. */
  readonly kinds: number;
  /** Rules that matched so far and go deeper, for the node's children. */
  readonly alive: AliveSet;
}

/**
 * A platform driver compiled for matching. Each node's matches are computed once, from its parent's
 * (a rule is tested at a level only if every level above matched the ancestors), and memoised on the
 * node; rules are bucketed by the first character a line must start with. Sets of live rules are
 * interned, so the 5,000 interfaces of a config share one.
 */
export class RuleBook {
  readonly rules: CompiledRule[] = [];
  private readonly kindRange = new Map<RuleKind, { from: number; to: number; bit: number }>();
  /** Kind bit of each rule id. */
  private readonly kindBits: number[] = [];
  private readonly interned = new Map<string, AliveSet>();
  private readonly lastInterned: (AliveSet | undefined)[] = [];
  private readonly emptySteps: ({ terminal: readonly number[]; alive: AliveSet } | undefined)[] = [];
  private readonly deeperSteps = new Map<AliveSet, { terminal: readonly number[]; alive: AliveSet }>();
  private readonly rootAlive: AliveSet;
  /** Compiled predicates by their source: rules sharing a predicate share its compiled form. */
  private readonly predicates = new Map<string, CompiledPredicate>();

  /** `kinds`: the rule kinds this book matches (a book per phase keeps each phase's matching small). */
  constructor(
    readonly driver: PlatformDriver,
    kinds: readonly RuleKind[] = RULE_KINDS,
  ) {
    for (const kind of kinds) {
      const from = this.rules.length;
      const bit = 1 << RULE_KINDS.indexOf(kind);
      const list = driver[kind] as readonly (LineageRule | { lineage?: LineageRule['lineage'] })[];
      for (const rule of list) {
        if (rule.lineage === undefined || rule.lineage.length === 0) continue;
        const levels = rule.lineage.map((m) => this.predicate(m));
        this.kindBits.push(bit);
        this.rules.push({ id: this.rules.length, kind, levels, rule });
      }
      this.kindRange.set(kind, { from, to: this.rules.length, bit });
    }
    this.rootAlive = this.intern(
      this.rules.map((r) => r.id),
      0,
    );
  }

  /** Every rule whose whole lineage matches `node`, ascending id. */
  matches(node: HNode): readonly number[] {
    return this.memo(node).terminal;
  }

  /**
   * The kinds of rule matching `node`, as bits (`bit(kind)`): one memo look-up answers "does any rule
   * of these kinds match?" for a line most rules leave alone.
   */
  kindsOf(node: HNode): number {
    return node.parent === undefined ? 0 : this.memo(node).kinds;
  }

  /** The bit of a kind in `kindsOf` (0 when this book does not match that kind). */
  bit(kind: RuleKind): number {
    const range = this.kindRange.get(kind);
    return range === undefined || range.from === range.to ? 0 : range.bit;
  }

  /** The first rule of `kind` matching `node` (first match wins). */
  first<R>(node: HNode, kind: RuleKind): CompiledRule<R> | undefined {
    const range = this.kindRange.get(kind);
    if (range === undefined || range.from === range.to || node.parent === undefined) return undefined;
    const memo = this.memo(node);
    if ((memo.kinds & range.bit) === 0) return undefined;
    for (const id of memo.terminal)
      if (id >= range.from && id < range.to) return this.rules[id] as CompiledRule<R>;
    return undefined;
  }

  /** Every rule of `kind` matching `node`. */
  all<R>(node: HNode, kind: RuleKind): readonly CompiledRule<R>[] {
    const range = this.kindRange.get(kind);
    if (range === undefined || range.from === range.to || node.parent === undefined) return NONE;
    const memo = this.memo(node);
    if ((memo.kinds & range.bit) === 0) return NONE;
    let out: CompiledRule<R>[] | undefined;
    for (const id of memo.terminal) {
      if (id >= range.from && id < range.to) (out ??= []).push(this.rules[id] as CompiledRule<R>);
    }
    return out ?? NONE;
  }

  /** Where a walk down a tree starts (for walks that do not memoise on nodes, such as loading). */
  get root(): AliveSet {
    return this.rootAlive;
  }

  /**
   * One step of such a walk: the rules matching a child with `text` of a node whose live set is
   * `alive`, and the child's own live set. Allocates nothing when no rule can match.
   */
  step(alive: AliveSet, text: string): { terminal: readonly number[]; alive: AliveSet } {
    if (alive.ids.length === 0) return this.emptyStep(alive.level + 1);
    const level = alive.level;
    const m = alive.match(text);
    if (m === NO_MATCH) return this.emptyStep(level + 1);
    const next = this.intern(m.deeper, level + 1);
    if (m.terminal.length > 0) return { terminal: m.terminal, alive: next };
    // Only deeper rules matched (every `interface` line, say): one shared step per live set.
    let shared = this.deeperSteps.get(next);
    if (shared === undefined) {
      shared = { terminal: NO_IDS, alive: next };
      this.deeperSteps.set(next, shared);
    }
    return shared;
  }

  /** The first rule of `kind` among matched ids. */
  firstOf<R>(ids: readonly number[], kind: RuleKind): CompiledRule<R> | undefined {
    const range = this.kindRange.get(kind);
    if (range === undefined) return undefined;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] >= range.from && ids[i] < range.to) return this.rules[ids[i]] as CompiledRule<R>;
    }
    return undefined;
  }

  private emptyStep(level: number): { terminal: readonly number[]; alive: AliveSet } {
    let step = this.emptySteps[level];
    if (step === undefined) {
      step = { terminal: NO_IDS, alive: this.intern(NO_IDS, level) };
      this.emptySteps[level] = step;
    }
    return step;
  }

  /** Whether any rule of `kind` exists (lets callers skip work). */
  has(kind: RuleKind): boolean {
    const range = this.kindRange.get(kind);
    return range !== undefined && range.to > range.from;
  }

  private predicate(rule: MatchRule): CompiledPredicate {
    const key = JSON.stringify(rule);
    let compiled = this.predicates.get(key);
    if (compiled === undefined) {
      compiled = compilePredicate(rule);
      this.predicates.set(key, compiled);
    }
    return compiled;
  }

  private memo(node: HNode): Memo {
    const existing = node.ruleMemo as Memo | undefined;
    if (existing !== undefined && existing.book === this) return existing;
    let memo: Memo;
    if (node.parent === undefined) {
      memo = { book: this, terminal: NO_IDS, kinds: 0, alive: this.rootAlive };
    } else {
      const parentAlive = this.memo(node.parent).alive;
      const m = parentAlive.ids.length === 0 ? NO_MATCH : parentAlive.match(node.text);
      memo = {
        book: this,
        terminal: m.terminal,
        kinds: m.kinds,
        alive: this.intern(m.deeper, parentAlive.level + 1),
      };
    }
    node.ruleMemo = memo;
    return memo;
  }

  private intern(ids: readonly number[], level: number): AliveSet {
    // Siblings come in runs (5,000 interfaces in a row): the last set of a level is usually the one.
    const last = this.lastInterned[level];
    if (last !== undefined && sameIds(last.ids, ids)) return last;
    const set = this.internByKey(ids, level);
    this.lastInterned[level] = set;
    return set;
  }

  private internByKey(ids: readonly number[], level: number): AliveSet {
    const key = ids.length === 0 ? `${level}:` : `${level}:${ids.join(',')}`;
    let set = this.interned.get(key);
    if (set === undefined) {
      set = new AliveSet(this.rules, ids, level, this.kindBits);
      this.interned.set(key, set);
    }
    return set;
  }
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Applies a regex replacement to a text bounded like every match; a tail past the bound is kept unless consumed. */
export function replaceBounded(text: string, search: RegExp, replace: string): string | undefined {
  const cut = bounded(text);
  const m = search.exec(cut);
  if (m === null) return undefined;
  const replaced = cut.replace(search, replace);
  if (text.length <= MATCH_LENGTH_LIMIT) return replaced;
  const consumedToEnd = m.index + m[0].length === cut.length;
  return consumedToEnd ? replaced : replaced + text.slice(MATCH_LENGTH_LIMIT);
}
