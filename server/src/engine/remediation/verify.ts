import type { PlatformRules } from '../rules/semantics';
import { numberedOrderDifferences } from './device/numberedLists';
import { maskedLines, maskedTwin, secretState } from './device/secrets';
import { sameEntries } from './device/sequenced';
import { sameVlanSets } from './device/vlanSets';
import { sameSubtree, type HNode } from './hnode';
import type { ConfigTree, Difference } from './types';

/**
 * How `predicted` differs from `intended` as hierarchies: the same lines (by canonical key, so
 * `Gi1/0/1` against `GigabitEthernet1/0/1` is no drift) under the same parents,
 * sibling order aside (order is not a change, PLATFORM-RULES.md). A missing or unexpected section is
 * reported once, by its header. Empty when the remediation is complete.
 *
 * Where the device sees two spellings as one config, so does verify (remediation/device/): ACL
 * entries by content and order, numbers aside; numbered ACLs by entry order too; VLAN sets as sets;
 * lines differing only by a secret are equal; a printed default the intended config omits is no
 * difference (absent means keep).
 */
export function verifyTrees(predicted: ConfigTree, intended: ConfigTree): Difference[] {
  const out: Difference[] = [];
  const rules = intended.rules;
  compareLevel(predicted.root, intended.root, [], out, rules);
  if (rules.driver.numberedLists.length > 0) {
    for (const c of numberedOrderDifferences(predicted.root, intended.root, rules))
      out.push({ kind: 'missing', path: [c.text], line: c.line });
  }
  return out;
}

/** Whether two trees hold the same lines under the same parents. */
export function sameTree(a: ConfigTree, b: ConfigTree): boolean {
  return verifyTrees(a, b).length === 0;
}

function compareLevel(
  predicted: HNode,
  intended: HNode,
  path: string[],
  out: Difference[],
  rules: PlatformRules,
): void {
  if (rules.book.has('sequenced') && rules.device.sequenced(intended) !== undefined) {
    const { missing, unexpected } = sameEntries(predicted, intended);
    for (const c of missing) out.push({ kind: 'missing', path: [...path, c.text], line: c.line });
    for (const c of unexpected) out.push({ kind: 'unexpected', path: [...path, c.text], line: c.line });
    return;
  }
  const level = new LevelCheck(predicted, intended, path, out, rules);
  if (!predicted.hasDuplicates && !intended.hasDuplicates) level.compareUnique();
  else level.compareOccurrences();
  level.finish();
}

class LevelCheck {
  /** Some VLAN set lines differ: the sets are compared once the lines are seen. */
  private sets = false;

  constructor(
    private readonly predicted: HNode,
    private readonly intended: HNode,
    private readonly path: string[],
    private readonly out: Difference[],
    private readonly rules: PlatformRules,
  ) {}

  /** The common case: no repeated lines on either side, so each side's index pairs them. */
  compareUnique(): void {
    for (const c of this.intended.children) {
      const twin = this.predicted.child(c.key);
      if (twin === undefined) this.missing(c);
      else if (!sameSubtree(twin, c)) this.recurse(twin, c);
    }
    for (const c of this.predicted.children) if (this.intended.child(c.key) === undefined) this.unexpected(c);
  }

  /** Children by key, with an occurrence number for repeats so that two copies need two copies. */
  compareOccurrences(): void {
    const predictedIds = occurrences(this.predicted);
    const intendedIds = occurrences(this.intended);
    this.intended.children.forEach((c, i) => {
      const twin = predictedIds.byId.get(intendedIds.ids[i]);
      if (twin === undefined) this.missing(c);
      else if (!sameSubtree(twin, c)) this.recurse(twin, c);
    });
    this.predicted.children.forEach((c, i) => {
      if (!intendedIds.byId.has(predictedIds.ids[i])) this.unexpected(c);
    });
  }

  finish(): void {
    if (!this.sets || sameVlanSets(this.predicted, this.intended, this.rules) !== false) return;
    const line = this.intended.children.find((c) => this.rules.device.vlanSet(c) !== undefined);
    const text = line?.text ?? `${this.rules.driver.vlanSets[0]?.command ?? ''} all`;
    this.out.push({ kind: 'missing', path: [...this.path, text], line: line?.line ?? this.intended.line });
  }

  private recurse(twin: HNode, c: HNode): void {
    compareLevel(twin, c, [...this.path, c.text], this.out, this.rules);
  }

  /** A set line: the sets decide, in `finish`. */
  private isSetLine(c: HNode): boolean {
    if (!this.rules.book.has('vlanSets') || this.rules.device.vlanSet(c) === undefined) return false;
    this.sets = true;
    return true;
  }

  private missing(c: HNode): void {
    if (this.isSetLine(c) || this.secretTwin(c, this.predicted)) return;
    this.out.push({ kind: 'missing', path: [...this.path, c.text], line: c.line });
  }

  private unexpected(c: HNode): void {
    if (this.isSetLine(c) || this.rules.device.printedDefault(c) || this.secretTwin(c, this.intended)) return;
    this.out.push({ kind: 'unexpected', path: [...this.path, c.text], line: c.line });
  }

  /** Whether `other` has `c`'s line but for a secret (hashed anew, or masked on either side). */
  private secretTwin(c: HNode, other: HNode): boolean {
    if (secretState(c, other, this.rules)?.kind === 'twin') return true;
    if (this.rules.device.maskedTokens.length === 0) return false;
    const masked = maskedLines(other, this.rules);
    return masked.length > 0 && maskedTwin(c, masked, this.rules) !== undefined;
  }
}

function occurrences(parent: HNode): { ids: string[]; byId: Map<string, HNode> } {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const byId = new Map<string, HNode>();
  for (const c of parent.children) {
    const n = seen.get(c.key) ?? 0;
    seen.set(c.key, n + 1);
    const id = n === 0 ? c.key : `${c.key}\u0000${n}`;
    ids.push(id);
    byId.set(id, c);
  }
  return { ids, byId };
}
