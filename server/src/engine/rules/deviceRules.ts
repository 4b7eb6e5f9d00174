import type { HNode } from '../remediation/hnode';
import { compilePredicate, regexLiteralPrefix, type CompiledPredicate } from './match';
import type { CompiledRule, RuleBook } from './ruleBook';
import type {
  CascadeRule,
  FeatureRule,
  Lineage,
  MatchRule,
  PlatformDriver,
  PrintedDefaultRule,
  SecretRule,
  SequencedRule,
  VlanSetRule,
} from './types';

/** A cascade as it applies to one line: what the device removes below the line's section. */
export interface Wipe {
  /** Compiled lineages relative to the line's section. */
  readonly levels: readonly (readonly CompiledPredicate[])[];
  readonly resend: boolean;
  /**
   * No cascade when the device's section holds a line passing `test` (CascadeRule.unless); `prefix`
   * is the literal such a line starts with, so that it is looked up, not searched for.
   */
  readonly unless?: { readonly test: CompiledPredicate; readonly prefix: string };
  /** Members whose lines go too (CascadeRule.members), found in the device's section. */
  readonly members?: {
    /** Group 1 names a member. */
    readonly line: RegExp;
    /** Group 1 names the member a line belongs to. */
    readonly lines: RegExp;
    readonly sections?: CompiledPredicate;
  };
}

const NO_FEATURES: readonly string[] = Object.freeze([]) as readonly string[];
const NO_FEATURE = 'no feature ';
const FREE_TEXT = /^(?:\d+ )?(?:description|remark|name|alias) /;

/**
 * What the device-true rule kinds say about a node (PLATFORM-RULES.md, "Device behaviour beyond
 * hier_config"). The hooks in remediation/device/ ask here; every answer comes from the driver's data.
 */
export class DeviceRules {
  /** Compiled wipe predicates by their source (with `$N` already filled in). */
  private readonly predicates = new Map<string, CompiledPredicate>();
  /** `no feature X` → the lineages of the lines that need X. */
  private readonly featureWipes = new Map<string, Wipe>();
  readonly maskedTokens: readonly string[];
  /** First characters of the masked tokens: a line with none of them holds no masked value. */
  private readonly maskFirst: readonly string[];
  /**
   * Per depth, the characters a cascade's line can start with (undefined: any): most lines of a
   * script are tested against none of the cascade rules.
   */
  private readonly triggerChars: (Set<string> | undefined | null)[] = [];
  /** The texts set lines start with (`switchport trunk allowed vlan`). */
  private readonly setCommands: readonly string[];
  /** Prefixes of line-range families (`line vty `), from the `merge-ranges` fix-ups. */
  readonly rangePrefixes: readonly string[];
  /** Kind bits (RuleBook.kindsOf) of the checks the line passes make for every unmatched line. */
  readonly bits: { readonly printed: number; readonly secret: number; readonly late: number };

  constructor(
    private readonly book: RuleBook,
    readonly driver: PlatformDriver,
    private readonly regex: (source: string) => RegExp,
  ) {
    this.maskedTokens = driver.maskedTokens;
    this.maskFirst = [...new Set(driver.maskedTokens.map((t) => t.charAt(0)))];
    this.setCommands = driver.vlanSets.map((r) => r.command);
    this.rangePrefixes = driver.postLoad.flatMap((f) => (f.kind === 'merge-ranges' ? [f.prefix] : []));
    this.bits = {
      printed: book.bit('printedDefaults'),
      secret: book.bit('secrets'),
      late: book.bit('addBeforeRemove'),
    };
    for (const rule of driver.cascades) {
      const depth = rule.lineage.length;
      const chars = compilePredicate(rule.lineage[depth - 1]).firstChars;
      const known = this.triggerChars[depth];
      if (known === null) continue;
      if (chars === undefined) this.triggerChars[depth] = null;
      else this.triggerChars[depth] = new Set([...(known ?? []), ...chars]);
    }
    const byFeature = new Map<string, Lineage[]>();
    for (const rule of driver.features) {
      const list = byFeature.get(rule.feature);
      if (list === undefined) byFeature.set(rule.feature, [rule.lineage]);
      else list.push(rule.lineage);
    }
    for (const [feature, lineages] of byFeature) {
      this.featureWipes.set(`${NO_FEATURE}${feature}`, {
        levels: lineages.map((l) => l.map((m) => this.predicate(m))),
        resend: false,
      });
    }
  }

  get hasCascades(): boolean {
    return this.book.has('cascades') || this.featureWipes.size > 0;
  }

  /**
   * What the device removes when `node` (a line of a script, attached to its section) is sent: a
   * cascade rule's wipes with the line's groups filled in, or, for a top-level `no feature X`, every
   * line that needs X.
   */
  cascade(node: HNode): Wipe | undefined {
    if (node.depth === 1 && node.text.startsWith(NO_FEATURE)) {
      const wipe = this.featureWipes.get(node.text);
      if (wipe !== undefined) return wipe;
    }
    const chars = this.triggerChars[node.depth];
    if (chars === undefined || (chars !== null && !chars.has(node.text.charAt(0)))) return undefined;
    const rule = this.book.first<CascadeRule>(node, 'cascades');
    if (rule === undefined) return undefined;
    const groups = this.groups(rule, node.text);
    const { unless, members } = rule.rule;
    const wipe: Wipe = {
      levels: rule.rule.wipes.map((lineage) => lineage.map((m) => this.predicate(m, groups))),
      resend: rule.rule.resend !== false,
    };
    if (unless === undefined && members === undefined) return wipe;
    return {
      ...wipe,
      ...(unless === undefined
        ? {}
        : {
            unless: {
              test: this.predicate(unless, groups),
              prefix:
                unless.re_search === undefined ? '' : regexLiteralPrefix(fill(unless.re_search, groups)),
            },
          }),
      ...(members === undefined
        ? {}
        : {
            members: {
              line: this.regex(fill(members.line, groups)),
              lines: this.regex(members.lines),
              ...(members.sections === undefined ? {} : { sections: this.predicate(members.sections) }),
            },
          }),
    };
  }

  /** The features a line needs (NX-OS `feature X`), none on IOS. */
  featuresOf(node: HNode): readonly string[] {
    const rules = this.book.all<FeatureRule>(node, 'features');
    return rules.length === 0 ? NO_FEATURES : rules.map((r) => r.rule.feature);
  }

  /** The feature a top-level `feature X` line enables, if it is one. */
  enabledFeature(text: string): string | undefined {
    return text.startsWith('feature ') && this.featureWipes.has(`no ${text}`) ? text.slice(8) : undefined;
  }

  sequenced(section: HNode): SequencedRule | undefined {
    return this.book.first<SequencedRule>(section, 'sequenced')?.rule;
  }

  vlanSet(node: HNode): VlanSetRule | undefined {
    if (!this.setCommands.some((c) => node.text.startsWith(c))) return undefined;
    return this.book.first<VlanSetRule>(node, 'vlanSets')?.rule;
  }

  addBeforeRemove(node: HNode): boolean {
    return this.book.first(node, 'addBeforeRemove') !== undefined;
  }

  /** Whether the device prints `node` by default, so that an intended config without it keeps it. */
  printedDefault(node: HNode): boolean {
    const rule = this.book.first<PrintedDefaultRule>(node, 'printedDefaults')?.rule;
    if (rule === undefined) return false;
    return (rule.whenEmpty !== true && rule.resetChildren !== true) || bare(node);
  }

  /** Whether `node` is a header the device prints however bare (a physical interface, `line con 0`). */
  printedWhenEmpty(node: HNode): boolean {
    const rule = this.book.first<PrintedDefaultRule>(node, 'printedDefaults')?.rule;
    return rule?.whenEmpty === true || rule?.resetChildren === true;
  }

  /** Whether `node` cannot be removed, only emptied: its lines are negated instead. */
  resetsChildren(node: HNode): boolean {
    return this.book.first<PrintedDefaultRule>(node, 'printedDefaults')?.rule.resetChildren === true;
  }

  /** Where the secret of a secret line is (`[start, end)` of its text), if the line is one. */
  secretSpan(node: HNode): readonly [number, number] | undefined {
    const rule = this.book.first<SecretRule>(node, 'secrets');
    if (rule === undefined) return undefined;
    const m = this.regex(rule.rule.value).exec(node.text);
    if (m === null || m[1] === undefined) return undefined;
    const start = m.index + m[0].indexOf(m[1]);
    return [start, start + m[1].length];
  }

  /** Whether `text` has a character a masked token starts with (a cheap test before `maskedSpan`). */
  mayBeMasked(text: string): boolean {
    for (const c of this.maskFirst) if (text.includes(c)) return true;
    return false;
  }

  /**
   * Where a masked value is in `text`, if a backup tool masked one: a token standing as a word of its
   * own (`*****` as long as the asterisks run), outside free text.
   */
  maskedSpan(text: string): readonly [number, number] | undefined {
    // Free text (`description ***** core *****`, remarks, names) holds no secret.
    if (!this.mayBeMasked(text) || FREE_TEXT.test(text)) return undefined;
    for (const token of this.maskedTokens) {
      for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
        let end = at + token.length;
        if (token.endsWith('*')) while (text.charAt(end) === '*') end++;
        const before = at === 0 ? ' ' : text.charAt(at - 1);
        const after = end === text.length ? ' ' : text.charAt(end);
        if (before === ' ' && (after === ' ' || after === '"')) return [at, end];
      }
    }
    return undefined;
  }

  /** The groups of the last level's `re_search` of a rule on `text`, for `$N` in its wipes. */
  private groups(rule: CompiledRule<CascadeRule>, text: string): readonly string[] {
    const lineage = rule.rule.lineage;
    const source = lineage[lineage.length - 1].re_search;
    if (source === undefined) return [];
    const m = this.regex(source).exec(text);
    return m === null ? [] : m.slice(1).map((g) => g ?? '');
  }

  private predicate(rule: MatchRule, groups: readonly string[] = []): CompiledPredicate {
    const source =
      rule.re_search === undefined || groups.length === 0
        ? rule
        : { ...rule, re_search: fill(rule.re_search, groups) };
    const key = JSON.stringify(source);
    let compiled = this.predicates.get(key);
    if (compiled === undefined) {
      compiled = compilePredicate(source);
      this.predicates.set(key, compiled);
    }
    return compiled;
  }
}

/**
 * Whether a section has no lines. A section not yet copied from its parsed lines is not copied to
 * find out when it has more than two (normalising drops at most a few printed-only lines such as
 * ` no ip address`): a removed port is reset rather than kept, which a bare port does not mind.
 */
function bare(node: HNode): boolean {
  if (node.isPending && node.source !== undefined && node.source.children.length > 2) return false;
  return node.children.length === 0;
}

/** `$1`, `$2`, ... of a rule's regular expression replaced by the trigger's groups, escaped. */
function fill(source: string, groups: readonly string[]): string {
  return source.replace(/\$(\d)/g, (_, n: string) => escape(groups[+n - 1] ?? ''));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
