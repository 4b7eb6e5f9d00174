/**
 * Platform rules as data (PLATFORM-RULES.md, "The model"). A platform driver is one value of
 * `PlatformDriver`: nothing in it is code, so users can add rules from settings and tests can read
 * every rule. Field names of a predicate follow hier_config's (`startswith`, `re_search`, ...) so that
 * rules users already wrote for it carry over.
 *
 * Adding a rule kind (as the device-true kinds of "Device behaviour beyond hier_config" were: cascades,
 * features, sequenced entries, VLAN sets, add-before-remove, printed defaults, secrets) is three steps:
 * 1. a `readonly xxx: readonly XxxRule[]` field here, each rule with a `lineage` (and its own data);
 * 2. one entry in `RULE_KINDS` of ruleBook.ts, so its lineages are compiled and matched with the rest;
 * 3. a hook where it acts: `remediate` (what is emitted), `predict` (what the device does with it, so
 *    that verify tells the truth) and, for ordering constraints, `ordering.ts`. The device-true hooks
 *    live in remediation/device/, one module per kind.
 */
import type { Platform } from '../model/types';

/**
 * One level of a lineage. Every criterion given must hold; a criterion with several values holds when
 * any of them does. `equals` with an array is a set.
 */
export interface MatchRule {
  readonly equals?: string | readonly string[];
  readonly startswith?: string | readonly string[];
  readonly endswith?: string | readonly string[];
  readonly contains?: string | readonly string[];
  /** A JavaScript regular expression, searched (not anchored unless it says `^`). */
  readonly re_search?: string;
}

/** One predicate per level, from the top-level ancestor down to the node; depth-exact. */
export type Lineage = readonly MatchRule[];

export interface LineageRule {
  readonly lineage: Lineage;
}

/** Negate to a fixed string (`logging console ...` → `logging console debugging`). */
export interface NegateWithRule extends LineageRule {
  readonly use: string;
}

/** Rewrite the `no` form with a regular expression (`no banner motd ^C...^C` → `no banner motd`). */
export interface NegationSubRule extends LineageRule {
  readonly search: string;
  /** JavaScript replacement syntax: `$1` is the first group. */
  readonly replace: string;
}

/** The token that closes a section when a script is sent with exits. */
export interface SectionalExitRule extends LineageRule {
  readonly exit: string;
  /** Printed at the section header's indentation (IOS `exit-address-family`), not its children's. */
  readonly atHeaderLevel?: boolean;
}

/** Sibling weight: negative earlier, positive later, default 0; the sort is stable. */
export interface OrderingRule extends LineageRule {
  readonly weight: number;
}

/** Where a line rewrite without a lineage applies. */
export type LineScope = 'top-level' | 'nested' | 'any';

/**
 * A rewrite applied on load. An empty result drops the line (and its children). With a lineage it
 * applies where the lineage matches; without, wherever `scope` says (default `any`).
 */
export interface PerLineSubRule {
  readonly lineage?: Lineage;
  readonly scope?: LineScope;
  readonly search: string;
  readonly replace: string;
}

/**
 * Fix-ups after load that a line rewrite cannot express, as data with their parameters:
 * - `number-entries`: under sections matching `section`, children starting with one of `entries` are
 *   numbered `start`, `start + step`, ... in order (IOS unnumbered ACL entries).
 * - `split-list`: top-level lines `<prefix><list>` where the list is `10,20-22` become one line per id,
 *   each with a copy of the children (IOS and NX-OS `vlan 10,20-22`).
 * - `merge-ranges`: top-level ranges `<prefix>A B` next to each other whose lines agree become one
 *   range (IOS `line vty 0 4` + `line vty 5 15` = `line vty 0 15`); remediation and the predicted
 *   config also pair and split ranges of this prefix (remediation/device/lineRanges.ts).
 */
export type PostLoadFixup =
  | {
      readonly kind: 'number-entries';
      readonly section: MatchRule;
      readonly entries: readonly string[];
      readonly start: number;
      readonly step: number;
    }
  | { readonly kind: 'split-list'; readonly prefix: string; readonly max: number }
  | { readonly kind: 'merge-ranges'; readonly prefix: string };

/** Kinds of named objects whose definitions and references order a script (PLATFORM-RULES.md item 9). */
export type ObjectKind =
  | 'acl'
  | 'prefix-list'
  | 'route-map'
  | 'class-map'
  | 'policy-map'
  | 'vrf'
  | 'object-group'
  /** A TACACS+/RADIUS server, used by a server group: a group never points at a removed server. */
  | 'aaa-server'
  /** A server group, used by the method lists: a login method never points at a removed group. */
  | 'aaa-group';

/**
 * A named object: top-level lines matching `define` (group 1 the name) define it; lines anywhere
 * matching one of `references` (group 1 the name) use it. An object is created before the lines that
 * use it and removed after them.
 */
export interface ObjectRule {
  readonly kind: ObjectKind;
  readonly define: readonly string[];
  readonly references: readonly string[];
}

/**
 * What can cut the operator off (PRODUCT.md: risk flags), and `confirmation-prompt`: a command the
 * device answers with a question (`[yes/no]`, `[confirm]`) that a pasted script must answer (issue 9).
 */
export type RiskKind =
  | 'management-address'
  | 'routing-removal'
  | 'vty-access'
  | 'aaa'
  | 'interface-shutdown'
  | 'confirmation-prompt'
  /** Not a line of the script: a secret that differs only by its hash or mask, never sent (a finding). */
  | 'secret';

/** What a `confirmation-prompt` command asks, and how a framed script answers it. */
export interface ConfirmationPrompt {
  /** The question as the device prints it (for messages and docs). */
  readonly asks: string;
  /**
   * The line a framed script sends right after the command: `yes`, or `''` (an empty line: Enter
   * accepts a `[confirm]`). Absent when no fixed answer is safe (a key size to choose, a licence to
   * accept): a framed script then leaves the command to the operator, as a comment.
   */
  readonly answer?: string;
}

export interface RiskRule extends LineageRule {
  readonly kind: RiskKind;
  /** For `confirmation-prompt` rules. */
  readonly prompt?: ConfirmationPrompt;
  /**
   * Only when the line's interface is the management one: named so (`mgmt0`, `Management1`, ...) or,
   * in running, in the management VRF.
   */
  readonly whenManagementInterface?: boolean;
  /** Only when the line's section has no `shutdown` in running (the interface is up). */
  readonly whenUpInRunning?: boolean;
}

/**
 * Canonical comparison (issue 9): spellings a device takes as the same line compare equal, while
 * scripts keep the device's own spelling of what it has. Data per platform; rules/canonical.ts applies it.
 */
export interface CanonicalRules {
  /** Interface types as the device prints them, with the shortest abbreviation each accepts. */
  readonly interfaceTypes: readonly InterfaceType[];
  /** Where a line names an interface (`interface X`, `source-interface X`, `ip route ... X`). */
  readonly interfaceReferences: readonly CanonicalPattern[];
  /** Where a line holds a VLAN list: group 1 (`10,11,12` = `10-12` = `10, 11-12`). */
  readonly vlanLists: readonly CanonicalPattern[];
  /** Where a line holds an IPv4 address and mask (groups 1 and 2), compared as `A.B.C.D/len`. */
  readonly prefixLength: readonly CanonicalPattern[];
  /** Lines starting with one of these are free text (`description`): no reference is read in them. */
  readonly freeText: readonly string[];
}

export interface InterfaceType {
  /** As the device prints it: `GigabitEthernet` (IOS), `port-channel` (NX-OS). */
  readonly name: string;
  /** The shortest prefix of `name` the CLI takes for this type (any case): every longer one works too. */
  readonly shortest: string;
}

/**
 * A regular expression searched in a line whose leading `no ` / `default ` is set aside; each group
 * that captured is a place the canonical form applies. `contains`: a literal the line must contain for
 * the search to run (patterns anchored with `^literal` are filtered by that literal already).
 */
export interface CanonicalPattern {
  readonly re: string;
  readonly contains?: string;
}

/**
 * A cascade (device behaviour): sending a matching line (added, changed or negated) makes the device
 * remove other lines. IOS `vrf forwarding X` removes the interface's addresses; `no switchport`
 * removes its L2 lines; `no neighbor X remote-as N` removes every line of neighbor X.
 */
export interface CascadeRule extends LineageRule {
  /**
   * What the device removes: lineages relative to the line's own section, one predicate per level
   * below it (`[{startswith: 'ip address '}]` is a sibling; two levels reach into a child section).
   * In a `re_search`, `$1`, `$2`, ... stand for the groups of the last level's `re_search` of
   * `lineage`, escaped (so `no neighbor (\S+) remote-as` wipes `^neighbor $1 `).
   */
  readonly wipes: readonly Lineage[];
  /**
   * Intended sibling lines the device removed are sent again after the line (default true): the
   * addresses after `vrf forwarding`. Only for one-level wipes.
   */
  readonly resend?: boolean;
  /**
   * The cascade happens only when the device's section holds no line passing this when the line is
   * sent (`$N` as in `wipes`): IOS `no neighbor X peer-group PG` removes neighbor X only when X has no
   * `remote-as` of its own (it had the group's).
   */
  readonly unless?: MatchRule;
  /** Lines of the section that other lines belong to, and go with the line (see CascadeMembers). */
  readonly members?: CascadeMembers;
}

/**
 * The members of what a cascade removes, found in the device's section when the line is sent: each
 * sibling matching `line` (`$N` the trigger's groups) names a member by its group 1, and every line
 * matching `lines` whose group 1 is a member goes too, in the child sections matching `sections` as
 * well. IOS `no neighbor PG peer-group` removes the group's members: `^neighbor (\S+) peer-group $1$`
 * names them, `^neighbor (\S+) ` are their lines, in the (non-VRF) address families too.
 */
export interface CascadeMembers {
  readonly line: string;
  readonly lines: string;
  readonly sections?: MatchRule;
}

/**
 * NX-OS: a line that needs `feature <feature>`. `feature X` is sent before every line that needs it;
 * `no feature X` removes every such line on the device (so the script sends no negations for them).
 */
export interface FeatureRule extends LineageRule {
  readonly feature: string;
}

/**
 * A section whose children are numbered entries (`10 permit ...`, `20 remark ...`): an IP access
 * list. Entries match by content (the text after the number), keep the device's numbers, are removed
 * by content (`no permit ...`), and new entries take free numbers between their neighbours.
 */
export interface SequencedRule extends LineageRule {
  /** Group 1 of this regex on the section header is the list's name. */
  readonly name: string;
  /**
   * The command that renumbers the list, `{name}`, `{start}` and `{step}` filled in: sent first when
   * the device's numbers are not printed (IOS 15) or when a gap has no free number.
   */
  readonly resequence: string;
}

/**
 * IOS numbered ACLs (`access-list 10 permit ...`): top-level lines forming one object per number.
 * `no access-list N <entry>` deletes the whole list, so entries are edited in ACL configuration mode.
 */
export interface NumberedListRule {
  /** Group 1 the number, group 2 the entry. */
  readonly line: string;
  /** The configuration-mode header per number range: `ip access-list standard {n}`. */
  readonly sections: readonly { readonly from: number; readonly to: number; readonly header: string }[];
  /** `ip access-list resequence {name} {start} {step}`. */
  readonly resequence: string;
  /** Entries without a sequence number (remarks). */
  readonly unnumbered: readonly string[];
}

/**
 * A set of VLANs spread over a line and its continuation lines (`switchport trunk allowed vlan 1-10`,
 * `... add 20`): compared as a set, changed with `add` / `remove`; no such line means every VLAN.
 */
export interface VlanSetRule extends LineageRule {
  readonly command: string;
}

/**
 * A default the device prints: when the intended config lacks it, it is kept, not negated ("absent
 * means keep"). `whenEmpty`: only a section header with nothing below it (a physical interface that
 * is printed however bare it is).
 */
export interface PrintedDefaultRule extends LineageRule {
  readonly whenEmpty?: boolean;
  /**
   * A section that cannot be removed (`line vty 0 15`, `line con 0`): when the intended config lacks
   * it, its lines are negated and the header stays. Implies `whenEmpty`.
   */
  readonly resetChildren?: boolean;
}

/**
 * A line carrying a secret: group 1 of `value` is the secret (a hash or a masked value). Two lines
 * that differ only there are the same setting (a re-salted hash, a masked backup): never drift, never
 * sent, reported as a `secret` finding.
 */
export interface SecretRule extends LineageRule {
  readonly value: string;
}

export interface PlatformDriver {
  readonly platform: Platform;
  /** Spaces per level when a script or config is rendered. */
  readonly indentation: number;
  readonly negateWith: readonly NegateWithRule[];
  /** Negate as `default <text without no>`. */
  readonly negationDefaultWhen: readonly LineageRule[];
  readonly negationSub: readonly NegationSubRule[];
  /** Last value wins: overwritten, never negated. */
  readonly idempotent: readonly LineageRule[];
  readonly idempotentAvoid: readonly LineageRule[];
  readonly sectionalExiting: readonly SectionalExitRule[];
  readonly ordering: readonly OrderingRule[];
  readonly perLineSub: readonly PerLineSubRule[];
  /** Lineage of a parent whose children may repeat (kept as duplicates, paired by occurrence). */
  readonly parentAllowsDuplicateChild: readonly LineageRule[];
  readonly postLoad: readonly PostLoadFixup[];
  readonly objects: readonly ObjectRule[];
  readonly risks: readonly RiskRule[];
  /** Canonical comparison; absent: lines compare as written. */
  readonly canonical?: CanonicalRules;

  // Device behaviour beyond hier_config (PLATFORM-RULES.md); docs/platforms/*.md list each rule.
  readonly cascades: readonly CascadeRule[];
  readonly features: readonly FeatureRule[];
  readonly sequenced: readonly SequencedRule[];
  readonly numberedLists: readonly NumberedListRule[];
  readonly vlanSets: readonly VlanSetRule[];
  /** Lines whose negation is sent after the additions of their section (lock-out: add before remove). */
  readonly addBeforeRemove: readonly LineageRule[];
  readonly printedDefaults: readonly PrintedDefaultRule[];
  readonly secrets: readonly SecretRule[];
  /** What backup tools print in place of a secret (`<removed>`): such a line is never sent. */
  readonly maskedTokens: readonly string[];
}
