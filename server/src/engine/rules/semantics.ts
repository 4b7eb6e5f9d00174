import type { HNode } from '../remediation/hnode';
import { Canonicaliser } from './canonical';
import { DeviceRules } from './deviceRules';
import { replaceBounded, RULE_KINDS, RuleBook } from './ruleBook';
import type {
  ConfirmationPrompt,
  NegateWithRule,
  NegationSubRule,
  OrderingRule,
  PlatformDriver,
  RiskRule,
  SectionalExitRule,
} from './types';

const NO = 'no ';
const NO_RISKS: readonly RiskRule[] = Object.freeze([]) as readonly RiskRule[];

/** Text with a leading `no ` removed. */
export function withoutNo(text: string): string {
  return text.startsWith(NO) ? text.slice(NO.length) : text;
}

/** The `no` prefix toggled: `shutdown` ↔ `no shutdown`. */
export function toggleNo(text: string): string {
  return text.startsWith(NO) ? text.slice(NO.length) : NO + text;
}

export interface SectionExit {
  readonly text: string;
  readonly atHeaderLevel: boolean;
}

/**
 * What the rules say about a node: its idempotency key, its negation, its weight, its exit. The one
 * place the rule kinds get their meaning; remediation, prediction and rendering ask here.
 */
export class PlatformRules {
  /** Rules that give lines meaning (negation, keys, weights, exits, risks, ...). */
  readonly book: RuleBook;
  /** Rules applied while loading (lineage-scoped line rewrites): matched in a phase of their own. */
  readonly loadBook: RuleBook;
  /** The device-true rule kinds (cascades, features, sequenced entries, VLAN sets, ...). */
  readonly device: DeviceRules;
  private readonly regexCache = new Map<string, RegExp>();
  private readonly negateWithTexts: ReadonlySet<string>;
  private readonly canonical: Canonicaliser;

  constructor(readonly driver: PlatformDriver) {
    this.canonical = new Canonicaliser(driver.canonical);
    this.book = new RuleBook(
      driver,
      RULE_KINDS.filter((k) => k !== 'perLineSub'),
    );
    this.loadBook = new RuleBook(driver, ['perLineSub']);
    this.negateWithTexts = new Set(driver.negateWith.map((r) => r.use));
    this.device = new DeviceRules(this.book, driver, (source) => this.regex(source));
  }

  get platform(): PlatformDriver['platform'] {
    return this.driver.platform;
  }

  /**
   * Two sibling lines with the same key are the same setting (last value wins). Undefined when the
   * line is not idempotent or an avoid rule says never.
   */
  idempotentKey(node: HNode): string | undefined {
    const rule = this.book.first(node, 'idempotent');
    if (rule === undefined) return undefined;
    if (this.book.first(node, 'idempotentAvoid') !== undefined) return undefined;
    const last = rule.levels[rule.levels.length - 1];
    return `${rule.id}\u0000${last.key(node.text)}`;
  }

  /** The fixed string a negate_with rule gives, if one matches. */
  negateWith(node: HNode): string | undefined {
    return this.book.first<NegateWithRule>(node, 'negateWith')?.rule.use;
  }

  /** Whether `text` is the fixed negation of some negate_with rule (it restores a default). */
  isNegateWithText(text: string): boolean {
    return this.negateWithTexts.has(text);
  }

  /**
   * The command that undoes `node` (a section: its header only). First match wins: negate_with,
   * then `default`, then a regex rewrite of the `no` form, then the `no` prefix toggled.
   */
  negate(node: HNode): string {
    const use = this.negateWith(node);
    if (use !== undefined) return use;
    if (this.book.first(node, 'negationDefaultWhen') !== undefined) return `default ${withoutNo(node.text)}`;
    const toggled = toggleNo(node.text);
    const sub = this.book.first<NegationSubRule>(node, 'negationSub');
    if (sub !== undefined)
      return replaceBounded(toggled, this.regex(sub.rule.search), sub.rule.replace) ?? toggled;
    return toggled;
  }

  /** Sibling weight (0 unless an ordering rule matches; first match wins). */
  weight(node: HNode): number {
    return this.book.first<OrderingRule>(node, 'ordering')?.rule.weight ?? 0;
  }

  /** How a section is closed in a script with exits; undefined for a line without children. */
  exit(node: HNode): SectionExit | undefined {
    const rule = this.book.first<SectionalExitRule>(node, 'sectionalExiting');
    if (rule !== undefined) return { text: rule.rule.exit, atHeaderLevel: rule.rule.atHeaderLevel === true };
    return node.children.length > 0 ? { text: 'exit', atHeaderLevel: false } : undefined;
  }

  /** Whether `parent`'s children may repeat (kept as duplicates rather than merged). */
  allowsDuplicateChildren(parent: HNode): boolean {
    return parent.parent !== undefined && this.book.first(parent, 'parentAllowsDuplicateChild') !== undefined;
  }

  risks(node: HNode): readonly RiskRule[] {
    const matched = this.book.all<RiskRule>(node, 'risks');
    return matched.length === 0 ? NO_RISKS : matched.map((r) => r.rule);
  }

  /**
   * The key a line is compared by (issue 9): `interface gi1/0/1` and `interface GigabitEthernet1/0/1`
   * share one. Depends on the text alone, so a line keeps its key through copies.
   */
  canonicalKey(text: string): string {
    return this.canonical.key(text);
  }

  /** `Gi1/0/1` → `GigabitEthernet1/0/1` (a name the platform does not know stays as written). */
  interfaceName(name: string): string {
    return this.canonical.interfaceName(name);
  }

  /** What the device asks when `node` is sent, if it asks (a `confirmation-prompt` risk rule). */
  confirmationPrompt(node: HNode): ConfirmationPrompt | undefined {
    for (const rule of this.risks(node)) if (rule.prompt !== undefined) return rule.prompt;
    return undefined;
  }

  /** A compiled regular expression, cached by source. */
  regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (re === undefined) {
      re = new RegExp(source);
      this.regexCache.set(source, re);
    }
    return re;
  }
}
