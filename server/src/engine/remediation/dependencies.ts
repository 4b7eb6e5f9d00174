import { regexLiteralPrefix } from '../rules/match';
import type { PlatformRules } from '../rules/semantics';
import type { ObjectRule } from '../rules/types';
import type { HNode } from './hnode';

/** What a top-level remediation item does to named objects (`acl:NAME`, `route-map:NAME`, ...). */
export interface ItemObjects {
  /** Objects this item creates or changes (an added or modified definition). */
  readonly creates: Set<string>;
  /** Objects this item deletes (a negated definition). */
  readonly removes: Set<string>;
  /** Objects its added lines refer to. */
  readonly uses: Set<string>;
  /** Objects its removed or overwritten lines referred to. */
  readonly releases: Set<string>;
}

interface CompiledObject {
  readonly kind: ObjectRule['kind'];
  /** With the literal each must start with, tested first: most top-level lines define nothing. */
  readonly define: readonly { readonly re: RegExp; readonly prefix: string }[];
  readonly references: readonly RegExp[];
}

/** A cheap test before the reference regexes: a line naming no object needs none of them. */
const MAY_REFERENCE =
  /access-|prefix|route-map|class|policy|vrf|group|community|distribute|match |server name /;

const compiled = new WeakMap<PlatformRules, readonly CompiledObject[]>();

function objectsOf(rules: PlatformRules): readonly CompiledObject[] {
  let list = compiled.get(rules);
  if (list === undefined) {
    list = rules.driver.objects.map((o) => ({
      kind: o.kind,
      define: o.define.map((d) => ({ re: rules.regex(d), prefix: regexLiteralPrefix(d) })),
      references: o.references.map((r) => rules.regex(r)),
    }));
    compiled.set(rules, list);
  }
  return list;
}

/** The object a top-level line defines, as `kind:name`. */
export function definedObject(text: string, rules: PlatformRules): string | undefined {
  for (const o of objectsOf(rules)) {
    for (const { re, prefix } of o.define) {
      if (!text.startsWith(prefix)) continue;
      const m = re.exec(text);
      if (m !== null && m[1] !== undefined) return `${o.kind}:${m[1]}`;
    }
  }
  return undefined;
}

/** Objects a line refers to (a definition does not refer to itself). */
function referencedObjects(
  text: string,
  rules: PlatformRules,
  into: Set<string>,
  self: string | undefined,
): void {
  if (!MAY_REFERENCE.test(text)) return;
  for (const o of objectsOf(rules)) {
    for (const re of o.references) {
      const m = re.exec(text);
      if (m === null || m[1] === undefined) continue;
      const key = `${o.kind}:${m[1]}`;
      if (key !== self) into.add(key);
    }
  }
}

function referencesInSubtree(
  node: HNode,
  rules: PlatformRules,
  into: Set<string>,
  self: string | undefined,
): void {
  referencedObjects(node.text, rules, into, self);
  for (const c of node.children) referencesInSubtree(c, rules, into, self);
}

/** Whether any top-level item creates or removes an object: if none, no order can depend on one. */
export function touchesObjects(items: readonly HNode[], rules: PlatformRules): boolean {
  const features = rules.driver.features.length > 0;
  if (rules.driver.objects.length === 0 && !features) return false;
  return items.some((item) => {
    const text = item.meta?.negated?.text ?? item.text;
    return (
      definedObject(text, rules) !== undefined ||
      (features && rules.device.enabledFeature(text) !== undefined)
    );
  });
}

/**
 * NX-OS features as objects: `feature X` creates `feature:X`, `no feature X` removes it, and a line
 * that needs X (a feature rule's lineage) uses it, so `feature bgp` precedes `router bgp`.
 */
function featureObjects(node: HNode, rules: PlatformRules, into: Set<string>): void {
  for (const f of rules.device.featuresOf(node)) into.add(`feature:${f}`);
}

/** What a top-level remediation item creates, removes, uses and releases. */
export function itemObjects(item: HNode, rules: PlatformRules): ItemObjects {
  const result: ItemObjects = {
    creates: new Set(),
    removes: new Set(),
    uses: new Set(),
    releases: new Set(),
  };
  const origin = item.meta?.origin;
  const features = rules.driver.features.length > 0;
  if (origin === 'negation' || origin === 'both') {
    const running = item.meta?.negated;
    if (running !== undefined) {
      const defined = definedObject(running.text, rules);
      if (defined !== undefined) result.removes.add(defined);
      const feature = features ? rules.device.enabledFeature(running.text) : undefined;
      if (feature !== undefined) result.removes.add(`feature:${feature}`);
      referencesInSubtree(running, rules, result.releases, defined);
    }
  }
  // What a cascade takes with it (`no feature interface-vlan`: the SVIs) no longer uses its objects.
  for (const absorbed of item.meta?.absorbs ?? [])
    referencesInSubtree(absorbed, rules, result.releases, undefined);
  if (origin !== 'negation') {
    const defined = definedObject(item.text, rules);
    if (defined !== undefined) result.creates.add(defined);
    const feature = features ? rules.device.enabledFeature(item.text) : undefined;
    if (feature !== undefined) result.creates.add(`feature:${feature}`);
    collectChanges(item, rules, result, defined);
  }
  return result;
}

/** Walks an item's lines: added lines use objects, negated and overwritten ones release them. */
function collectChanges(
  node: HNode,
  rules: PlatformRules,
  result: ItemObjects,
  self: string | undefined,
): void {
  const meta = node.meta;
  if (meta === undefined || meta.origin === 'addition' || meta.origin === 'both') {
    referencedObjects(node.text, rules, result.uses, self);
    if (rules.driver.features.length > 0) featureObjects(node, rules, result.uses);
  }
  if ((meta?.origin === 'negation' || meta?.origin === 'both') && meta.negated !== undefined) {
    referencesInSubtree(meta.negated, rules, result.releases, self);
  }
  if (meta?.replaces !== undefined)
    for (const r of meta.replaces) referencesInSubtree(r, rules, result.releases, self);
  for (const c of node.children) collectChanges(c, rules, result, self);
}
