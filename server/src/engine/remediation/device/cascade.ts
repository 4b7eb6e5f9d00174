/**
 * Cascades (PLATFORM-RULES.md, "Device behaviour beyond hier_config"): a line whose sending makes the
 * device remove other lines. IOS `vrf forwarding X` removes the port's addresses, `no switchport` its
 * L2 lines, `no neighbor X remote-as N` every line of neighbor X; NX-OS `no feature X` every line that
 * needs X. The script therefore
 * - sends no negation of a line the cascade removes (the device answers it with an error),
 * - sends again, after the line, the intended lines the cascade removes (`vrf forwarding` then the
 *   addresses), and
 * - puts the line before the lines it would remove;
 * and the predicted config removes them too, so verify tells the truth.
 */
import type { CompiledPredicate } from '../../rules/match';
import type { Wipe } from '../../rules/deviceRules';
import type { PlatformRules } from '../../rules/semantics';
import { HNode, NO_TAGS } from '../hnode';
import { sortDeep } from '../ordering';

/** Applies the cascades of the lines emitted in `section` (a level of the script); `int` is its intended side. */
export function applyCascades(section: HNode, int: HNode, rules: PlatformRules): void {
  let triggers: [HNode, Wipe][] | undefined;
  for (const line of section.children) {
    const origin = line.meta?.origin;
    if (origin === undefined || origin === 'context') continue;
    const wipe = rules.device.cascade(line);
    if (wipe !== undefined) (triggers ??= []).push([line, wipe]);
  }
  if (triggers === undefined) return;
  for (const [trigger, wipe] of triggers) {
    if (trigger.parent !== section) continue; // absorbed by an earlier trigger
    absorb(section, trigger, wipe, int);
    if (wipe.resend) resend(section, trigger, int, wipe, rules);
    placeFirst(section, trigger, wipe);
  }
}

/** Whether `text` is removed by a one-level wipe. */
function wipedHere(wipe: Wipe, text: string): boolean {
  return wipe.levels.some((levels) => levels.length === 1 && levels[0].test(text));
}

/**
 * Drops the negations of lines the trigger removes anyway, recording them on the trigger, and the
 * lines sent only to undo such a line (`switchport trunk allowed vlan all` after `no switchport`).
 */
function absorb(section: HNode, trigger: HNode, wipe: Wipe, int: HNode): void {
  const doomed = new Set<HNode>();
  const absorbed: HNode[] = [];
  const take = (line: HNode): boolean => {
    const negated = line.meta?.negated;
    if (line.meta?.origin !== 'negation' || negated === undefined) return false;
    absorbed.push(negated);
    return true;
  };
  for (const line of section.children) {
    if (line === trigger) continue;
    if (wipedHere(wipe, line.meta?.negated?.text ?? line.text)) {
      if (take(line) || (line.meta?.origin !== 'context' && int.child(line.text) === undefined))
        doomed.add(line);
      continue;
    }
    // Two-level wipes reach into child sections sent for their changes (`address-family` → neighbor).
    for (const levels of wipe.levels) {
      if (levels.length !== 2 || line.meta?.origin !== 'context' || !levels[0].test(line.text)) continue;
      const inner = new Set(
        line.children.filter((c) => levels[1].test(c.meta?.negated?.text ?? c.text) && take(c)),
      );
      line.removeChildren(inner);
      if (line.children.length === 0) doomed.add(line);
    }
  }
  section.removeChildren(doomed);
  if (absorbed.length > 0 && trigger.meta !== undefined)
    trigger.meta.absorbs = [...(trigger.meta.absorbs ?? []), ...absorbed];
}

/**
 * Sends again the intended lines of this section that the trigger removes: unchanged ones are added,
 * a section sent only for a change below it is sent whole.
 */
function resend(section: HNode, trigger: HNode, int: HNode, wipe: Wipe, rules: PlatformRules): void {
  for (const c of int.children) {
    if (c.text === trigger.text || !wipedHere(wipe, c.text)) continue;
    const sent = section.child(c.text);
    if (sent !== undefined && sent.meta?.origin !== 'context') continue;
    if (sent !== undefined) section.removeChildren(new Set([sent]));
    const copy = resentCopy(c);
    section.add(copy);
    sortDeep(copy, rules);
  }
}

function resentCopy(node: HNode): HNode {
  const copy = new HNode(node.text, node.kind, node.source);
  copy.meta = { origin: 'addition', tags: NO_TAGS };
  for (const c of node.children) copy.add(resentCopy(c));
  return copy;
}

/** The trigger goes before the first line it would remove (the lines sent again follow it). */
function placeFirst(section: HNode, trigger: HNode, wipe: Wipe): void {
  const children = section.children;
  const first = children.findIndex((c) => c !== trigger && wipedHere(wipe, c.text));
  const at = children.indexOf(trigger);
  if (first < 0 || first > at) return;
  const order = children.filter((c) => c !== trigger);
  order.splice(first, 0, trigger);
  section.setChildren(order);
}

/**
 * Predict: what the device removes when `line` is sent into `target` (the section it is sent to).
 * Returns the siblings to remove; lines in child sections are removed in place.
 */
export function wipedBy(
  line: HNode,
  target: HNode,
  rules: PlatformRules,
  skip: (n: HNode) => boolean,
): HNode[] {
  const wipe = rules.device.cascade(line);
  if (wipe === undefined) return [];
  const siblings: HNode[] = [];
  for (const c of target.children) {
    if (skip(c) || c.text === line.text) continue;
    for (const levels of wipe.levels) {
      if (!levels[0].test(c.text)) continue;
      if (levels.length === 1) siblings.push(c);
      else removeBelow(c, levels.slice(1));
    }
  }
  return siblings;
}

function removeBelow(node: HNode, levels: readonly CompiledPredicate[]): void {
  const doomed = new Set<HNode>();
  for (const c of node.children) {
    if (!levels[0].test(c.text)) continue;
    if (levels.length === 1) doomed.add(c);
    else removeBelow(c, levels.slice(1));
  }
  node.removeChildren(doomed);
}
