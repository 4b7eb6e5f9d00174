import { SymbolKind } from 'vscode-languageserver/node';
import type { ConfigNode } from '../../engine';

/**
 * How configuration sections map to LSP symbol kinds (and so to the outline's icons). One table,
 * first match wins; a section no row matches is an Object.
 *
 * | configuration                                                      | SymbolKind |
 * |--------------------------------------------------------------------|------------|
 * | `interface ...`                                                    | Interface  |
 * | routing processes: `router ospf 1`, `router bgp 65000`, ...        | Module     |
 * | VRFs: `vrf definition`, `ip vrf`, `vrf context`; `vrf X` and       | Namespace  |
 * |   `address-family ...` inside a routing process                    |            |
 * | access lists (named, numbered), prefix lists                       | Array      |
 * | `route-map X permit 10` (one symbol per sequence)                  | Function   |
 * | `class-map ...`                                                    | Class      |
 * | `policy-map ...`                                                   | Struct     |
 * | `class X` inside a policy map                                      | Method     |
 * | `object-group ...`                                                 | Enum       |
 * | `key chain`, `crypto pki ...` (trustpoints, certificate chains),   | Key        |
 * |   each certificate                                                 |            |
 * | `line con 0`, `line vty 0 4`, ...                                  | Event      |
 * | `vlan 10` with a name                                              | Number     |
 * | banners                                                            | String     |
 * | any other section (`vpc domain`, `aaa group server`, neighbors...) | Object     |
 *
 * Workspace symbols add Package for a device (its hostname).
 */
export interface SymbolRule {
  /** The section's normalised text starts with one of these. */
  readonly prefixes: readonly string[];
  readonly kind: SymbolKind;
  /** Top-level lines only (a nested `route-map X in` is a reference, not a route map). */
  readonly topLevel?: boolean;
  /** The enclosing section's text starts with one of these. */
  readonly parent?: readonly string[];
  /** A top-level line without children is a symbol too: it defines a named object (`interface Vlan1`). */
  readonly leafToo?: boolean;
  /**
   * Consecutive top-level lines with the same key are one symbol (`ip prefix-list X seq 5 ...`,
   * `seq 10 ...`): the key is the text up to the object's name.
   */
  readonly groupKey?: RegExp;
}

export const SYMBOL_RULES: readonly SymbolRule[] = [
  { prefixes: ['interface '], kind: SymbolKind.Interface, topLevel: true, leafToo: true },
  { prefixes: ['router '], kind: SymbolKind.Module, topLevel: true, leafToo: true },
  {
    prefixes: ['vrf definition ', 'ip vrf ', 'vrf context '],
    kind: SymbolKind.Namespace,
    topLevel: true,
    leafToo: true,
  },
  { prefixes: ['address-family ', 'vrf '], kind: SymbolKind.Namespace, parent: ['router '] },
  { prefixes: ['address-family '], kind: SymbolKind.Namespace },
  {
    prefixes: ['ip access-list ', 'ipv6 access-list ', 'mac access-list '],
    kind: SymbolKind.Array,
    topLevel: true,
    leafToo: true,
  },
  {
    prefixes: ['access-list '],
    kind: SymbolKind.Array,
    topLevel: true,
    leafToo: true,
    groupKey: /^access-list \S+/,
  },
  {
    prefixes: ['ip prefix-list ', 'ipv6 prefix-list '],
    kind: SymbolKind.Array,
    topLevel: true,
    leafToo: true,
    groupKey: /^ip(?:v6)? prefix-list \S+/,
  },
  { prefixes: ['route-map '], kind: SymbolKind.Function, topLevel: true, leafToo: true },
  { prefixes: ['class-map '], kind: SymbolKind.Class, topLevel: true, leafToo: true },
  { prefixes: ['policy-map '], kind: SymbolKind.Struct, topLevel: true, leafToo: true },
  { prefixes: ['class '], kind: SymbolKind.Method, parent: ['policy-map '] },
  { prefixes: ['object-group '], kind: SymbolKind.Enum, topLevel: true, leafToo: true },
  { prefixes: ['key chain '], kind: SymbolKind.Key, topLevel: true, leafToo: true },
  { prefixes: ['crypto pki '], kind: SymbolKind.Key, topLevel: true },
  { prefixes: ['line '], kind: SymbolKind.Event, topLevel: true },
  { prefixes: ['vlan '], kind: SymbolKind.Number, topLevel: true },
];

/** The first rule that fits `node`, undefined for a plain section. */
export function symbolRuleFor(node: ConfigNode): SymbolRule | undefined {
  const text = node.text;
  const topLevel = node.depth === 1;
  for (const rule of SYMBOL_RULES) {
    if (rule.topLevel === true && !topLevel) continue;
    if (!rule.prefixes.some((p) => text.startsWith(p))) continue;
    if (rule.parent !== undefined) {
      const parentText = node.parent?.text ?? '';
      if (!rule.parent.some((p) => parentText.startsWith(p))) continue;
    }
    return rule;
  }
  return undefined;
}

/** The kind of a node that is a symbol (a section, a banner, a certificate, a named-object line). */
export function symbolKindOf(node: ConfigNode, rule: SymbolRule | undefined): SymbolKind {
  if (node.kind === 'banner') return SymbolKind.String;
  if (node.kind === 'certificate') return SymbolKind.Key;
  return rule?.kind ?? SymbolKind.Object;
}
