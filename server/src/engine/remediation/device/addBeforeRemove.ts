/**
 * Add before remove (PLATFORM-RULES.md, "Device behaviour beyond hier_config", lock-out): lines that
 * carry the operator's access (static routes, aaa, users: the driver's `addBeforeRemove` rules) are
 * replaced, never removed first. Lines that are one value (vty `access-class`, aaa method lists) are
 * overwritten instead (`idempotent` rules); ACL entries are added before dropped ones go (sequenced.ts).
 */
import type { PlatformRules } from '../../rules/semantics';
import type { HNode } from '../hnode';

/**
 * Add before remove (lock-out): the negations of lines that carry access (routes, aaa, users) go
 * right after the last addition of the same kind at their level, so the new route or method list is
 * in place before the old one goes. A removal that nothing replaces stays where it was.
 */
export function placeAfterReplacements(section: HNode, late: readonly HNode[], rules: PlatformRules): void {
  const bit = rules.device.bits.late;
  const children = section.children;
  let last = -1;
  children.forEach((c, i) => {
    if (c.meta?.origin === 'addition' && (rules.book.kindsOf(c) & bit) !== 0) last = i;
  });
  if (last < 0) return;
  const moved = new Set(late.filter((n) => n.parent === section && children.indexOf(n) < last));
  if (moved.size === 0) return;
  const order: HNode[] = [];
  children.forEach((c, i) => {
    if (!moved.has(c)) order.push(c);
    if (i === last) order.push(...moved);
  });
  section.setChildren(order);
}
